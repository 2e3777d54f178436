// The demo Sigstore authority: what it signs verifies in every layout against its own root and nowhere else, its
// bytes never vary, and @sigstore/mock (an independent CA and log) cross-checks the verifier on material we did not make.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock';
import { pem } from '@sigstore/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	CosignAnnotation,
	SignedMediaType,
	TrustRootError,
	createSignatureVerifier,
	parseTrustRoot,
	publicGoodTrustRoot,
	verificationOutcomeSchema,
	type SignedLayer,
	type VerificationOutcome,
} from '../../../../src/attestations/verify/index.ts';
import { DEMO_KEY_FINGERPRINTS, keyFingerprints } from '../../../../src/attestations/verify/trust-root.ts';
import {
	DEMO_SIGNING_POLICY,
	createDemoAuthority,
	type DemoCosignLayer,
} from '../../../../src/images/demo/sigstore-authority.ts';

const SIGNED_AT = new Date('2025-07-01T00:00:00Z');
const SUBJECT_HEX = 'ab'.repeat(32);
const SUBJECT = `sha256:${SUBJECT_HEX}`;
const PAYLOAD = Buffer.from(
	`{"critical":{"identity":{"docker-reference":"demo.invalid/python"},"image":{"docker-manifest-digest":"${SUBJECT}"},"type":"cosign container image signature"},"optional":null}`,
);
const STATEMENT = Buffer.from(
	JSON.stringify({
		_type: 'https://in-toto.io/Statement/v1',
		subject: [{ name: 'demo.invalid/python', digest: { sha256: SUBJECT_HEX } }],
		predicateType: 'https://spdx.dev/Document',
		predicate: { spdxVersion: 'SPDX-2.3' },
	}),
);
const demo = createDemoAuthority();

function digest(bytes: Uint8Array): string {
	return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function cosignLayer(mediaType: string, made: DemoCosignLayer): SignedLayer {
	return { mediaType, digest: digest(made.blob), bytes: made.blob, annotations: made.annotations };
}

function bundleLayer(bytes: Buffer): SignedLayer {
	return { mediaType: SignedMediaType.bundleV03, digest: digest(bytes), bytes };
}

function verifyDemo(
	layer: SignedLayer,
	subject = { digest: SUBJECT } as { digest: string; manifest?: Uint8Array },
): VerificationOutcome {
	const outcome = createSignatureVerifier({ trustRoot: demo.trustRoot(), policy: DEMO_SIGNING_POLICY, demo: true }).verify(
		layer,
		subject,
	);
	expect(verificationOutcomeSchema.parse(outcome)).toEqual(outcome);
	return outcome;
}

afterEach(() => {
	vi.useRealTimers();
});

describe('demo signatures verify against the demo root in every layout', () => {
	const manifest = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}');
	it.each([
		[
			'cosign .sig',
			() => cosignLayer(SignedMediaType.cosignSimpleSigning, demo.cosignSignature(PAYLOAD, { signedAt: SIGNED_AT })),
			'cosign-signature',
		],
		[
			'cosign .att',
			() =>
				cosignLayer(
					SignedMediaType.dsseEnvelope,
					demo.cosignAttestation(STATEMENT, { signedAt: SIGNED_AT }, 'https://spdx.dev/Document'),
				),
			'cosign-attestation',
		],
		['DSSE bundle referrer', () => bundleLayer(demo.dsseBundle(STATEMENT, { signedAt: SIGNED_AT })), 'sigstore-bundle-v0.3'],
	])('%s', (_, make, format) => {
		const outcome = verifyDemo(make());
		expect(outcome).toMatchObject({
			status: 'verified',
			format,
			identity: DEMO_SIGNING_POLICY.certificateIdentity,
			issuer: DEMO_SIGNING_POLICY.certificateOidcIssuer,
			transparencyLog: { integratedTime: '2025-07-01T00:00:01.000Z' },
			trustRoot: { name: 'demo' },
		});
	});

	it('message-signature bundle referrer over the manifest', () => {
		const outcome = verifyDemo(bundleLayer(demo.messageBundle(manifest, { signedAt: SIGNED_AT })), {
			digest: digest(manifest),
			manifest,
		});
		expect(outcome.status, outcome.reason?.message).toBe('verified');
	});
});

describe('the demo root is never trusted for another registry', () => {
	it('is demo-only, and its keys are exactly DEMO_KEY_FINGERPRINTS', () => {
		expect(demo.trustRoot().demoOnly).toBe(true);
		expect(new Set(keyFingerprints(TrustedRoot.fromJSON(demo.trustedRoot)))).toEqual(DEMO_KEY_FINGERPRINTS);
	});

	it('is refused for a registry that is not the demo', () => {
		expect(() => createSignatureVerifier({ trustRoot: demo.trustRoot(), policy: DEMO_SIGNING_POLICY })).toThrow(TrustRootError);
	});

	it('is refused under another name, or merged into a copy of the public-good root', async () => {
		const renamed = parseTrustRoot(demo.trustedRoot, 'acme-private-sigstore', 'roots/acme.json');
		expect(() => createSignatureVerifier({ trustRoot: renamed, policy: DEMO_SIGNING_POLICY, demo: false })).toThrow(
			/demo authority/,
		);
		const publicGood = JSON.parse(
			await import('node:fs/promises').then((fs) =>
				fs.readFile(
					new URL('../../../../src/attestations/verify/trust-roots/sigstore-public-good.json', import.meta.url),
					'utf8',
				),
			),
		);
		const merged = {
			...publicGood,
			certificateAuthorities: [...publicGood.certificateAuthorities, ...(demo.trustedRoot.certificateAuthorities as unknown[])],
		};
		expect(parseTrustRoot(merged, 'sigstore-public-good', 'merged.json').demoOnly).toBe(true);
	});

	it('demo signatures do not verify against the public-good root: untrusted-certificate', () => {
		const layer = cosignLayer(SignedMediaType.cosignSimpleSigning, demo.cosignSignature(PAYLOAD, { signedAt: SIGNED_AT }));
		const outcome = createSignatureVerifier({ trustRoot: publicGoodTrustRoot(), policy: DEMO_SIGNING_POLICY }).verify(layer, {
			digest: SUBJECT,
		});
		expect([outcome.status, outcome.reason?.code]).toEqual(['failed', 'untrusted-certificate']);
	});
});

describe('failure modes the public fixtures cannot show', () => {
	it('a CA the root does not hold (another seed): untrusted-certificate', () => {
		const other = createDemoAuthority('another seed');
		const outcome = verifyDemo(
			cosignLayer(SignedMediaType.cosignSimpleSigning, other.cosignSignature(PAYLOAD, { signedAt: SIGNED_AT })),
		);
		expect([outcome.status, outcome.reason?.code]).toEqual(['failed', 'untrusted-certificate']);
	});

	it('a log time outside the ten-minute certificate: certificate-expired', () => {
		const late = demo.cosignSignature(PAYLOAD, { signedAt: SIGNED_AT, loggedAt: new Date(SIGNED_AT.getTime() + 60 * 60 * 1000) });
		const outcome = verifyDemo(cosignLayer(SignedMediaType.cosignSimpleSigning, late));
		expect([outcome.status, outcome.reason?.code], outcome.reason?.message).toEqual(['failed', 'certificate-expired']);
	});

	it('another identity or issuer in the certificate: identity-mismatch, issuer-mismatch', () => {
		const otherIdentity = demo.dsseBundle(STATEMENT, { signedAt: SIGNED_AT, identity: 'https://demo.invalid/someone-else' });
		expect(verifyDemo(bundleLayer(otherIdentity)).reason?.code).toBe('identity-mismatch');
		const otherIssuer = demo.dsseBundle(STATEMENT, { signedAt: SIGNED_AT, issuer: 'https://accounts.google.com' });
		expect(verifyDemo(bundleLayer(otherIssuer)).reason?.code).toBe('issuer-mismatch');
	});

	it('a certificate without a valid SCT: sct-invalid', () => {
		const root = structuredClone(demo.trustedRoot) as { ctlogs: unknown[] };
		root.ctlogs = [(createDemoAuthority('another seed').trustedRoot.ctlogs as unknown[])[0]];
		const verifier = createSignatureVerifier({
			trustRoot: parseTrustRoot(root, 'demo', 'test'),
			policy: DEMO_SIGNING_POLICY,
			demo: true,
		});
		const outcome = verifier.verify(bundleLayer(demo.dsseBundle(STATEMENT, { signedAt: SIGNED_AT })), { digest: SUBJECT });
		expect(outcome.reason?.code).toBe('sct-invalid');
	});
});

describe('byte-reproducible, whatever the clock says', () => {
	it('gives the same root and the same signed layers from a second authority made at another time', () => {
		const first = {
			root: JSON.stringify(demo.trustedRoot),
			sig: demo.cosignSignature(PAYLOAD, { signedAt: SIGNED_AT }),
			bundle: demo.dsseBundle(STATEMENT, { signedAt: SIGNED_AT }),
		};
		vi.useFakeTimers({ now: new Date('2031-03-04T05:06:07Z'), toFake: ['Date'] });
		const again = createDemoAuthority();
		expect(JSON.stringify(again.trustedRoot)).toBe(first.root);
		expect(again.cosignSignature(PAYLOAD, { signedAt: SIGNED_AT })).toEqual(first.sig);
		expect(again.dsseBundle(STATEMENT, { signedAt: SIGNED_AT }).equals(first.bundle)).toBe(true);
	});
});

describe('an independent authority (@sigstore/mock Fulcio, CT log and Rekor)', async () => {
	const now = new Date();
	const caKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const ctlog = await initializeCTLog(caKeys, now);
	const ca = await initializeCA(caKeys, ctlog, now);
	const logKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const tlog = await initializeTLog('https://rekor.mock.invalid', logKeys, now);
	const signer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const leaf = Buffer.from(
		(await ca.issueCertificate({
			publicKey: signer.publicKey.export({ format: 'der', type: 'spki' }),
			subjectAltName: 'https://mock.invalid/workflow',
			extensions: [{ oid: '1.3.6.1.4.1.57264.1.8', value: 'https://oidc.mock.invalid' }],
		})) as Uint8Array,
	);
	const signature = sign('sha256', PAYLOAD, signer.privateKey);
	const leafPem = pem.fromDER(leaf);
	const entries = await tlog.log({
		apiVersion: '0.0.1',
		kind: 'hashedrekord',
		spec: {
			data: { hash: { algorithm: 'sha256', value: createHash('sha256').update(PAYLOAD).digest('hex') } },
			signature: { content: signature.toString('base64'), publicKey: { content: Buffer.from(leafPem).toString('base64') } },
		},
	});
	const [entry] = Object.values(entries) as Array<{
		body: string;
		integratedTime: number;
		logIndex: number;
		logID: string;
		verification?: { signedEntryTimestamp?: string };
	}>;
	// cosign's Rekor bundle annotation is exactly Rekor's entry: body, integratedTime, logIndex, logID and the SET.
	const layer = {
		mediaType: SignedMediaType.cosignSimpleSigning,
		digest: digest(PAYLOAD),
		bytes: PAYLOAD,
		annotations: {
			[CosignAnnotation.signature]: signature.toString('base64'),
			[CosignAnnotation.certificate]: leafPem,
			[CosignAnnotation.rekorBundle]: JSON.stringify({
				SignedEntryTimestamp: entry.verification?.signedEntryTimestamp,
				Payload: { body: entry.body, integratedTime: entry.integratedTime, logIndex: entry.logIndex, logID: entry.logID },
			}),
		},
	};
	const key = (publicKey: Buffer, id: Buffer, baseUrl: string) => ({
		baseUrl,
		hashAlgorithm: 'SHA2_256',
		publicKey: {
			rawBytes: publicKey.toString('base64'),
			keyDetails: 'PKIX_ECDSA_P256_SHA_256',
			validFor: { start: '2020-01-01T00:00:00Z' },
		},
		logId: { keyId: id.toString('base64') },
	});
	const mockRoot = parseTrustRoot(
		{
			mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
			certificateAuthorities: [
				{
					certChain: { certificates: [{ rawBytes: Buffer.from(ca.rootCertificate.buffer).toString('base64') }] },
					validFor: { start: '2020-01-01T00:00:00Z' },
				},
			],
			tlogs: [key(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest(), 'https://rekor.mock.invalid')],
			ctlogs: [key(ctlog.publicKey, Buffer.from(ctlog.logID.buffer), 'https://ctfe.mock.invalid')],
		},
		'sigstore-mock',
		'@sigstore/mock',
	);
	const policy = { certificateIdentity: 'https://mock.invalid/workflow', certificateOidcIssuer: 'https://oidc.mock.invalid' };

	it('its .sig-layout signature verifies against its own root', () => {
		const outcome = createSignatureVerifier({ trustRoot: mockRoot, policy }).verify(layer, { digest: SUBJECT });
		expect(outcome.status, outcome.reason?.message).toBe('verified');
	});

	it('and is an untrusted CA for the public-good and the demo roots', () => {
		const publicGood = createSignatureVerifier({ trustRoot: publicGoodTrustRoot(), policy }).verify(layer, { digest: SUBJECT });
		const demoRoot = createSignatureVerifier({ trustRoot: demo.trustRoot(), policy, demo: true }).verify(layer, {
			digest: SUBJECT,
		});
		expect([publicGood.reason?.code, demoRoot.reason?.code]).toEqual(['untrusted-certificate', 'untrusted-certificate']);
	});
});
