// A verifier parses each certificate and checks its chain and its SCT once: a layer that reuses a certificate it already
// met must be rejected for every reason a fresh verifier rejects it, because the checks that depend on the layer still
// run, and a certificate whose SCT failed is never remembered as good.
import { EXTENSION_OID_SCT, X509Certificate, X509SCTExtension } from '@sigstore/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CertificateCache, ParsedCertificate } from '../../../../src/attestations/verify/certificates.ts';
import {
	CosignAnnotation,
	SignedMediaType,
	createSignatureVerifier,
	parseTrustRoot,
	type SignatureVerifier,
	type SignedLayer,
} from '../../../../src/attestations/verify/index.ts';
import { DEMO_SIGNING_POLICY, createDemoAuthority } from '../../../../src/images/demo/sigstore-authority.ts';
import { layer } from './fixtures.ts';

const SIGNED_AT = new Date('2025-07-01T00:00:00Z');
const demo = createDemoAuthority();

/** A cosign simple-signing payload naming `digest`. */
function payload(digest: string, reference = 'demo.invalid/python'): Buffer<ArrayBuffer> {
	return Buffer.from(
		JSON.stringify({
			critical: {
				identity: { 'docker-reference': reference },
				image: { 'docker-manifest-digest': digest },
				type: 'cosign container image signature',
			},
			optional: null,
		}),
	);
}

const SUBJECT = `sha256:${'ab'.repeat(32)}`;
const OTHER = `sha256:${'cd'.repeat(32)}`;

/** A `.sig` layer signed at SIGNED_AT: the demo authority gives every such signature the same certificate. */
function signature(signed = payload(SUBJECT), loggedAt?: Date): SignedLayer {
	const made = demo.cosignSignature(signed, { signedAt: SIGNED_AT, loggedAt });
	return layer(SignedMediaType.cosignSimpleSigning, made.blob, made.annotations);
}

function demoVerifier(root = demo.trustedRoot): SignatureVerifier {
	return createSignatureVerifier({ trustRoot: parseTrustRoot(root, 'demo', 'test'), policy: DEMO_SIGNING_POLICY, demo: true });
}

/** The Rekor bundle annotation of `from`, to move onto another layer. */
function rekorBundle(from: SignedLayer): Record<string, unknown> {
	return JSON.parse(from.annotations![CosignAnnotation.rekorBundle]);
}

function withAnnotations(base: SignedLayer, changes: Record<string, string | undefined>): SignedLayer {
	const annotations = Object.fromEntries(
		Object.entries({ ...base.annotations, ...changes }).filter(([, value]) => value !== undefined),
	) as Record<string, string>;
	return layer(base.mediaType, base.bytes, annotations);
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('a verifier that already met the certificate', () => {
	const good = signature();
	const otherSignature = signature(payload(SUBJECT, 'demo.invalid/other'));
	const cases: Array<[string, () => SignedLayer, string, string]> = [
		[
			'a payload changed after signing',
			() => layer(good.mediaType, payload(SUBJECT, 'demo.invalid/tampered'), good.annotations),
			SUBJECT,
			'signature-invalid',
		],
		['a signature over another digest', () => good, OTHER, 'subject-mismatch'],
		[
			'a log time outside the certificate’s ten minutes',
			() => signature(payload(SUBJECT), new Date(SIGNED_AT.getTime() + 60 * 60 * 1000)),
			SUBJECT,
			'certificate-expired',
		],
		[
			'a signed entry timestamp of another entry',
			() => {
				const moved = rekorBundle(good);
				moved.SignedEntryTimestamp = rekorBundle(otherSignature).SignedEntryTimestamp;
				return withAnnotations(good, { [CosignAnnotation.rekorBundle]: JSON.stringify(moved) });
			},
			SUBJECT,
			'inclusion-promise-invalid',
		],
		[
			'the log entry of another signature',
			() => withAnnotations(good, { [CosignAnnotation.rekorBundle]: otherSignature.annotations![CosignAnnotation.rekorBundle] }),
			SUBJECT,
			'signature-invalid',
		],
		['no log entry at all', () => withAnnotations(good, { [CosignAnnotation.rekorBundle]: undefined }), SUBJECT, 'no-log-proof'],
	];

	it.each(cases)('rejects %s, as a fresh verifier does', (_, make, subject, code) => {
		const bad = make();
		const fresh = demoVerifier().verify(bad, { digest: subject });
		const warmed = demoVerifier();
		expect(warmed.verify(good, { digest: SUBJECT }).status).toBe('verified');
		const verify = vi.spyOn(X509Certificate.prototype, 'verify');
		const cached = warmed.verify(bad, { digest: subject });
		expect(cached, 'the same outcome with and without the cache').toEqual(fresh);
		expect([cached.status, cached.reason?.code], cached.reason?.message).toEqual(['failed', code]);
		expect(verify, 'the certificate’s chain signatures were not checked again').not.toHaveBeenCalled();
	});

	it('still verifies a good layer, and checks the chain only the first time', () => {
		const verifier = demoVerifier();
		const verify = vi.spyOn(X509Certificate.prototype, 'verify');
		expect(verifier.verify(good, { digest: SUBJECT }).status).toBe('verified');
		const firstTime = verify.mock.calls.length;
		expect(firstTime, 'the leaf and the CA were checked once').toBeGreaterThan(0);
		expect(verifier.verify(otherSignature, { digest: SUBJECT })).toMatchObject({ status: 'verified', reason: null });
		expect(verify.mock.calls.length).toBe(firstTime);
	});

	/** Counts the library's reads of an SCT extension's timestamps: it reads them whenever it checks a certificate's SCT. */
	const sctChecks = () => vi.spyOn(X509SCTExtension.prototype, 'signedCertificateTimestamps', 'get');

	it('checks a good certificate’s SCT once, and the layers that reuse it still verify', () => {
		const verifier = demoVerifier();
		const checks = sctChecks();
		expect(verifier.verify(good, { digest: SUBJECT })).toMatchObject({ status: 'verified', reason: null });
		const firstTime = checks.mock.calls.length;
		expect(firstTime, 'the SCT was checked on first use').toBeGreaterThan(0);
		expect(verifier.verify(good, { digest: SUBJECT })).toMatchObject({ status: 'verified', reason: null });
		expect(verifier.verify(otherSignature, { digest: SUBJECT })).toMatchObject({ status: 'verified', reason: null });
		expect(checks.mock.calls.length, 'the SCT was not checked again').toBe(firstTime);
	});

	it('rejects a certificate whose SCT is bad with the same reason on first use and on every reuse', () => {
		const another = createDemoAuthority('another seed').trustedRoot as Record<string, unknown[]>;
		const verifier = demoVerifier({ ...demo.trustedRoot, ctlogs: another.ctlogs });
		const checks = sctChecks();
		const first = verifier.verify(good, { digest: SUBJECT });
		expect([first.status, first.reason?.code], first.reason?.message).toEqual(['failed', 'sct-invalid']);
		const checkedFirst = checks.mock.calls.length;
		expect(verifier.verify(good, { digest: SUBJECT }), 'the same layer again').toEqual(first);
		expect(verifier.verify(otherSignature, { digest: SUBJECT }), 'another layer with that certificate').toEqual(first);
		expect(checks.mock.calls.length, 'a failed SCT is checked again, never remembered').toBeGreaterThan(checkedFirst);
	});

	it('is a cache of one trust root: the same certificate is untrusted, or its SCT invalid, under another root', () => {
		const warmed = demoVerifier();
		expect(warmed.verify(good, { digest: SUBJECT }).status).toBe('verified');
		const another = createDemoAuthority('another seed').trustedRoot as Record<string, unknown[]>;
		const otherCa = { ...demo.trustedRoot, certificateAuthorities: another.certificateAuthorities };
		expect(demoVerifier(otherCa).verify(good, { digest: SUBJECT }).reason?.code).toBe('untrusted-certificate');
		const otherCtLog = demoVerifier({ ...demo.trustedRoot, ctlogs: another.ctlogs });
		expect(otherCtLog.verify(good, { digest: SUBJECT }).reason?.code).toBe('sct-invalid');
		expect(otherCtLog.verify(good, { digest: SUBJECT }).reason?.code, 'and again').toBe('sct-invalid');
		expect(warmed.verify(otherSignature, { digest: SUBJECT }).status, 'the first root still verifies it').toBe('verified');
	});
});

describe('ParsedCertificate', () => {
	const leafPem = signature().annotations![CosignAnnotation.certificate];
	const der = Buffer.from(leafPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
	const root = demo.trustRoot().material.certificateAuthorities[0]!.certChain[0]!;

	it('answers equals, verify, publicKey and clone as the library’s certificate does', () => {
		const plain = X509Certificate.parse(der);
		const parsed = ParsedCertificate.fromDer(der);
		expect(parsed.equals(plain)).toBe(true);
		expect(parsed.equals(root)).toBe(false);
		expect(parsed.publicKey.equals(plain.publicKey)).toBe(true);
		expect([parsed.verify(root), parsed.verify(root)]).toEqual([plain.verify(root), plain.verify(root)]);
		const otherRoot = createDemoAuthority('another seed').trustRoot().material.certificateAuthorities[0]!.certChain[0]!;
		expect(parsed.verify(otherRoot), 'another CA’s key did not sign it, whatever was checked before').toBe(false);
		expect([parsed.verify(), parsed.verify()], 'a leaf is not self-signed').toEqual([plain.verify(), false]);
		const copy = parsed.clone();
		copy.extensions.splice(0, copy.extensions.length);
		expect(parsed.extensions.length, 'changing the copy leaves the original whole').toBe(plain.extensions.length);
		expect(parsed.der.equals(der)).toBe(true);
	});

	it('clones without the SCT extension only once a verification with it passed', () => {
		const oids = (certificate: X509Certificate) => certificate.extensions.map((extension) => extension.subs[0]!.toOID());
		const parsed = ParsedCertificate.fromDer(der);
		expect(oids(parsed.clone())).toEqual(oids(X509Certificate.parse(der)));
		expect(oids(parsed.clone())).toContain(EXTENSION_OID_SCT);
		parsed.recordSctVerified();
		expect(oids(parsed.clone())).toEqual(oids(parsed).filter((oid) => oid !== EXTENSION_OID_SCT));
		expect(oids(parsed), 'the certificate itself keeps it').toContain(EXTENSION_OID_SCT);
	});

	it('makes the copy without the SCT once, and it cannot be changed', () => {
		const parsed = ParsedCertificate.fromDer(der);
		expect(parsed.clone(), 'before the SCT passed, every copy is new').not.toBe(parsed.clone());
		parsed.recordSctVerified();
		const copy = parsed.clone();
		expect(parsed.clone(), 'the library gets the same copy for every later layer').toBe(copy);
		expect(() => copy.extensions.splice(0, 1), 'a change would reach the next layer, so it throws').toThrow(TypeError);
		expect(copy.extensions.length).toBe(parsed.extensions.length - 1);
	});
});

describe('CertificateCache', () => {
	it('parses each DER once and tells certificates apart by their bytes', () => {
		const cache = new CertificateCache();
		const pemOf = (made: SignedLayer) => made.annotations![CosignAnnotation.certificate];
		const derOf = (pem: string) => Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
		const first = derOf(pemOf(signature()));
		const later = demo.cosignSignature(payload(SUBJECT), { signedAt: new Date(SIGNED_AT.getTime() + 60_000) });
		const second = derOf(later.annotations[CosignAnnotation.certificate]);
		expect(cache.get(first)).toBe(cache.get(Buffer.from(first)));
		expect(cache.get(second)).not.toBe(cache.get(first));
		expect(cache.get(second).der.equals(second)).toBe(true);
	});
});
