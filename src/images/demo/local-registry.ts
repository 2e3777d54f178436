import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcademyError } from '../../lib/errors.ts';

/** Debian's distribution registry binary (package docker-registry). */
export const DOCKER_REGISTRY_BINARY = process.env.DOCKER_REGISTRY_BIN ?? '/usr/bin/docker-registry';

/**
 * The garbage collector setting docker-registry runs with; a GOGC set by the caller wins. Every blob GET allocates a
 * 4 MiB read buffer (distribution's filereader.go): with Go's default of 100 and a live heap of a few MiB that is a
 * collection per blob, while 400 halves the registry's CPU per blob (about 4.1 → 2.1 ms, docs/performance.md) for a
 * heap of at most five times the live one.
 */
export const DOCKER_REGISTRY_GOGC = process.env.GOGC ?? '400';

/** Auth section of the registry config: none, htpasswd (Basic) or token (Bearer with a token server). */
export type LocalRegistryAuth =
	| { type: 'none' }
	| { type: 'htpasswd'; htpasswdFile: string; realm?: string }
	| { type: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string };

export interface LocalRegistry {
	/** `http://127.0.0.1:PORT` */
	url: string;
	/** `127.0.0.1:PORT` */
	host: string;
	port: number;
	pid: number;
	/** Temporary directory holding config (and storage, unless `storageRoot` was given); removed by stop(). */
	dir: string;
	stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new AcademyError('The loopback interface gave no port.', 'Check that 127.0.0.1 is configured.')),
			);
		});
	});
}

function authYaml(auth: LocalRegistryAuth): string {
	if (auth.type === 'htpasswd')
		return `auth:\n  htpasswd:\n    realm: ${auth.realm ?? 'local-registry'}\n    path: ${auth.htpasswdFile}\n`;
	if (auth.type === 'token') {
		return `auth:\n  token:\n    realm: ${auth.realm}\n    service: ${auth.service}\n    issuer: ${auth.issuer}\n    rootcertbundle: ${auth.rootCertBundle}\n`;
	}
	return '';
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new AcademyError(
				`docker-registry exited with code ${child.exitCode}:\n${output()}`,
				'Its output above says why; a port in use or a bad config are the usual causes.',
			);
		try {
			const response = await fetch(`${url}/v2/`);
			await response.body?.cancel();
			if (response.status === 200 || response.status === 401) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new AcademyError(
		`docker-registry did not answer on ${url} within 15 s:\n${output()}`,
		'The machine may be overloaded; try again, and check its output above.',
	);
}

/** How to start a local registry; every field is optional. */
export interface LocalRegistryOptions {
	/** Who may pull and push; none by default. */
	auth?: LocalRegistryAuth;
	/** Serve this storage folder instead of a fresh one; stop() leaves it in place, so several registries can share it. */
	storageRoot?: string;
	/**
	 * Answer blob GETs with a redirect to this base URL plus the blob's storage path instead of the bytes, as registries
	 * hand blobs to object storage or a CDN; a static server must serve the storage folder at that base.
	 */
	blobRedirectBase?: string;
}

/** docker-registry's storage middleware that redirects blob downloads, or nothing. */
function blobRedirectYaml(base: string | undefined): string {
	return base ? `middleware:\n  storage:\n    - name: redirect\n      options:\n        baseurl: ${base}\n` : '';
}

/** Start docker-registry on a free loopback port with its own config and storage in a temporary directory. */
export async function startLocalRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
	const dir = await mkdtemp(join(tmpdir(), 'sca-registry-'));
	const port = await freePort();
	const config = join(dir, 'config.yml');
	await writeFile(
		config,
		[
			'version: 0.1',
			'log:',
			'  level: warn',
			'  accesslog:',
			'    disabled: true',
			'storage:',
			// Caches blob descriptors in memory instead of reading link files from disk on every request.
			'  cache:',
			'    blobdescriptor: inmemory',
			'  filesystem:',
			`    rootdirectory: ${options.storageRoot ?? join(dir, 'storage')}`,
			'  delete:',
			'    enabled: true',
			'  maintenance:',
			'    uploadpurging:',
			'      enabled: false',
			'http:',
			`  addr: 127.0.0.1:${port}`,
			'  secret: local-test-secret',
			'',
		].join('\n') +
			authYaml(options.auth ?? { type: 'none' }) +
			blobRedirectYaml(options.blobRedirectBase),
	);
	const child = spawn(DOCKER_REGISTRY_BINARY, ['serve', config], {
		env: { ...process.env, GOGC: DOCKER_REGISTRY_GOGC },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
	child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
	const spawned = new Promise<void>((resolve, reject) => {
		child.once('spawn', resolve);
		child.once('error', (error) =>
			reject(
				new AcademyError(
					`Cannot start ${DOCKER_REGISTRY_BINARY}: ${error.message}`,
					'Install it with apt-get install docker-registry, or name another binary with DOCKER_REGISTRY_BIN.',
				),
			),
		);
	});
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			process.kill(child.pid!, 'SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
			if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
		}
		await rm(dir, { recursive: true, force: true });
	};
	try {
		await spawned;
		await waitUntilUp(url, child, () => output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, host: `127.0.0.1:${port}`, port, pid: child.pid!, dir, stop };
}
