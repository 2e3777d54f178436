import { describe, expect, it } from 'vitest';
import { noPolicyOutcome, unsignedOutcome, type VerificationOutcome } from '../../../src/attestations/verify/index.ts';
import { signatureKind, verificationBadge, verificationView } from '../../../src/page-models/verification.ts';

const verified: VerificationOutcome = {
	status: 'verified',
	reason: null,
	format: 'cosign-signature',
	identity: 'https://github.com/acme/app/.github/workflows/release.yaml@refs/heads/main',
	issuer: 'https://token.actions.githubusercontent.com',
	transparencyLog: { logIndex: 123, integratedTime: '2026-08-22T03:15:01.000Z', logId: 'ab' },
	trustRoot: { id: 'sha256:root', name: 'sigstore-public-good' },
	predicateType: null,
};

describe('signatureKind', () => {
	it('says how the signature was stored and, for attestations, what it attests', () => {
		expect(signatureKind(verified)).toBe('cosign signature (.sig tag)');
		expect(signatureKind({ format: 'cosign-attestation', predicateType: 'https://spdx.dev/Document' })).toBe(
			'SPDX SBOM attestation (cosign .att tag)',
		);
		expect(signatureKind({ format: 'sigstore-bundle-v0.3', predicateType: 'https://sigstore.dev/cosign/sign/v1' })).toBe(
			'cosign signature (Sigstore bundle v0.3, OCI referrer)',
		);
		expect(signatureKind({ format: 'sigstore-bundle-v0.1', predicateType: null })).toBe(
			'signature (Sigstore bundle v0.1, OCI referrer)',
		);
		expect(signatureKind({ format: 'dsse-envelope', predicateType: 'https://example.org/p' })).toBe(
			'https://example.org/p attestation (bare DSSE envelope, OCI referrer)',
		);
		expect(signatureKind({ format: null, predicateType: null })).toBe('signature');
	});
});

describe('verificationView', () => {
	it('shows a verified signature with its signer, log entry and trust root, in green', () => {
		const view = verificationView(verified, 'the index digest');
		expect(view.badge).toMatchObject({ text: 'Verified', tone: 'success' });
		expect(view.sentence).toBe(
			'The cosign signature (.sig tag) of the index digest was made by https://github.com/acme/app/.github/workflows/release.yaml@refs/heads/main, logged Aug 22, 2026, 3:15 AM UTC, and chains to the sigstore-public-good trust root.',
		);
		expect(view.details).toEqual([
			{ label: 'What was checked', value: 'cosign signature (.sig tag)', code: false },
			{ label: 'Signed by', value: verified.identity, code: true },
			{ label: 'Identity issuer', value: verified.issuer, code: true },
			{ label: 'Transparency log', value: 'entry 123, logged Aug 22, 2026, 3:15 AM UTC', code: false },
			{ label: 'Trust root', value: 'sigstore-public-good (sha256:root)', code: false },
		]);
		expect(view.reasonCode).toBeNull();
	});

	it('gives a failure its reason and code, never a green badge', () => {
		const failed: VerificationOutcome = {
			...verified,
			status: 'failed',
			reason: { code: 'subject-mismatch', message: 'The signature covers sha256:aa, not sha256:bb.' },
			identity: null,
			issuer: null,
			transparencyLog: null,
		};
		const view = verificationView(failed, 'the image digest');
		expect(view.badge.tone).toBe('caution');
		expect(view.badge.title).toMatch(/^The signature covers sha256:aa, not sha256:bb\. Verified only when/);
		expect(view.sentence).toBe(
			'Checked the cosign signature (.sig tag) of the image digest: The signature covers sha256:aa, not sha256:bb.',
		);
		expect(view.reasonCode).toBe('subject-mismatch');
	});

	it('tells an unsigned digest from one nobody checked', () => {
		expect(verificationView(unsignedOutcome(), 'the index digest')).toMatchObject({
			badge: { text: 'Not signed', tone: 'caution' },
			sentence: 'No signature or signed attestation refers to the index digest.',
			reasonCode: null,
			details: [],
		});
		const notChecked = verificationView(noPolicyOutcome('ghcr.io'), 'the index digest');
		expect(notChecked).toMatchObject({ badge: { text: 'Signature not checked', tone: 'default' }, reasonCode: 'no-policy' });
		expect(notChecked.sentence).toContain('ghcr.io');
		expect(verificationBadge(noPolicyOutcome('x')).tone).toBe('default');
	});
});
