import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	TokenCache,
	basicAuthorization,
	isTrustedRealm,
	lookupCredentials,
	parseChallenge,
} from '../../../src/registry/index.ts';

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

	it('returns null for missing or unknown schemes', () => {
		expect(parseChallenge(null)).toBeNull();
		expect(parseChallenge('Negotiate abc')).toBeNull();
	});
});

describe('lookupCredentials', () => {
	let dir: string;
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'sca-auth-'));
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('prefers REGISTRY_USERNAME and REGISTRY_PASSWORD', () => {
		const credentials = lookupCredentials('cgr.dev', {
			env: { REGISTRY_USERNAME: 'u', REGISTRY_PASSWORD: 'p' },
			dockerConfigPath: join(dir, 'none.json'),
		});
		expect(credentials).toMatchObject({ username: 'u', password: 'p' });
	});

	it('reads base64 auth and plain fields from docker config auths, matching the host only', async () => {
		const file = join(dir, 'config.json');
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
		expect(lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: join(dir, 'missing.json') })).toBeNull();
	});

	it('names the file when the docker config is broken', async () => {
		const file = join(dir, 'config.json');
		await writeFile(file, '{not json');
		expect(() => lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: file })).toThrow(
			new RegExp(`${file.replace(/[.]/g, '\\.')} is not valid JSON`),
		);
		await writeFile(file, JSON.stringify({ auths: { 'cgr.dev': { auth: Buffer.from('nocolon').toString('base64') } } }));
		expect(() => lookupCredentials('cgr.dev', { env: {}, dockerConfigPath: file })).toThrow(/Unreadable "auth" value/);
	});

	it('encodes Basic authorization', () => {
		expect(basicAuthorization({ username: 'a', password: 'b', source: 'x' })).toBe(
			`Basic ${Buffer.from('a:b').toString('base64')}`,
		);
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
