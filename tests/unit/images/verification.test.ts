// The sync's verification step: which policy and trust root apply to a registry, and checking found layers with a
// cache keyed by their inputs, so unchanged evidence is neither fetched nor checked again.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignedMediaType, TrustRootError, unsignedOutcome } from '../../../src/attestations/verify/index.ts';
import { DEMO_REGISTRY, DEMO_SIGNING_POLICY, DEMO_TRUSTED_ROOT_FILE } from '../../../src/images/demo/registry.ts';
import { createDemoAuthority } from '../../../src/images/demo/sigstore-authority.ts';
import type { RegistrySigning } from '../../../src/images/repositories-config.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../../../src/attestations/in-toto.ts';
import {
	SignatureChecks,
	digestVerification,
	signingFor,
	type CheckedEvidence,
	type FoundLayer,
} from '../../../src/images/verification.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

const demoImages = useDemoImages();
const authority = createDemoAuthority();
const SIGNED_AT = new Date('2026-08-22T03:15:00Z');
const SUBJECT_HEX = 'cd'.repeat(32);
const SUBJECT = `sha256:${SUBJECT_HEX}`;
const payload = Buffer.from(
	JSON.stringify({
		critical: {
			identity: { 'docker-reference': 'registry.demo.invalid/chainguard/app' },
			image: { 'docker-manifest-digest': SUBJECT },
			type: 'cosign container image signature',
		},
		optional: null,
	}),
);
const digest = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const publicPolicy: RegistrySigning = {
	certificateIdentity: 'https://github.com/acme/app/.github/workflows/release.yaml@refs/heads/main',
	certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
	trustRoot: 'sigstore-public-good',
};

/** A `.sig` layer signed by the demo authority, as identity `identity`, and a fetch that counts what it serves. */
function signedLayer(identity?: string): {
	layer: FoundLayer;
	fetch: (digest: string) => Promise<Uint8Array>;
	fetched: string[];
} {
	const made = authority.cosignSignature(payload, { signedAt: SIGNED_AT, ...(identity && { identity }) });
	const layer = { mediaType: SignedMediaType.cosignSimpleSigning, digest: digest(made.blob), annotations: made.annotations };
	const fetched: string[] = [];
	return {
		layer,
		fetched,
		fetch: async (requested) => {
			fetched.push(requested);
			return made.blob;
		},
	};
}

const subject = { digest: SUBJECT, manifest: async () => Buffer.from('{}') };
const dir = temporaryFolderPerTest('sca-verification-');

describe('signingFor', () => {
	it('gives the demo registry its built-in policy and demo root, and nothing else gets them', () => {
		const demo = signingFor({}, DEMO_REGISTRY, 'chainguard')!;
		expect(demo).toMatchObject({ policy: DEMO_SIGNING_POLICY, demo: true, trustRoot: { name: 'demo', demoOnly: true } });
		expect(signingFor({}, 'cgr.dev', 'chainguard')).toBeNull();
	});

	it('prefers a host/namespace entry to a host entry, and names a private root after its file', async () => {
		// A root from another seed stands in for a private Sigstore instance: its keys are not the demo's.
		const file = join(dir(), 'acme-sigstore.json');
		await writeFile(file, JSON.stringify(createDemoAuthority('acme private sigstore').trustedRoot));
		const config = {
			'ghcr.io': publicPolicy,
			'ghcr.io/acme': { ...publicPolicy, certificateIdentity: 'https://example.invalid/acme', trustRoot: file },
		};
		expect(signingFor(config, 'ghcr.io', 'other')).toMatchObject({
			policy: { certificateIdentity: publicPolicy.certificateIdentity },
			trustRoot: { name: 'sigstore-public-good' },
			demo: false,
		});
		const acme = signingFor(config, 'ghcr.io', 'acme')!;
		expect(acme).toMatchObject({
			policy: { certificateIdentity: 'https://example.invalid/acme' },
			trustRoot: { name: 'acme-sigstore' },
		});
		expect(acme.policy).not.toHaveProperty('trustRoot');
		expect(acme.trustRoot.demoOnly).toBe(false);
	});

	it('refuses the demo root as any other registry’s trust root, whatever the configuration calls it', () => {
		const signing = signingFor({ 'cgr.dev': { ...publicPolicy, trustRoot: DEMO_TRUSTED_ROOT_FILE.pathname } }, 'cgr.dev', 'x')!;
		expect(signing.trustRoot.demoOnly).toBe(true);
		expect(() => new SignatureChecks(signing, 'cgr.dev')).toThrow(TrustRootError);
	});
});

describe('SignatureChecks', () => {
	const demoSigning = () => signingFor({}, DEMO_REGISTRY, 'chainguard');

	it('verifies a layer once: the same inputs again cost no fetch and no cryptography', async () => {
		const checks = new SignatureChecks(demoSigning(), DEMO_REGISTRY);
		const { layer, fetch, fetched } = signedLayer();
		const first = await checks.check([layer], subject, fetch);
		expect(first.verification).toMatchObject({ status: 'verified', identity: DEMO_SIGNING_POLICY.certificateIdentity });
		expect(first.verificationKey).toMatch(/^sha256:[a-f0-9]{64}$/);
		const again = await checks.check([layer], subject, fetch);
		expect(again).toEqual(first);
		expect(fetched).toEqual([layer.digest]);
		expect(checks.stats).toEqual({ verified: 1, reused: 1 });
	});

	it('takes an image as current only when it was checked under the same policy, trust root and verifier', () => {
		const image = demoImages.image('python');
		expect(new SignatureChecks(demoSigning(), DEMO_REGISTRY).isCurrent(image)).toBe(true);
		const stale = { ...image, signing: { ...image.signing!, verifierKey: 'sha256:other' } };
		expect(new SignatureChecks(demoSigning(), DEMO_REGISTRY).isCurrent(stale)).toBe(false);
		const noPolicy = new SignatureChecks(null, 'cgr.dev', [image]);
		expect(noPolicy.isCurrent(image)).toBe(false);
		expect(noPolicy.isCurrent({ ...image, signing: null })).toBe(true);
	});

	it('answers a recorded key without fetching', async () => {
		const { layer, fetch } = signedLayer();
		const first = new SignatureChecks(demoSigning(), DEMO_REGISTRY);
		const outcome = await first.check([layer], subject, fetch);
		const image = structuredClone(demoImages.image('python'));
		image.variants[0]!.signatures = [{ source: 'cosign-tag', digest: SUBJECT, count: 1, ...outcome }];
		const second = new SignatureChecks(demoSigning(), DEMO_REGISTRY, [image]);
		const noFetch = async () => {
			throw new Error('fetched a blob whose outcome was recorded');
		};
		expect(await second.check([layer], subject, noFetch)).toEqual(outcome);
		expect(second.stats).toEqual({ verified: 0, reused: 1 });
	});

	it('records a valid signature by another identity as failed, with its reason', async () => {
		const { layer, fetch } = signedLayer('https://demo.invalid/someone-else');
		const { verification } = await new SignatureChecks(demoSigning(), DEMO_REGISTRY).check([layer], subject, fetch);
		expect(verification).toMatchObject({
			status: 'failed',
			reason: { code: 'identity-mismatch' },
			identity: 'https://demo.invalid/someone-else',
		});
	});

	it('calls a manifest with no signed layer unsigned, and checks nothing without a policy', async () => {
		const checks = new SignatureChecks(null, 'registry.example.org');
		expect(checks.record).toBeNull();
		expect(await checks.check([], subject, signedLayer().fetch)).toEqual({
			verification: unsignedOutcome(),
			verificationKey: null,
		});
		const { layer, fetch, fetched } = signedLayer();
		const { verification, verificationKey } = await checks.check([layer], subject, fetch);
		expect(verification).toMatchObject({ status: 'not-checked', reason: { code: 'no-policy' } });
		expect(verification.reason!.message).toContain('registry.example.org');
		expect(verificationKey).toBeNull();
		expect(fetched).toEqual([]);
	});
});

describe('digestVerification', () => {
	const evidence = (status: 'verified' | 'failed', key: string, predicateType?: string) => ({
		verification: {
			...unsignedOutcome(),
			status,
			reason: status === 'verified' ? null : unsignedOutcome().reason,
			predicateType: predicateType ?? null,
		},
		verificationKey: key,
		predicateType: predicateType ?? '',
	});

	it('is verified when any signature or attestation verifies, naming a signature first', () => {
		const signature = evidence('verified', 'sha256:b');
		const attestation = evidence('verified', 'sha256:a', 'https://spdx.dev/Document');
		expect(digestVerification([signature], [attestation])).toBe(signature.verification);
		const cosign3 = evidence('verified', 'sha256:c', COSIGN_SIGN_PREDICATE_TYPE);
		expect(digestVerification([], [attestation, cosign3])).toBe(cosign3.verification);
		const failed = evidence('failed', 'sha256:0');
		expect(digestVerification([failed], [attestation])).toBe(attestation.verification);
		expect(digestVerification([], []).status).toBe('unsigned');
	});

	it('does not depend on the order the registry listed things in', () => {
		const a = evidence('failed', 'sha256:a');
		const b = evidence('failed', 'sha256:b');
		expect(digestVerification([a, b] as CheckedEvidence[], [])).toBe(digestVerification([b, a] as CheckedEvidence[], []));
	});
});
