import { describe, expect, it } from 'vitest';
import { isBundleMediaType, readSigstoreBundle } from '../../../src/attestations/bundle.ts';
import { PredicateType } from '../../../src/attestations/in-toto.ts';
import { RegistryError } from '../../../src/registry/index.ts';
import { fixtureBytes } from './verify/fixtures.ts';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const envelope = (statement: unknown) => ({
	payloadType: 'application/vnd.in-toto+json',
	payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
	signatures: [{ keyid: '', sig: 'c2ln' }],
});
const statement = {
	_type: 'https://in-toto.io/Statement/v1',
	predicateType: PredicateType.slsaV1,
	subject: [{ name: 'x', digest: { sha256: 'ab' } }],
	predicate: {},
};

describe('Sigstore bundles', () => {
	it('knows every bundle media type, v0.1 to v0.3, and nothing else', () => {
		expect(
			[
				'application/vnd.dev.sigstore.bundle+json;version=0.1',
				'application/vnd.dev.sigstore.bundle+json;version=0.2',
				'application/vnd.dev.sigstore.bundle+json;version=0.3',
				'application/vnd.dev.sigstore.bundle.v0.3+json',
			].filter((type) => !isBundleMediaType(type)),
		).toEqual([]);
		expect(
			['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle+json', undefined].filter(isBundleMediaType),
		).toEqual([]);
	});

	it.each([
		['sigstore-js-v0.1-message-signature.json', 'v0.1', 'message-signature', null],
		['sigstore-js-v0.2-message-signature.json', 'v0.2', 'message-signature', null],
		['sigstore-js-v0.3-message-signature.json', 'v0.3', 'message-signature', null],
		['sigstore-go-provenance-v0.1-dsse.json', 'v0.1', 'dsse-envelope', PredicateType.slsaV02],
		['cosign-oci-attestation-v0.3-dsse.json', 'v0.3', 'dsse-envelope', 'https://cosign.sigstore.dev/attestation/v1'],
	])('reads the public fixture %s as %s, %s', (file, version, content, predicateType) => {
		const bundle = readSigstoreBundle(fixtureBytes(`bundles/${file}`), {});
		expect(bundle).toMatchObject({ version, content });
		expect(bundle.statement?.predicateType ?? null).toBe(predicateType);
	});

	it.each([
		[
			'an unknown mediaType',
			{ mediaType: 'application/vnd.dev.sigstore.bundle+json;version=9', dsseEnvelope: envelope(statement) },
			/unknown Sigstore bundle mediaType/,
		],
		[
			'neither content',
			{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' },
			/neither dsseEnvelope nor messageSignature/,
		],
		['no JSON object', [], /the Sigstore bundle is not a JSON object/],
	])('rejects a bundle with %s', (_case, bundle, message) => {
		expect(() => readSigstoreBundle(json(bundle), {})).toThrow(RegistryError);
		expect(() => readSigstoreBundle(json(bundle), {})).toThrow(message);
	});
});
