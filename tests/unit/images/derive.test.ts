import { describe, expect, it } from 'vitest';
import { deriveHasPackageManager, deriveHasShell, deriveRunsAsRoot } from '../../../src/images/derive.ts';
import type { ImageConfig, Sbom } from '../../../src/images/model.ts';

const config = (fields: Partial<ImageConfig> = {}): ImageConfig => ({
	user: '65532',
	entrypoint: null,
	cmd: null,
	workingDir: null,
	env: null,
	labels: null,
	stopSignal: null,
	volumes: null,
	exposedPorts: null,
	...fields,
});
const sbom = (...names: string[]): Sbom => ({
	format: 'SPDX-2.3',
	source: 'cosign-tag',
	attachedTo: 'manifest',
	packages: names.map((name) => ({ name, version: '1', license: null, purl: null })),
});

describe('derived facts', () => {
	it('finds a shell in the SBOM or the configured command', () => {
		expect(deriveHasShell(sbom('glibc', 'busybox', 'bash'), config())).toMatchObject({
			value: true,
			evidence: ['package busybox', 'package bash'],
		});
		expect(deriveHasShell(sbom('glibc'), config())).toMatchObject({ value: false, evidence: [] });
		expect(deriveHasShell(null, config({ cmd: ['/bin/sh', '-l'] }))).toMatchObject({
			value: true,
			evidence: ['config starts /bin/sh'],
		});
		const unknown = deriveHasShell(null, config({ entrypoint: ['/usr/bin/node'] }));
		expect(unknown.value).toBeNull();
		expect(unknown.rule).toMatch(/null when no SBOM is published/);
	});

	it('finds apk-tools as the package manager', () => {
		expect(deriveHasPackageManager(sbom('apk-tools', 'busybox'))).toMatchObject({ value: true, evidence: ['package apk-tools'] });
		expect(deriveHasPackageManager(sbom('busybox')).value).toBe(false);
		expect(deriveHasPackageManager(null).value).toBeNull();
	});

	it.each([
		[null, true],
		['', true],
		['0', true],
		['root', true],
		['0:0', true],
		['root:wheel', true],
		['65532', false],
		['nonroot', false],
		['70:70', false],
	])('User %j runs as root: %s', (user, root) => {
		const fact = deriveRunsAsRoot(config({ user }));
		expect(fact.value).toBe(root);
		expect(fact.evidence).toEqual([user === null ? 'User not set' : `User "${user}"`]);
	});
});
