import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRegistry, type LocalRegistry } from '../../../src/images/demo/local-registry.ts';
import { startTokenServer, type TokenServer } from './token-server.ts';

export { startLocalRegistry, type LocalRegistry };

/** docker-registry with token auth, and the token server it trusts. stop() stops both and removes their files. */
export async function startTokenRegistry(): Promise<{ registry: LocalRegistry; tokens: TokenServer; stop(): Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'sca-token-'));
	const tokens = await startTokenServer(dir);
	try {
		const registry = await startLocalRegistry({
			auth: {
				type: 'token',
				realm: tokens.realm,
				service: tokens.service,
				issuer: tokens.issuer,
				rootCertBundle: tokens.certFile,
			},
		});
		return {
			registry,
			tokens,
			stop: async () => {
				await registry.stop();
				await tokens.close();
				await rm(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await tokens.close();
		await rm(dir, { recursive: true, force: true });
		throw error;
	}
}

/** docker-registry with htpasswd (Basic) auth for one bcrypt user. */
export async function startHtpasswdRegistry(
	user: string,
	password: string,
): Promise<{ registry: LocalRegistry; stop(): Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'sca-htpasswd-'));
	const file = join(dir, 'htpasswd');
	await writeFile(file, execFileSync('htpasswd', ['-Bbn', user, password]));
	const registry = await startLocalRegistry({ auth: { type: 'htpasswd', htpasswdFile: file, realm: 'test-realm' } });
	return {
		registry,
		stop: async () => {
			await registry.stop();
			await rm(dir, { recursive: true, force: true });
		},
	};
}
