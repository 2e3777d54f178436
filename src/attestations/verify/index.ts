// Offline verification of Sigstore signatures on images: bundles (v0.1-v0.3) from OCI referrers and cosign's `.sig` /
// `.att` tag layout, against a committed trust root and a per-registry identity policy. Pure: bytes in, outcomes out.
export { CosignAnnotation } from './cosign.ts';
export {
	REASON_CODES,
	SIGNATURE_FORMATS,
	VERIFICATION_STATUSES,
	combineOutcomes,
	noPolicyOutcome,
	unsignedOutcome,
	unsignedStatementOutcome,
	verificationOutcomeSchema,
	type ReasonCode,
	type SignatureFormat,
	type VerificationOutcome,
} from './outcome.ts';
export { signingPolicySchema, type SigningPolicy } from './policy.ts';
export {
	DEMO_TRUST_ROOT_NAME,
	PUBLIC_GOOD_TRUST_ROOT_NAME,
	TrustRootError,
	parseTrustRoot,
	publicGoodTrustRoot,
	readTrustRootFile,
	type TrustRoot,
} from './trust-root.ts';
export {
	SignedMediaType,
	VERIFICATION_LOGIC_VERSION,
	createSignatureVerifier,
	type SignatureVerifier,
	type SignatureVerifierOptions,
	type SignedLayer,
	type Subject,
} from './verifier.ts';
