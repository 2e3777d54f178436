import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	RegistryError,
	TokenCache,
	type HelperRunner,
	basicAuthorization,
	isTrustedRealm,
	lookupCredentials,
	parseChallenge,
} from '../../../src/registry/index.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

describe('parseChallenge', () => {
	it('reads a Bearer challenge with quoted parameters', () => {
		expect(
			parseChallenge('Bearer realm="https://cgr.dev/token",service="cgr.dev",scope="repository:chainguard/node:pull"'),
		).toEqual({
			scheme: 'bearer',
			params: { realm: 'https://cgr.dev/token', service: 'cgr.dev', scope: 'repository:chainguard/node:pull' },
		});
	});

	it('reads Basic, unquoted values and scopes with commas', () => {
		expect(parseChallenge('Basic realm="test-realm"')).toEqual({ scheme: 'basic', params: { realm: 'test-realm' } });
		expect(parseChallenge('bearer realm=https://x/token, scope="repository:a:pull,push"')!.params).toEqual({
			realm: 'https://x/token',
			scope: 'repository:a:pull,push',
		});
	});

	it('prefers Bearer when one header offers Basic and Bearer (as Quay has sent it)', () => {
		expect(
			parseChallenge(
				'Basic realm="quay.io", Bearer realm="https://quay.io/v2/auth",service="quay.io",scope="repository:a/b:pull"',
			),
		).toEqual({
			scheme: 'bearer',
			params: { realm: 'https://quay.io/v2/auth', service: 'quay.io', scope: 'repository:a/b:pull' },
		});
	});

	it('returns null for missing or unknown schemes', () => {
		expect(parseChallenge(null)).toBeNull();
		expect(parseChallenge('Negotiate abc')).toBeNull();
	});
});

describe('lookupCredentials', () => {
	const dir = temporaryFolderPerTest('sca-auth-');

	it('prefers REGISTRY_USERNAME and REGISTRY_PASSWORD', () => {
		const credentials = lookupCredentials('cgr.dev', {
			env: { REGISTRY_USERNAME: 'u', REGISTRY_PASSWORD: 'p' },
			dockerConfigPath: join(dir(), 'none.json'),
		});
		expect(credentials).toMatchObject({ username: 'u', password: 'p' });
	});

	it('reads base64 auth and plain fields from docker config auths, matching the host only', async () => {
		const file = join(dir(), 'config.json');
		await writeFile(
			file,
			JSON.stringify({
				auths: {
					'https://cgr.dev/v2/': { auth: Buffer.from('alice:s3cr:et').toString('base64') },
					'127.0.0.1:5000': { username: 'bob', password: 'pw' },
					'https://index.docker.io/v1/': { auth: Buffer.from('carol:x').toString('base64') },
				},
			}),
		);
		expect(lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: file })).toMatchObject({
			username: 'alice',
			password: 's3cr:et',
		});
		expect(lookupCredentials('127.0.0.1:5000', { env: {}, dockerConfigPath: file })).toMatchObject({
			username: 'bob',
			password: 'pw',
		});
		expect(lookupCredentials('docker.io', { env: {}, dockerConfigPath: file })).toMatchObject({ username: 'carol' });
		expect(lookupCredentials('ghcr.io', { env: {}, dockerConfigPath: file })).toBeNull();
		expect(lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: join(dir(), 'missing.json') })).toBeNull();
	});

	it('names the file when the docker config is broken', async () => {
		const file = join(dir(), 'config.json');
		await writeFile(file, '{not json');
		expect(() => lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: file })).toThrow(
			new RegExp(`${file.replace(/[.]/g, '\\.')} is not valid JSON`),
		);
		await writeFile(file, JSON.stringify({ auths: { 'cgr.dev': { auth: Buffer.from('nocolon').toString('base64') } } }));
		expect(() => lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: file })).toThrow(/Unreadable "auth" value/);
	});

	it('reads an identity token stored in auths', async () => {
		const file = join(dir(), 'config.json');
		await writeFile(file, JSON.stringify({ auths: { 'registry.example': { identitytoken: 'refresh-me' } } }));
		expect(lookupCredentials('registry.example', { env: {}, dockerConfigPath: file })).toMatchObject({
			username: '',
			password: '',
			identityToken: 'refresh-me',
		});
	});

	it('encodes Basic authorization', () => {
		expect(basicAuthorization({ username: 'a', password: 'b', source: 'x' })).toBe(
			`Basic ${Buffer.from('a:b').toString('base64')}`,
		);
	});
});

describe('credential helpers', () => {
	let dir: string;
	let file: string;
	const calls: Array<[string, string]> = [];
	/** A helper that knows one secret per server URL, answering as docker-credential-helpers does. */
	const runHelper: HelperRunner = (program, serverUrl) => {
		calls.push([program, serverUrl]);
		const stored: Record<string, { Username: string; Secret: string }> = {
			'https://index.docker.io/v1/': { Username: 'hubuser', Secret: 'hub-pat' },
			'ghcr.io': { Username: 'octocat', Secret: 'ghp_x' },
			'registry.example': { Username: '<token>', Secret: 'refresh-token' },
		};
		const entry = stored[serverUrl];
		if (program === 'docker-credential-broken') return { status: 1, stdout: 'keychain locked\n' };
		if (program === 'docker-credential-missing') {
			return { status: null, stdout: '', error: Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }) };
		}
		if (program === 'docker-credential-babbling') return { status: 0, stdout: 'not json' };
		return entry
			? { status: 0, stdout: JSON.stringify({ ServerURL: serverUrl, ...entry }) }
			: { status: 1, stdout: 'credentials not found in native keychain\n' };
	};
	const lookup = (host: string) => lookupCredentials(host, { env: {}, dockerConfigPath: file, runHelper });

	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'sca-helpers-'));
		file = join(dir, 'config.json');
		calls.length = 0;
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it("asks the host's credHelpers entry first, then credsStore, never the auths of a helper-managed host", async () => {
		await writeFile(
			file,
			JSON.stringify({
				auths: { 'ghcr.io': { auth: Buffer.from('file:secret').toString('base64') } },
				credsStore: 'desktop',
				credHelpers: { 'ghcr.io': 'gh' },
			}),
		);
		expect(lookup('ghcr.io')).toEqual({ username: 'octocat', password: 'ghp_x', source: `docker-credential-gh (${file})` });
		expect(lookup('docker.io')).toMatchObject({ username: 'hubuser', password: 'hub-pat' });
		expect(lookup('quay.io')).toBeNull();
		expect(calls).toEqual([
			['docker-credential-gh', 'ghcr.io'],
			['docker-credential-desktop', 'https://index.docker.io/v1/'],
			['docker-credential-desktop', 'quay.io'],
		]);
	});

	it('takes the "<token>" user name as an identity token', async () => {
		await writeFile(file, JSON.stringify({ credHelpers: { 'registry.example': 'acr' } }));
		expect(lookup('registry.example')).toMatchObject({ username: '', password: '', identityToken: 'refresh-token' });
	});

	it.each([
		['missing', /docker-credential-missing is not on PATH/, /Install the credential helper/],
		['broken', /docker-credential-broken failed for ghcr.io: keychain locked/, /docker login/],
		['babbling', /printed something other than JSON/, /ServerURL/],
		['../evil', /is not a program name/, /by its suffix/],
	])('reports a %s helper with the reason and a hint', async (helper, message, hint) => {
		await writeFile(file, JSON.stringify({ credHelpers: { 'ghcr.io': helper } }));
		const error = (() => {
			try {
				lookup('ghcr.io');
			} catch (caught) {
				return caught as RegistryError;
			}
		})();
		expect(error).toBeInstanceOf(RegistryError);
		expect(error!.message).toMatch(message);
		expect(error!.hint).toMatch(hint);
	});
});

describe('isTrustedRealm', () => {
	it('trusts the registry host and its sibling hosts, not other domains', () => {
		expect(isTrustedRealm(new URL('https://cgr.dev/token'), 'cgr.dev')).toBe(true);
		expect(isTrustedRealm(new URL('https://auth.docker.io/token'), 'registry-1.docker.io')).toBe(true);
		expect(isTrustedRealm(new URL('http://127.0.0.1:5002/token'), '127.0.0.1:5000')).toBe(true);
		expect(isTrustedRealm(new URL('https://evil.example/token'), 'cgr.dev')).toBe(false);
		expect(isTrustedRealm(new URL('http://127.0.0.2/token'), '127.0.0.1:5000')).toBe(false);
		expect(isTrustedRealm(new URL('https://auth.example/token'), 'cgr.dev', ['auth.example'])).toBe(true);
	});
});

describe('TokenCache', () => {
	it('keeps a token until 90% of its lifetime, 60 s when the server gives none', () => {
		let now = 0;
		const cache = new TokenCache(() => now);
		cache.set('a', 'token-a', 100);
		cache.set('b', 'token-b', undefined);
		now = 89_000;
		expect(cache.get('a')).toBe('token-a');
		expect(cache.get('b')).toBeNull();
		now = 90_000;
		expect(cache.get('a')).toBeNull();
		expect(TokenCache.key('r', 's', 'scope')).not.toBe(TokenCache.key('r', 's', 'other'));
	});
});
