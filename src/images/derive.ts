import type { Fact, ImageConfig, Sbom } from './model.ts';

/** Packages that install /bin/sh or another interactive shell in Wolfi and Alpine. */
const SHELL_PACKAGES = ['bash', 'busybox', 'dash', 'mksh', 'zsh'];
const SHELL_PATHS = ['/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/usr/bin/bash', '/usr/bin/sh'];
const PACKAGE_MANAGERS = ['apk-tools'];

const HAS_SHELL_RULE =
	`true when the SBOM lists ${SHELL_PACKAGES.join(', ')}, or the entrypoint or command starts a shell (${SHELL_PATHS.join(', ')}); ` +
	'false when the SBOM lists none of these and the config starts no shell; null when no SBOM is published.';
const PACKAGE_MANAGER_RULE = `true when the SBOM lists ${PACKAGE_MANAGERS.join(', ')}; false when it does not; null when no SBOM is published.`;
const RUNS_AS_ROOT_RULE = 'true when the config User is unset, empty, 0 or root (with any group); false for any other user.';

function shellInConfig(config: ImageConfig): string[] {
	const first = [config.entrypoint?.[0], config.cmd?.[0]].filter((value): value is string => value !== undefined);
	return first.filter((command) => SHELL_PATHS.includes(command)).map((command) => `config starts ${command}`);
}

/** Whether the image has a shell, from the SBOM packages and the configured command. */
export function deriveHasShell(sbom: Sbom | null, config: ImageConfig): Fact {
	const fromConfig = shellInConfig(config);
	const fromSbom = sbom
		? sbom.packages.filter((pkg) => SHELL_PACKAGES.includes(pkg.name)).map((pkg) => `package ${pkg.name}`)
		: [];
	const evidence = [...new Set([...fromSbom, ...fromConfig])];
	if (evidence.length > 0) return { value: true, rule: HAS_SHELL_RULE, evidence };
	return { value: sbom ? false : null, rule: HAS_SHELL_RULE, evidence };
}

/** Whether the image ships a package manager (apk-tools), from the SBOM. */
export function deriveHasPackageManager(sbom: Sbom | null): Fact {
	if (!sbom) return { value: null, rule: PACKAGE_MANAGER_RULE, evidence: [] };
	const evidence = [
		...new Set(sbom.packages.filter((pkg) => PACKAGE_MANAGERS.includes(pkg.name)).map((pkg) => `package ${pkg.name}`)),
	];
	return { value: evidence.length > 0, rule: PACKAGE_MANAGER_RULE, evidence };
}

/** Whether the container starts as root, from the config User. */
export function deriveRunsAsRoot(config: ImageConfig): Fact {
	const user = (config.user ?? '').split(':')[0].trim();
	const root = user === '' || user === '0' || user === 'root';
	return { value: root, rule: RUNS_AS_ROOT_RULE, evidence: [config.user === null ? 'User not set' : `User "${config.user}"`] };
}
