import { z } from 'zod';

/**
 * Why a signature was not verified (or not checked), as a short stable code. Pages and filters key on the code; the
 * message next to it is for people. Codes are never renamed: a snapshot written today must read the same tomorrow.
 */
export const REASON_CODES = [
	// unsigned / not-checked
	'no-signature', // nothing signs this digest
	'no-policy', // no signing identity is configured for the registry, so nothing was checked
	'unsupported-format', // a signature format this verifier does not read
	// failed: the artifact itself
	'malformed', // the bundle, envelope, payload or a cosign annotation is not what its format requires
	'blob-digest-mismatch', // the bytes given are not the blob the descriptor names
	'no-verification-material', // a bare DSSE envelope: a signature, but no certificate, key or log entry to check it with
	'no-certificate', // a cosign layer without a certificate (signed with a key, not keyless)
	'untrusted-key', // a bundle signed with a public key the trust root does not hold
	// failed: cryptography and trust
	'signature-invalid', // the signed content was changed after signing (signature or log entry does not match it)
	'untrusted-certificate', // the certificate does not chain to a certificate authority of the trust root
	'certificate-expired', // the certificate was not valid at the signing time proven by the log
	'sct-invalid', // the certificate has no valid certificate-transparency timestamp from a log of the trust root
	'no-log-proof', // no transparency-log entry proves when the signature was made
	'inclusion-promise-invalid', // the log's signed entry timestamp (SET) does not verify
	'inclusion-proof-invalid', // the Merkle inclusion proof or its checkpoint does not verify
	'timestamp-invalid', // an RFC 3161 timestamp does not verify
	// failed: policy
	'identity-mismatch', // valid signature, but by another certificate identity (SAN)
	'issuer-mismatch', // valid signature, but the identity was issued by another OIDC issuer
	'subject-mismatch', // valid signature, but over another digest than the one being verified
] as const;

/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** The four outcomes a snapshot records for a variant or an attestation. */
export const VERIFICATION_STATUSES = ['verified', 'failed', 'unsigned', 'not-checked'] as const;

/** How the signature was stored, so a page can say what was verified. */
export const SIGNATURE_FORMATS = [
	'sigstore-bundle-v0.1',
	'sigstore-bundle-v0.2',
	'sigstore-bundle-v0.3',
	'dsse-envelope', // a bare DSSE envelope as an OCI referrer layer
	'cosign-signature', // cosign's `.sig` tag: simple-signing payload plus annotations
	'cosign-attestation', // cosign's `.att` tag: DSSE envelope plus annotations
] as const;

/** One of {@link SIGNATURE_FORMATS}. */
export type SignatureFormat = (typeof SIGNATURE_FORMATS)[number];

/** What a verification concluded, as the snapshot stores it: a pure function of the inputs, trust root and policy. */
export const verificationOutcomeSchema = z
	.object({
		/**
		 * `verified`: the signature chains to the trust root, is proven in its transparency log, was made by the expected
		 * identity and issuer, and covers this digest. `failed`: a signature exists but one of those checks failed (see
		 * `reason`). `unsigned`: nothing signs the digest. `not-checked`: nothing was checked (no policy, unknown format).
		 */
		status: z.enum(VERIFICATION_STATUSES),
		/** Why it is not `verified`; null exactly when it is. */
		reason: z
			.object({
				/** Stable code, see REASON_CODES. */
				code: z.enum(REASON_CODES),
				/** One or two sentences for a reader: what failed, with the expected and found values. */
				message: z.string().min(1),
			})
			.strict()
			.nullable(),
		/** How the signature was stored; null when there was none or its format is unknown. */
		format: z.enum(SIGNATURE_FORMATS).nullable(),
		/**
		 * Subject alternative name of the signing certificate (the workflow or e-mail that signed). Only set once the
		 * certificate chained to the trust root, so an untrusted certificate never puts a name on a page.
		 */
		identity: z.string().nullable(),
		/** OIDC issuer recorded in the signing certificate (Fulcio extension 1.3.6.1.4.1.57264.1.8 or .1.1). */
		issuer: z.string().nullable(),
		/** The transparency-log entry that proves the signature, when one verified. */
		transparencyLog: z
			.object({
				/** Index of the entry in its log. */
				logIndex: z.number().int().nonnegative(),
				/** When the log integrated the entry (ISO 8601, UTC); null for logs that record no time (Rekor v2). */
				integratedTime: z.iso.datetime().nullable(),
				/** The log's id: SHA-256 of its public key, hex. */
				logId: z.string().regex(/^[a-f0-9]+$/),
			})
			.strict()
			.nullable(),
		/** The trust root the signature was checked against; null when nothing was checked. */
		trustRoot: z
			.object({
				/** `sha256:` digest of the canonical JSON of the trusted root. */
				id: z.string(),
				/** Its name, e.g. `sigstore-public-good` or `demo`. */
				name: z.string(),
			})
			.strict()
			.nullable(),
		/** Predicate type of the in-toto Statement that was signed (DSSE formats only). */
		predicateType: z.string().nullable(),
	})
	.strict();

/** One verification result, see {@link verificationOutcomeSchema}. */
export type VerificationOutcome = z.infer<typeof verificationOutcomeSchema>;

/**
 * An outcome with every field, in the schema's key order, so equal outcomes serialize to equal bytes whichever way
 * they were built. Fields not given are null.
 */
export function outcome(
	fields: Partial<VerificationOutcome> & Pick<VerificationOutcome, 'status' | 'reason'>,
): VerificationOutcome {
	return {
		status: fields.status,
		reason: fields.reason,
		format: fields.format ?? null,
		identity: fields.identity ?? null,
		issuer: fields.issuer ?? null,
		transparencyLog: fields.transparencyLog ?? null,
		trustRoot: fields.trustRoot ?? null,
		predicateType: fields.predicateType ?? null,
	};
}

/** The outcome for a digest that nothing signs. */
export function unsignedOutcome(): VerificationOutcome {
	return outcome({
		status: 'unsigned',
		reason: { code: 'no-signature', message: 'No signature or signed attestation refers to this digest.' },
	});
}

/** The outcome for an in-toto Statement stored as plain JSON, which no signature covers (BuildKit's attestations). */
export function unsignedStatementOutcome(): VerificationOutcome {
	return outcome({
		status: 'unsigned',
		reason: {
			code: 'no-signature',
			message: 'The in-toto Statement is stored as plain JSON, without a signature (as BuildKit attaches it).',
		},
	});
}

/** The outcome when a signature exists but the registry has no signing identity to check it against. */
export function noPolicyOutcome(registry: string): VerificationOutcome {
	return outcome({
		status: 'not-checked',
		reason: {
			code: 'no-policy',
			message: `No expected signing identity is configured for ${registry}, so the signature was not checked.`,
		},
	});
}

const STATUS_RANK: Record<VerificationOutcome['status'], number> = {
	verified: 0,
	failed: 1,
	'not-checked': 2,
	unsigned: 3,
};

/**
 * The outcome of a digest signed by several signatures: verified when any one verifies (as `cosign verify` accepts
 * any matching signature), else the first failure, else not checked, else unsigned. `outcomes` must come in a stable
 * order (for example by signature manifest digest and layer position) so the result is deterministic.
 */
export function combineOutcomes(outcomes: readonly VerificationOutcome[]): VerificationOutcome {
	let best: VerificationOutcome | null = null;
	for (const outcome of outcomes) {
		if (!best || STATUS_RANK[outcome.status] < STATUS_RANK[best.status]) best = outcome;
	}
	return best ?? unsignedOutcome();
}
