// Outcomes are cached by digest: the key must change with every input the outcome depends on, and with nothing else.
import { describe, expect, it } from 'vitest';
import { createSignatureVerifier, publicGoodTrustRoot, type SignedLayer } from '../../../../src/attestations/verify/index.ts';
import { createDemoAuthority, DEMO_SIGNING_POLICY } from '../../../../src/images/demo/sigstore-authority.ts';
import { serverImageSignature, sha256 } from './fixtures.ts';

const POLICY = {
	certificateIdentity: 'https://example.invalid/workflow',
	certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
};

describe('cacheKey', () => {
	const signature = serverImageSignature();
	const { bytes: _bytes, ...descriptor } = signature.layer();
	const verifier = createSignatureVerifier({ trustRoot: publicGoodTrustRoot(), policy: POLICY });
	const key = verifier.cacheKey(descriptor, signature.subject);

	it('is the same for the same inputs, from another verifier instance, without the blob bytes', () => {
		const again = createSignatureVerifier({ trustRoot: publicGoodTrustRoot(), policy: { ...POLICY } });
		expect(again.cacheKey(descriptor, signature.subject)).toBe(key);
		expect(key).toMatch(/^sha256:[a-f0-9]{64}$/);
	});

	it('changes with the subject, the layer digest, a cosign annotation, the policy and the trust root', () => {
		const changed: Array<[string, string]> = [
			['subject', verifier.cacheKey(descriptor, sha256('other'))],
			['layer digest', verifier.cacheKey({ ...descriptor, digest: sha256('other layer') }, signature.subject)],
			[
				'Rekor bundle annotation',
				verifier.cacheKey(
					{ ...descriptor, annotations: { ...descriptor.annotations, 'dev.sigstore.cosign/bundle': '{}' } } as Omit<
						SignedLayer,
						'bytes'
					>,
					signature.subject,
				),
			],
			[
				'policy',
				createSignatureVerifier({ trustRoot: publicGoodTrustRoot(), policy: { ...POLICY, certificateIdentity: 'x' } }).cacheKey(
					descriptor,
					signature.subject,
				),
			],
			[
				'trust root',
				createSignatureVerifier({
					trustRoot: createDemoAuthority().trustRoot(),
					policy: DEMO_SIGNING_POLICY,
					demo: true,
				}).cacheKey(descriptor, signature.subject),
			],
		];
		for (const [what, other] of changed) expect(other, what).not.toBe(key);
	});

	it('ignores annotations the verifier never reads', () => {
		const annotated = {
			...descriptor,
			annotations: { ...descriptor.annotations, 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
		};
		expect(verifier.cacheKey(annotated, signature.subject)).toBe(key);
	});
});
