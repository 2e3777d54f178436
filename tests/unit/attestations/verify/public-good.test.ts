// Real public-good signatures (tests/fixtures/sigstore/README.md says where each comes from), verified offline against
// the committed trust root, and each way such a signature must be rejected.
import { pem } from '@sigstore/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	SignedMediaType,
	createSignatureVerifier,
	publicGoodTrustRoot,
	verificationOutcomeSchema,
	type SignedLayer,
	type SigningPolicy,
	type Subject,
	type VerificationOutcome,
} from '../../../../src/attestations/verify/index.ts';
import { attestationLayerFromBundle, bundleLayer, fixtureBundle, layer, serverImageSignature, sha256 } from './fixtures.ts';

const HELLO = Buffer.from('hello, world!');
const HELLO_SUBJECT: Subject = { digest: sha256(HELLO), manifest: HELLO };
const BRIAN: SigningPolicy = {
	certificateIdentity: 'brian@dehamer.com',
	certificateOidcIssuer: 'https://github.com/login/oauth',
};
const CODY: SigningPolicy = { certificateIdentity: 'cody@soyland.com', certificateOidcIssuer: 'https://github.com/login/oauth' };
const GITHUB_ACTIONS = 'https://token.actions.githubusercontent.com';
const SERVER_IMAGE: SigningPolicy = {
	certificateIdentity:
		'https://github.com/salrashid123/go-bazel-github-workflow/.github/workflows/release.yaml@refs/tags/v0.0.26',
	certificateOidcIssuer: GITHUB_ACTIONS,
};
const OCI_ATTESTATION_SUBJECT = 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4';
const REKOR_V1_LOG_ID = 'c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d';

function verify(policy: SigningPolicy, signed: SignedLayer, subject: Subject): VerificationOutcome {
	const outcome = createSignatureVerifier({ trustRoot: publicGoodTrustRoot(), policy }).verify(signed, subject);
	// Every outcome is what the snapshot stores: valid against its schema and unchanged by a JSON round trip.
	expect(verificationOutcomeSchema.parse(JSON.parse(JSON.stringify(outcome)))).toEqual(outcome);
	return outcome;
}

function expectReason(outcome: VerificationOutcome, code: string): void {
	expect({ status: outcome.status, code: outcome.reason?.code }, outcome.reason?.message).toEqual({ status: 'failed', code });
}

// No verification may touch the network: the trust root and every proof are in the inputs.
let fetchSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	fetchSpy = vi.spyOn(globalThis, 'fetch');
});
afterEach(() => {
	expect(fetchSpy).not.toHaveBeenCalled();
	fetchSpy.mockRestore();
});

describe('real public-good signatures verify offline', () => {
	it.each([
		['sigstore-js-v0.1-message-signature.json', 'sigstore-bundle-v0.1'],
		['sigstore-js-v0.2-message-signature.json', 'sigstore-bundle-v0.2'],
		['sigstore-js-v0.3-message-signature.json', 'sigstore-bundle-v0.3'],
	])('%s: message signature, identity, issuer and log entry', (file, format) => {
		const outcome = verify(BRIAN, bundleLayer(fixtureBundle(file)), HELLO_SUBJECT);
		expect(outcome).toEqual({
			status: 'verified',
			reason: null,
			format,
			identity: 'brian@dehamer.com',
			issuer: 'https://github.com/login/oauth',
			transparencyLog: { logIndex: 6757503, integratedTime: '2022-11-09T01:33:10.000Z', logId: REKOR_V1_LOG_ID },
			trustRoot: { id: publicGoodTrustRoot().id, name: 'sigstore-public-good' },
			predicateType: null,
		});
	});

	it('a Rekor v2 entry (checkpoint, no integrated time) dated by an RFC 3161 timestamp', () => {
		const outcome = verify(BRIAN, bundleLayer(fixtureBundle('sigstore-js-v0.3-rekor-v2.json')), HELLO_SUBJECT);
		expect(outcome.status, outcome.reason?.message).toBe('verified');
		expect(outcome.transparencyLog).toEqual({
			logIndex: 547661,
			integratedTime: null,
			logId: 'cf1199155bddd051268d1f16ac5c0c75c009f6fb5a63f4177f8e18d7051e3fa0',
		});
	});

	it('a v0.3 DSSE attestation bundle as cosign attaches it to an image', () => {
		const outcome = verify(CODY, bundleLayer(fixtureBundle('cosign-oci-attestation-v0.3-dsse.json')), {
			digest: OCI_ATTESTATION_SUBJECT,
		});
		expect(outcome).toMatchObject({
			status: 'verified',
			format: 'sigstore-bundle-v0.3',
			identity: 'cody@soyland.com',
			predicateType: 'https://cosign.sigstore.dev/attestation/v1',
			transparencyLog: { logIndex: 175508996, integratedTime: '2025-02-28T19:18:11.000Z' },
		});
	});

	it('a v0.1 DSSE provenance bundle signed by a GitHub Actions workflow, with a sha512 subject', () => {
		const policy = {
			certificateIdentityRegexp: 'https://github\\.com/sigstore/sigstore-js/\\.github/workflows/release\\.yml@refs/heads/main',
			certificateOidcIssuer: GITHUB_ACTIONS,
		};
		const subject = {
			digest:
				'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751',
		};
		const outcome = verify(policy, bundleLayer(fixtureBundle('sigstore-go-provenance-v0.1-dsse.json')), subject);
		expect(outcome).toMatchObject({
			status: 'verified',
			predicateType: 'https://slsa.dev/provenance/v0.2',
			issuer: GITHUB_ACTIONS,
		});
	});

	it("cosign's .sig layout: simple-signing payload with signature, certificate, chain and Rekor bundle annotations", () => {
		const signature = serverImageSignature();
		const outcome = verify(SERVER_IMAGE, signature.layer(), { digest: signature.subject });
		expect(outcome).toEqual({
			status: 'verified',
			reason: null,
			format: 'cosign-signature',
			identity: SERVER_IMAGE.certificateIdentity,
			issuer: GITHUB_ACTIONS,
			transparencyLog: { logIndex: 956940422, integratedTime: '2026-02-17T13:55:09.000Z', logId: REKOR_V1_LOG_ID },
			trustRoot: { id: publicGoodTrustRoot().id, name: 'sigstore-public-good' },
			predicateType: null,
		});
	});

	it("cosign's .att layout: DSSE envelope with certificate and Rekor bundle annotations", () => {
		const bundle = fixtureBundle('cosign-oci-attestation-v0.3-dsse.json');
		const outcome = verify(CODY, attestationLayerFromBundle(bundle, 'https://cosign.sigstore.dev/attestation/v1'), {
			digest: OCI_ATTESTATION_SUBJECT,
		});
		expect(outcome).toMatchObject({
			status: 'verified',
			format: 'cosign-attestation',
			identity: 'cody@soyland.com',
			transparencyLog: { logIndex: 175508996, integratedTime: '2025-02-28T19:18:11.000Z' },
		});
	});
});

describe('each failure is rejected with its own reason', () => {
	it('tampered .sig payload: signature-invalid', () => {
		const signature = serverImageSignature();
		const payload = Buffer.from(signature.payload.toString('utf8').replace('server_image', 'server_imagf'));
		expectReason(verify(SERVER_IMAGE, signature.layer({ payload }), { digest: signature.subject }), 'signature-invalid');
	});

	it('tampered DSSE payload: signature-invalid', () => {
		const bundle = fixtureBundle('cosign-oci-attestation-v0.3-dsse.json');
		const statement = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8').replace('bar', 'baz');
		bundle.dsseEnvelope.payload = Buffer.from(statement).toString('base64');
		expectReason(verify(CODY, bundleLayer(bundle), { digest: OCI_ATTESTATION_SUBJECT }), 'signature-invalid');
	});

	it('tampered message signature: signature-invalid', () => {
		const bundle = fixtureBundle('sigstore-js-v0.1-message-signature.json');
		const signature = Buffer.from(bundle.messageSignature.signature, 'base64');
		signature[signature.length - 1] ^= 1;
		bundle.messageSignature.signature = signature.toString('base64');
		expectReason(verify(BRIAN, bundleLayer(bundle), HELLO_SUBJECT), 'signature-invalid');
	});

	it('a valid .sig over another digest: subject-mismatch', () => {
		const signature = serverImageSignature();
		const outcome = verify(SERVER_IMAGE, signature.layer(), { digest: sha256('another manifest') });
		expectReason(outcome, 'subject-mismatch');
		expect(outcome.reason?.message).toContain(signature.subject);
	});

	it('a valid attestation about another digest: subject-mismatch', () => {
		const bundle = fixtureBundle('cosign-oci-attestation-v0.3-dsse.json');
		expectReason(verify(CODY, bundleLayer(bundle), { digest: sha256('another manifest') }), 'subject-mismatch');
		expectReason(
			verify(CODY, attestationLayerFromBundle(bundle, 'x'), { digest: sha256('another manifest') }),
			'subject-mismatch',
		);
	});

	it('a valid message signature over another artifact: subject-mismatch', () => {
		const other = Buffer.from('goodbye, world!');
		expectReason(
			verify(BRIAN, bundleLayer(fixtureBundle('sigstore-js-v0.3-message-signature.json')), {
				digest: sha256(other),
				manifest: other,
			}),
			'subject-mismatch',
		);
	});

	it('a valid signature by another identity: identity-mismatch, naming both', () => {
		const signature = serverImageSignature();
		const policy = {
			...SERVER_IMAGE,
			certificateIdentity: 'https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main',
		};
		const outcome = verify(policy, signature.layer(), { digest: signature.subject });
		expectReason(outcome, 'identity-mismatch');
		expect(outcome.reason?.message).toContain(SERVER_IMAGE.certificateIdentity);
		expect(outcome.reason?.message).toContain(policy.certificateIdentity);
		expect(outcome.identity).toBe(SERVER_IMAGE.certificateIdentity);
	});

	it('identity patterns match the whole identity, not a part of it', () => {
		const signature = serverImageSignature();
		const subject = { digest: signature.subject };
		const prefix = { certificateIdentityRegexp: 'https://github\\.com/salrashid123/', certificateOidcIssuer: GITHUB_ACTIONS };
		expectReason(verify(prefix, signature.layer(), subject), 'identity-mismatch');
		const whole = {
			certificateIdentityRegexp: 'https://github\\.com/salrashid123/.*@refs/tags/v.*',
			certificateOidcIssuer: GITHUB_ACTIONS,
		};
		expect(verify(whole, signature.layer(), subject).status).toBe('verified');
	});

	it('a valid signature from another issuer: issuer-mismatch', () => {
		const outcome = verify(
			{ ...BRIAN, certificateOidcIssuer: 'https://accounts.google.com' },
			bundleLayer(fixtureBundle('sigstore-js-v0.1-message-signature.json')),
			HELLO_SUBJECT,
		);
		expectReason(outcome, 'issuer-mismatch');
		expect(outcome.issuer).toBe('https://github.com/login/oauth');
	});

	it('a certificate from a CA outside the trust root: untrusted-certificate, and no identity on the outcome', () => {
		// The leaf certificate of a real bundle from a private Sigstore instance, put where the .sig certificate was.
		const foreign = fixtureBundle('sigstore-go-othername-private-ca.json').verificationMaterial.certificate.rawBytes;
		const signature = serverImageSignature();
		const swapped = signature.layer({
			annotations: {
				'dev.sigstore.cosign/certificate': pem.fromDER(Buffer.from(foreign, 'base64')),
				'dev.sigstore.cosign/chain': undefined,
			},
		});
		const outcome = verify({ certificateIdentityRegexp: '.*', certificateOidcIssuerRegexp: '.*' }, swapped, {
			digest: signature.subject,
		});
		expectReason(outcome, 'untrusted-certificate');
		expect([outcome.identity, outcome.issuer]).toEqual([null, null]);
	});

	it('no transparency-log proof of the signing time: no-log-proof', () => {
		const bundle = fixtureBundle('sigstore-js-v0.1-message-signature.json');
		bundle.verificationMaterial.tlogEntries = [];
		expectReason(verify(BRIAN, bundleLayer(bundle), HELLO_SUBJECT), 'no-log-proof');
		const signature = serverImageSignature();
		const withoutRekorBundle = signature.layer({ annotations: { 'dev.sigstore.cosign/bundle': undefined } });
		expectReason(verify(SERVER_IMAGE, withoutRekorBundle, { digest: signature.subject }), 'no-log-proof');
	});

	it('a broken inclusion promise (SET): inclusion-promise-invalid', () => {
		const signature = serverImageSignature();
		const rekor = JSON.parse(signature.annotations['dev.sigstore.cosign/bundle']);
		rekor.Payload.integratedTime += 60;
		const moved = signature.layer({ annotations: { 'dev.sigstore.cosign/bundle': JSON.stringify(rekor) } });
		expectReason(verify(SERVER_IMAGE, moved, { digest: signature.subject }), 'inclusion-promise-invalid');
		const bundle = fixtureBundle('sigstore-js-v0.1-message-signature.json');
		const set = Buffer.from(bundle.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp, 'base64');
		set[set.length - 2] ^= 1;
		bundle.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp = set.toString('base64');
		expectReason(verify(BRIAN, bundleLayer(bundle), HELLO_SUBJECT), 'inclusion-promise-invalid');
	});

	it('a broken Merkle inclusion proof: inclusion-proof-invalid', () => {
		const bundle = fixtureBundle('sigstore-js-v0.2-message-signature.json');
		const proof = bundle.verificationMaterial.tlogEntries[0].inclusionProof;
		const hash = Buffer.from(proof.hashes[0], 'base64');
		hash[0] ^= 1;
		proof.hashes[0] = hash.toString('base64');
		expectReason(verify(BRIAN, bundleLayer(bundle), HELLO_SUBJECT), 'inclusion-proof-invalid');
	});

	it('a bare DSSE envelope referrer: failed, no-verification-material', () => {
		const bundle = fixtureBundle('cosign-oci-attestation-v0.3-dsse.json');
		const outcome = verify(CODY, layer(SignedMediaType.dsseEnvelope, JSON.stringify(bundle.dsseEnvelope)), {
			digest: OCI_ATTESTATION_SUBJECT,
		});
		expectReason(outcome, 'no-verification-material');
		expect(outcome.format).toBe('dsse-envelope');
	});

	it('a cosign layer signed with a key (no certificate): no-certificate', () => {
		const signature = serverImageSignature();
		const keyed = signature.layer({
			annotations: { 'dev.sigstore.cosign/certificate': undefined, 'dev.sigstore.cosign/chain': undefined },
		});
		expectReason(verify(SERVER_IMAGE, keyed, { digest: signature.subject }), 'no-certificate');
	});

	it('bytes that are not the blob the descriptor names: blob-digest-mismatch', () => {
		const signature = serverImageSignature();
		const wrong = { ...signature.layer(), digest: sha256('something else') };
		expectReason(verify(SERVER_IMAGE, wrong, { digest: signature.subject }), 'blob-digest-mismatch');
	});

	it('a bundle that is not valid for its version: malformed', () => {
		const bundle = fixtureBundle('sigstore-js-v0.1-message-signature.json');
		delete bundle.verificationMaterial.tlogEntries[0].inclusionPromise;
		expectReason(verify(BRIAN, bundleLayer(bundle), HELLO_SUBJECT), 'malformed');
		expectReason(verify(BRIAN, layer(SignedMediaType.bundleV03, '{not json'), HELLO_SUBJECT), 'malformed');
		const signature = serverImageSignature();
		expectReason(
			verify(SERVER_IMAGE, signature.layer({ annotations: { 'dev.sigstore.cosign/bundle': '{"Payload":{}}' } }), {
				digest: signature.subject,
			}),
			'malformed',
		);
	});

	it('an unsigned in-toto Statement is unsigned, an unknown layer type is not checked', () => {
		const unsigned = verify(BRIAN, layer(SignedMediaType.inTotoStatement, '{}'), HELLO_SUBJECT);
		expect([unsigned.status, unsigned.reason?.code]).toEqual(['unsigned', 'no-signature']);
		const unknown = verify(BRIAN, layer('application/vnd.example.signature', 'x'), HELLO_SUBJECT);
		expect([unknown.status, unknown.reason?.code]).toEqual(['not-checked', 'unsupported-format']);
	});
});
