import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A credential helper installed for a test: its suffix (for credsStore / credHelpers) and the log of what it was asked. */
export interface InstalledHelper {
	/** The name docker config uses: `docker-credential-<name>`. */
	name: string;
	/** File the helper appends each server URL it is asked for to. */
	log: string;
}

/**
 * Write `docker-credential-<name>` into `dir` (put `dir` on PATH): a POSIX shell script that speaks the credential
 * helper protocol (docker/docker-credential-helpers credentials.Get): `get` reads the server URL on stdin and prints
 * {"ServerURL","Username","Secret"}, or prints "credentials not found in native keychain" and exits 1.
 */
export async function installCredentialHelper(
	dir: string,
	name: string,
	stored: Record<string, { username: string; secret: string }>,
): Promise<InstalledHelper> {
	const log = join(dir, `${name}.log`);
	const cases = Object.entries(stored)
		.map(
			([server, { username, secret }]) =>
				`\t'${server}') printf '%s\\n' '${JSON.stringify({ ServerURL: server, Username: username, Secret: secret })}' ;;`,
		)
		.join('\n');
	const script = `#!/bin/sh
# A docker credential helper for tests: answers "get" from a fixed table.
[ "$1" = get ] || { echo "unsupported action $1"; exit 1; }
server=$(cat)
printf '%s\\n' "$server" >> '${log}'
case "$server" in
${cases}
\t*) echo 'credentials not found in native keychain'; exit 1 ;;
esac
`;
	const file = join(dir, `docker-credential-${name}`);
	await writeFile(file, script);
	await chmod(file, 0o755);
	return { name, log };
}
