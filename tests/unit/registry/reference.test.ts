import { describe, expect, it } from 'vitest';
import {
	RegistryError,
	assertRepositoryName,
	assertTag,
	digestTag,
	isArtifactTag,
	isLoopbackHost,
	parseRegistryLocation,
	qualifiedRepositoryPath,
	repositoryPath,
} from '../../../src/registry/index.ts';

describe('parseRegistryLocation', () => {
	it('defaults to HTTPS and keeps the namespace', () => {
		expect(parseRegistryLocation('cgr.dev/chainguard')).toEqual({
			host: 'cgr.dev',
			baseUrl: 'https://cgr.dev',
			namespace: 'chainguard',
		});
		expect(parseRegistryLocation('Registry.Example.com:5000/a/b/')).toEqual({
			host: 'registry.example.com:5000',
			baseUrl: 'https://registry.example.com:5000',
			namespace: 'a/b',
		});
		expect(parseRegistryLocation('ghcr.io')).toMatchObject({ namespace: '' });
	});

	it.each(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'https://docker.io'])(
		'names Docker Hub docker.io and reads its API at registry-1.docker.io (from %s)',
		(host) => {
			expect(parseRegistryLocation(`${host}/library`)).toEqual({
				host: 'docker.io',
				baseUrl: 'https://registry-1.docker.io',
				namespace: 'library',
			});
		},
	);

	it('puts official Docker Hub images below library/, and nothing else', () => {
		expect(repositoryPath(parseRegistryLocation('docker.io'), 'python')).toBe('library/python');
		expect(repositoryPath(parseRegistryLocation('docker.io'), 'bitnami/redis')).toBe('bitnami/redis');
		expect(repositoryPath(parseRegistryLocation('docker.io/library'), 'python')).toBe('library/python');
		expect(repositoryPath(parseRegistryLocation('docker.io/chainguard'), 'python')).toBe('chainguard/python');
		expect(repositoryPath(parseRegistryLocation('ghcr.io'), 'python')).toBe('python');
		expect(qualifiedRepositoryPath('docker.io', '', 'node')).toBe('library/node');
		expect(qualifiedRepositoryPath('quay.io', '', 'node')).toBe('node');
	});

	it('allows plain HTTP for loopback hosts, and elsewhere only with insecure', () => {
		expect(parseRegistryLocation('http://127.0.0.1:5000/chainguard').baseUrl).toBe('http://127.0.0.1:5000');
		expect(parseRegistryLocation('http://localhost:5000').baseUrl).toBe('http://localhost:5000');
		expect(() => parseRegistryLocation('http://registry.internal/x')).toThrow(/Refusing plain HTTP/);
		expect(parseRegistryLocation('http://registry.internal/x', { insecure: true }).baseUrl).toBe('http://registry.internal');
		expect(parseRegistryLocation('registry.internal/x', { insecure: true }).baseUrl).toBe('http://registry.internal');
	});

	it.each(['', 'http://', 'exa mple.com/x', 'cgr.dev/Chainguard', 'cgr.dev/a//b', 'cgr.dev/-a'])(
		'rejects "%s" with a hint',
		(input) => {
			const error = (() => {
				try {
					parseRegistryLocation(input);
				} catch (caught) {
					return caught;
				}
			})();
			expect(error).toBeInstanceOf(RegistryError);
			expect((error as RegistryError).kind).toBe('reference');
			expect((error as RegistryError).hint).not.toBe('');
		},
	);
});

describe('names, tags and digests', () => {
	it('accepts names and tags of the distribution spec and rejects others', () => {
		for (const name of ['chainguard/python', 'a__b/c-d', 'a.b/c---d']) expect(() => assertRepositoryName(name)).not.toThrow();
		for (const name of ['Chainguard', 'a_', '/a', 'a/', 'a..b', 'x'.repeat(256)])
			expect(() => assertRepositoryName(name)).toThrow(RegistryError);
		for (const tag of ['latest', '3.13-dev', '_x', 'A'.repeat(128)]) expect(() => assertTag(tag)).not.toThrow();
		for (const tag of ['.x', '-x', 'a:b', 'A'.repeat(129)]) expect(() => assertTag(tag)).toThrow(/Invalid tag/);
	});

	it('joins namespace and name', () => {
		expect(repositoryPath(parseRegistryLocation('cgr.dev/chainguard'), 'python')).toBe('chainguard/python');
		expect(repositoryPath(parseRegistryLocation('cgr.dev'), 'python')).toBe('python');
	});

	it('derives the referrers tag schema and recognizes artifact tags', () => {
		const digest = `sha256:${'ab'.repeat(32)}`;
		expect(digestTag(digest)).toBe(`sha256-${'ab'.repeat(32)}`);
		expect(digestTag(`sha512:${'c'.repeat(128)}`)).toBe(`sha512-${'c'.repeat(64)}`);
		expect(isArtifactTag(`${digestTag(digest)}.sig`)).toBe(true);
		expect(isArtifactTag(`${digestTag(digest)}.att`)).toBe(true);
		expect(isArtifactTag(digestTag(digest))).toBe(true);
		expect(isArtifactTag('latest')).toBe(false);
		expect(isArtifactTag(`${digestTag(digest)}.txt`)).toBe(false);
	});

	it('knows loopback hosts', () => {
		expect(['127.0.0.1:5000', 'localhost', '[::1]:80', '127.3.2.1'].filter((host) => !isLoopbackHost(host))).toEqual([]);
		expect(['cgr.dev', '10.0.0.1', 'localhost.example.com'].filter(isLoopbackHost)).toEqual([]);
	});
});
