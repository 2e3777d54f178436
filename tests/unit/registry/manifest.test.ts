import { describe, expect, it } from 'vitest';
import {
	MediaType,
	RegistryError,
	computeDigest,
	parseManifest,
	platformName,
	verifyDigest,
} from '../../../src/registry/index.ts';

const digest = `sha256:${'a'.repeat(64)}`;
const manifest = {
	schemaVersion: 2,
	mediaType: MediaType.ociManifest,
	config: { mediaType: MediaType.ociConfig, digest, size: 10 },
	layers: [],
};
const index = {
	schemaVersion: 2,
	mediaType: MediaType.ociIndex,
	manifests: [
		{ mediaType: MediaType.ociManifest, digest, size: 10, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
	],
};
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

function caught(run: () => unknown): RegistryError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(RegistryError);
		return error as RegistryError;
	}
	throw new Error('expected a RegistryError');
}

describe('parseManifest', () => {
	it('reads OCI and Docker indexes and manifests by Content-Type, ignoring parameters', () => {
		expect(parseManifest(bytes(index), digest, `${MediaType.ociIndex}; charset=utf-8`, {}).kind).toBe('index');
		expect(parseManifest(bytes(manifest), digest, MediaType.ociManifest, {}).kind).toBe('manifest');
		const docker = { ...manifest, mediaType: MediaType.dockerManifest };
		expect(parseManifest(bytes(docker), digest, MediaType.dockerManifest, {})).toMatchObject({
			kind: 'manifest',
			mediaType: MediaType.dockerManifest,
		});
		expect(parseManifest(bytes({ ...index, mediaType: MediaType.dockerList }), digest, MediaType.dockerList, {}).kind).toBe(
			'index',
		);
	});

	it('falls back to the body mediaType when the server sends a generic Content-Type', () => {
		expect(parseManifest(bytes(index), digest, 'application/json', {}).mediaType).toBe(MediaType.ociIndex);
		expect(parseManifest(bytes(index), digest, null, {}).kind).toBe('index');
	});

	it('rejects disagreeing and unsupported media types', () => {
		expect(caught(() => parseManifest(bytes(index), digest, MediaType.ociManifest, {})).kind).toBe('media-type');
		const schema1 = caught(() =>
			parseManifest(bytes({ schemaVersion: 1 }), digest, 'application/vnd.docker.distribution.manifest.v1+prettyjws', {}),
		);
		expect(schema1.kind).toBe('media-type');
		expect(schema1.hint).toMatch(/schema 1/);
		expect(caught(() => parseManifest(bytes({ schemaVersion: 2 }), digest, 'text/html', {})).kind).toBe('media-type');
	});

	it('names the malformed field', () => {
		const error = caught(() =>
			parseManifest(
				bytes({ ...manifest, layers: [{ mediaType: 'x', digest: 'nope', size: 1 }] }),
				digest,
				MediaType.ociManifest,
				{},
			),
		);
		expect(error.kind).toBe('json');
		expect(error.message).toContain('field "layers.0.digest"');
		expect(caught(() => parseManifest(Buffer.from('{"schemaVersion":'), digest, MediaType.ociManifest, {})).message).toMatch(
			/not valid JSON/,
		);
		expect(caught(() => parseManifest(Buffer.from('[1]'), digest, MediaType.ociManifest, {})).kind).toBe('json');
	});
});

describe('digests', () => {
	it('computes sha256 and sha512 and checks bodies against them', () => {
		const body = Buffer.from('{}');
		expect(computeDigest(body)).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
		expect(() => verifyDigest(body, computeDigest(body, 'sha512'), {})).not.toThrow();
		const error = caught(() => verifyDigest(Buffer.from('{ }'), computeDigest(body), { repository: 'r', reference: 'latest' }));
		expect(error).toMatchObject({ kind: 'digest', repository: 'r', reference: 'latest' });
		expect(error.describe()).toMatch(/Content digest mismatch.*Hint: /);
	});

	it('names platforms', () => {
		expect(platformName({ os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe('linux/arm64/v8');
		expect(platformName({ os: 'linux', architecture: 'amd64' })).toBe('linux/amd64');
	});
});
