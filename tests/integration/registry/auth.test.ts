import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { seedDemoImages } from '../../../src/images/demo/seed.ts';
import { RegistryClient, RegistryError, RegistryTransport, parseRegistryLocation } from '../../../src/registry/index.ts';
import { installCredentialHelper } from '../../helpers/registry/credential-helper.ts';
import { startHtpasswdRegistry, startTokenRegistry } from '../../helpers/registry/registries.ts';
import { PUSHER_REFRESH_TOKEN } from '../../helpers/registry/token-server.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const IMAGES = DEMO_IMAGES.filter((image) => ['static', 'jq', 'curl'].includes(image.name));

/** Run the sync CLI as a user would; resolves with its exit code and stderr. */
async function syncCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
	try {
		const { stderr } = await run(process.execPath, ['scripts/images-sync.ts', ...args], {
			cwd: ROOT,
			env: { ...process.env, HOME: '/nonexistent', ...env },
		});
		return { code: 0, stderr };
	} catch (error) {
		const failure = error as { code: number; stderr: string };
		return { code: failure.code, stderr: failure.stderr };
	}
}

describe('token auth (Bearer) on docker-registry', () => {
	let setup: Awaited<ReturnType<typeof startTokenRegistry>>;
	let out: string;

	beforeAll(async () => {
		setup = await startTokenRegistry();
		out = await mkdtemp(join(tmpdir(), 'sca-token-out-'));
		await seedDemoImages(setup.registry.url, IMAGES, {
			transport: { credentials: { username: 'pusher', password: 'push-secret', source: 'test' } },
		});
	});
	afterAll(async () => {
		await setup?.stop();
		await rm(out, { recursive: true, force: true });
	});

	it('syncs anonymously through the token flow, one token per repository scope', async () => {
		setup.tokens.requests.length = 0;
		const result = await syncCli([
			'--registry',
			`${setup.registry.url}/chainguard`,
			'--repos',
			'static,jq,curl',
			'--tags',
			'latest',
			'--out',
			out,
		]);
		expect(result.stderr).toContain('Repositories: 3 (3 updated');
		expect(result.code).toBe(0);
		const scopes = setup.tokens.requests.flatMap((request) => request.scope).sort();
		expect(scopes).toEqual([
			'repository:chainguard/curl:pull',
			'repository:chainguard/jq:pull',
			'repository:chainguard/static:pull',
		]);
		expect(
			setup.tokens.requests.filter((request) => request.user !== null || request.service !== 'test-registry'),
			'token requests with credentials or for another service',
		).toEqual([]);
		expect(JSON.parse(await readFile(join(out, 'jq.json'), 'utf8')).variants[0].platforms).toHaveLength(2);
	});

	it('reports a repository the token service refuses, keeps its entry and exits with 2', async () => {
		const jqBefore = await readFile(join(out, 'jq.json'), 'utf8');
		setup.tokens.denied.add('chainguard/jq');
		try {
			const result = await syncCli([
				'--registry',
				`${setup.registry.url}/chainguard`,
				'--repos',
				'static,jq,curl',
				'--tags',
				'latest',
				'--out',
				out,
			]);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(
				/jq: The registry refused the credentials.*Hint: .*REGISTRY_USERNAME.*\(previous entry kept\)/,
			);
			expect(result.stderr).toContain('2 unchanged, 1 failed');
		} finally {
			setup.tokens.denied.delete('chainguard/jq');
		}
		expect(await readFile(join(out, 'jq.json'), 'utf8')).toBe(jqBefore);
	});

	it('asks the credential helper credHelpers names for the host, and trades an identity token by OAuth 2', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sca-helper-'));
		try {
			const host = setup.registry.host;
			const password = await installCredentialHelper(dir, 'sca-password', {
				[host]: { username: 'pusher', secret: 'push-secret' },
			});
			const identity = await installCredentialHelper(dir, 'sca-identity', {
				[host]: { username: '<token>', secret: PUSHER_REFRESH_TOKEN },
			});
			const env = { PATH: `${dir}:${process.env.PATH}`, DOCKER_CONFIG: dir };
			const args = ['--registry', `${setup.registry.url}/chainguard`, '--repos', 'static', '--tags', 'latest'];
			for (const [helper, oauth] of [
				[password, false],
				[identity, true],
			] as const) {
				// credsStore names a helper that knows nothing: credHelpers for the host must win over it.
				await writeFile(
					join(dir, 'config.json'),
					JSON.stringify({ credsStore: 'sca-empty', credHelpers: { [host]: helper.name } }),
				);
				setup.tokens.requests.length = 0;
				const result = await syncCli([...args, '--out', join(dir, helper.name)], env);
				expect(result.stderr).toContain('1 updated');
				expect(result.code).toBe(0);
				expect((await readFile(helper.log, 'utf8')).trim()).toBe(host);
				expect(setup.tokens.requests.map((request) => [request.user, request.oauth])).toContainEqual(['pusher', oauth]);
				expect(
					setup.tokens.requests.filter((request) => request.user !== 'pusher'),
					"token requests without the helper's user",
				).toEqual([]);
			}
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('sends credentials to the token realm only, and refuses wrong ones with a hint', async () => {
		const location = parseRegistryLocation(`${setup.registry.url}/chainguard`);
		setup.tokens.requests.length = 0;
		const good = new RegistryClient(
			location,
			new RegistryTransport({ credentials: { username: 'pusher', password: 'push-secret', source: 'test' } }),
		);
		expect(await good.tags('chainguard/static')).toEqual(expect.arrayContaining(['latest']));
		expect(setup.tokens.requests.at(-1)!.user).toBe('pusher');
		const bad = new RegistryClient(
			location,
			new RegistryTransport({ credentials: { username: 'pusher', password: 'wrong', source: 'the test' } }),
		);
		const error = await bad.tags('chainguard/static').catch((caught) => caught);
		expect(error).toBeInstanceOf(RegistryError);
		expect(error).toMatchObject({ kind: 'auth', status: 401 });
		expect(error.hint).toContain('the test');
	});
});

describe('htpasswd (Basic) on docker-registry', () => {
	let setup: Awaited<ReturnType<typeof startHtpasswdRegistry>>;
	let out: string;

	beforeAll(async () => {
		setup = await startHtpasswdRegistry('reader', 'reader-secret');
		out = await mkdtemp(join(tmpdir(), 'sca-basic-out-'));
		await seedDemoImages(setup.registry.url, IMAGES.slice(0, 1), {
			transport: { credentials: { username: 'reader', password: 'reader-secret', source: 'test' } },
		});
	});
	afterAll(async () => {
		await setup?.stop();
		await rm(out, { recursive: true, force: true });
	});

	it('exits with 1 and a hint when no credentials are configured', async () => {
		const result = await syncCli([
			'--registry',
			`${setup.registry.url}/chainguard`,
			'--repos',
			'static',
			'--tags',
			'latest',
			'--out',
			out,
		]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/user name and password.*Hint: Set REGISTRY_USERNAME and REGISTRY_PASSWORD/);
	});

	it('reads credentials from the environment', async () => {
		const result = await syncCli(
			['--registry', `${setup.registry.url}/chainguard`, '--repos', 'static', '--tags', 'latest', '--out', out],
			{
				REGISTRY_USERNAME: 'reader',
				REGISTRY_PASSWORD: 'reader-secret',
			},
		);
		expect(result.stderr).toContain('1 updated');
		expect(result.code).toBe(0);
	});

	it('reads credentials from the credsStore helper, and says so when the helper is missing', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sca-store-'));
		try {
			const helper = await installCredentialHelper(dir, 'sca-store', {
				[setup.registry.host]: { username: 'reader', secret: 'reader-secret' },
			});
			const args = ['--registry', `${setup.registry.url}/chainguard`, '--repos', 'static', '--tags', 'latest'];
			await writeFile(join(dir, 'config.json'), JSON.stringify({ credsStore: helper.name }));
			const env = { PATH: `${dir}:${process.env.PATH}`, DOCKER_CONFIG: dir };
			const result = await syncCli([...args, '--out', join(dir, 'out')], env);
			expect(result.stderr).toContain('1 updated');
			expect(result.code).toBe(0);
			await writeFile(join(dir, 'config.json'), JSON.stringify({ credsStore: 'sca-not-installed' }));
			const missing = await syncCli([...args, '--out', join(dir, 'out')], env);
			expect(missing.code).toBe(1);
			expect(missing.stderr).toMatch(/docker-credential-sca-not-installed is not on PATH.*Install the credential helper/s);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('reads credentials from a docker config.json', async () => {
		const dockerConfig = join(out, 'docker');
		await mkdir(dockerConfig);
		const auth = Buffer.from('reader:reader-secret').toString('base64');
		await writeFile(
			join(dockerConfig, 'config.json'),
			JSON.stringify({ auths: { [`http://${setup.registry.host}`]: { auth } } }),
		);
		const result = await syncCli(
			['--registry', `${setup.registry.url}/chainguard`, '--repos', 'static', '--tags', 'latest', '--out', join(out, 'second')],
			{ DOCKER_CONFIG: dockerConfig },
		);
		expect(result.stderr).toContain('1 updated');
		expect(result.code).toBe(0);
	});
});
