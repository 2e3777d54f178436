// The verification step of the sync: which policy and trust root apply to a registry, and checking the signed layers
// the collector finds against them, with every outcome cached by its inputs so unchanged evidence costs nothing.
import { basename } from 'node:path';
import { crypto, json } from '@sigstore/core';
import {
	PUBLIC_GOOD_TRUST_ROOT_NAME,
	combineOutcomes,
	createSignatureVerifier,
	noPolicyOutcome,
	publicGoodTrustRoot,
	readTrustRootFile,
	unsignedOutcome,
	unsignedStatementOutcome,
	SignedMediaType,
	type SignatureVerifier,
	type SigningPolicy,
	type TrustRoot,
	type VerificationOutcome,
} from '../attestations/verify/index.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../attestations/in-toto.ts';
import { compareText } from '../lib/compare.ts';
import { DEMO_SIGNING_POLICY, demoTrustRoot, isDemoRegistry } from './demo/registry.ts';
import type { ImageRepository, SigningRecord } from './model.ts';
import type { RegistrySigning } from './repositories-config.ts';

/** The policy and trust root that apply to one registry, ready to build a verifier from. */
export interface ResolvedSigning {
	policy: SigningPolicy;
	trustRoot: TrustRoot;
	/** True only for the demo registry, the one place the demo trust root may be used. */
	demo: boolean;
}

/**
 * The signing policy of images recorded as `registry/namespace`: the demo registry's is built in (the demo authority's
 * identity and root); any other comes from the configuration, `host/namespace` before `host`. Null when none is configured.
 */
export function signingFor(
	config: Readonly<Record<string, RegistrySigning>>,
	registry: string,
	namespace: string,
): ResolvedSigning | null {
	if (isDemoRegistry(registry)) return { policy: { ...DEMO_SIGNING_POLICY }, trustRoot: demoTrustRoot(), demo: true };
	const entry = (namespace ? config[`${registry}/${namespace}`] : undefined) ?? config[registry];
	if (!entry) return null;
	const { trustRoot, ...policy } = entry;
	return {
		policy,
		// A private root is named after its file, so the pages can say which root a signature chained to.
		trustRoot:
			trustRoot === PUBLIC_GOOD_TRUST_ROOT_NAME
				? publicGoodTrustRoot()
				: readTrustRootFile(trustRoot, basename(trustRoot).replace(/\.json$/, '')),
		demo: false,
	};
}

/** A signed layer as the collector finds it: its descriptor, and its bytes when they were fetched anyway. */
export interface FoundLayer {
	mediaType: string;
	digest: string;
	annotations?: Readonly<Record<string, string>>;
	bytes?: Uint8Array;
}

/** What a signature or an attestation records about its verification. */
export interface CheckedEvidence {
	verification: VerificationOutcome;
	verificationKey: string | null;
}

/** The digest signatures must be about, and its manifest (a message-signature bundle signs the manifest bytes). */
export interface CheckSubject {
	digest: string;
	manifest: () => Promise<Uint8Array>;
}

/**
 * The verification of one run: one verifier for the registry, and every outcome of the previous snapshot keyed by the
 * cache key of its inputs. A layer whose key is known is neither fetched nor checked again.
 */
export class SignatureChecks {
	readonly #verifier: SignatureVerifier | null;
	readonly #registry: string;
	readonly #known = new Map<string, VerificationOutcome>();
	/** What the images of this run record as checked against; null without a policy. */
	readonly record: SigningRecord | null;
	/** Layers verified with cryptography in this run, and outcomes reused from the cache: figures for the report. */
	readonly stats = { verified: 0, reused: 0 };

	constructor(signing: ResolvedSigning | null, registry: string, previous: Iterable<ImageRepository> = []) {
		this.#registry = registry;
		this.#verifier = signing
			? createSignatureVerifier({ trustRoot: signing.trustRoot, policy: signing.policy, demo: signing.demo })
			: null;
		this.record =
			signing && this.#verifier
				? { policy: signing.policy, trustRoot: this.#verifier.trustRoot, verifierKey: this.#verifier.configKey }
				: null;
		for (const image of previous) {
			if (!this.isCurrent(image)) continue;
			for (const evidence of recordedEvidence(image)) {
				if (evidence.verificationKey) this.#known.set(evidence.verificationKey, evidence.verification);
			}
		}
	}

	/** Whether `image` was checked against the policy and trust root of this run (else it must be checked again). */
	isCurrent(image: ImageRepository): boolean {
		return (image.signing?.verifierKey ?? null) === (this.record?.verifierKey ?? null);
	}

	/**
	 * Verify the signed layers of one signature manifest, one attestation layer or one bundle against `subject`: verified
	 * when any layer verifies. Layers without bytes are fetched with `fetchBlob` only when their outcome is not cached.
	 */
	async check(
		layers: readonly FoundLayer[],
		subject: CheckSubject,
		fetchBlob: (digest: string) => Promise<Uint8Array>,
	): Promise<CheckedEvidence> {
		const verifier = this.#verifier;
		if (layers.length === 0) return { verification: unsignedOutcome(), verificationKey: null };
		// A plain Statement is unsigned whatever the policy: nothing to fetch or check.
		if (layers.every((layer) => layer.mediaType === SignedMediaType.inTotoStatement)) {
			return { verification: unsignedStatementOutcome(), verificationKey: null };
		}
		if (!verifier) return { verification: noPolicyOutcome(this.#registry), verificationKey: null };
		const keys = layers.map((layer) => verifier.cacheKey(layer, subject.digest));
		const key = keys.length === 1 ? keys[0]! : `sha256:${crypto.digest('sha256', json.canonicalize(keys)).toString('hex')}`;
		const known = this.#known.get(key);
		if (known) {
			this.stats.reused++;
			return { verification: known, verificationKey: key };
		}
		const manifest = await subject.manifest();
		const outcomes = await Promise.all(
			layers.map(async (layer) => {
				const bytes = layer.bytes ?? (await fetchBlob(layer.digest));
				this.stats.verified++;
				return verifier.verify({ ...layer, bytes }, { digest: subject.digest, manifest });
			}),
		);
		const verification = combineOutcomes(outcomes);
		this.#known.set(key, verification);
		return { verification, verificationKey: key };
	}
}

/** Every signature and attestation record of an image, where verification outcomes live. */
function recordedEvidence(image: ImageRepository): CheckedEvidence[] {
	return image.variants.flatMap((variant) =>
		[variant, ...variant.platforms].flatMap((subject) => [...subject.signatures, ...subject.attestations]),
	);
}

/**
 * The verification of a digest: its signatures and signed attestations taken together, verified when any one is (what
 * was verified is in the outcome's `format` and `predicateType`). Signatures count first, cosign 3's signature
 * Statements next, other attestations last, each by cache key, so the outcome a page names is the signature's whenever
 * it verifies, and never depends on the order the registry listed things in.
 */
export function digestVerification(
	signatures: readonly CheckedEvidence[],
	attestations: ReadonlyArray<CheckedEvidence & { predicateType: string }>,
): VerificationOutcome {
	const byKey = (a: CheckedEvidence, b: CheckedEvidence) => compareText(a.verificationKey ?? '', b.verificationKey ?? '');
	const signing = (entry: { predicateType: string }) => entry.predicateType === COSIGN_SIGN_PREDICATE_TYPE;
	const ordered = [
		...[...signatures].sort(byKey),
		...attestations.filter(signing).sort(byKey),
		...attestations.filter((entry) => !signing(entry)).sort(byKey),
	];
	return combineOutcomes(ordered.map((entry) => entry.verification));
}
