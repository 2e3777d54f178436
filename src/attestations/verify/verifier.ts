import { ValidationError, bundleFromJSON, type Bundle, type SerializedBundle } from '@sigstore/bundle';
import { crypto, json } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { VerificationError, type Signer } from '@sigstore/verify';
import { CertificateVerifier } from './certificates.ts';
import { CosignAnnotation, cosignLayerBundle, hasCosignAnnotations } from './cosign.ts';
import { outcome, unsignedStatementOutcome, type SignatureFormat, type VerificationOutcome } from './outcome.ts';
import { compilePolicy, type SigningPolicy } from './policy.ts';
import { Rejection } from './rejection.ts';
import { checkMessageDigest, checkSimpleSigningSubject, checkStatementSubject } from './subject.ts';
import { TrustRootError, type TrustRoot } from './trust-root.ts';

/** Bump when a change to this module can turn an earlier outcome into another one, so cached outcomes are recomputed. */
export const VERIFICATION_LOGIC_VERSION = 1;

/** Layer media types the verifier reads. */
export const SignedMediaType = {
	/** Sigstore bundle as an OCI referrer layer (cosign 3, GitHub artifact attestations). */
	bundleV03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
	/** Any bundle version: `application/vnd.dev.sigstore.bundle+json;version=0.x` and `...bundle.v0.x+json`. */
	bundlePrefix: 'application/vnd.dev.sigstore.bundle',
	dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
	cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
	/** An unsigned in-toto Statement (BuildKit attestation manifests). */
	inTotoStatement: 'application/vnd.in-toto+json',
} as const;

/** A layer that signs something, as found in a `.sig`/`.att` manifest or a referrer: what the sync hands over. */
export interface SignedLayer {
	/** The layer's media type. */
	mediaType: string;
	/** The layer's digest from its descriptor; the bytes must match it. */
	digest: string;
	/** The layer blob. */
	bytes: Uint8Array;
	/** The layer descriptor's annotations (cosign keeps certificate, signature and Rekor bundle there). */
	annotations?: Readonly<Record<string, string>>;
}

/** What the signature must be about: the image index or manifest digest being verified. */
export interface Subject {
	/** `sha256:<hex>` of the index or manifest. */
	digest: string;
	/** The manifest bytes; needed only for a message-signature bundle, whose signature is over these bytes. */
	manifest?: Uint8Array;
}

/** Everything one registry's signatures are checked against. */
export interface SignatureVerifierOptions {
	/** The Sigstore trust root of the registry: public good, a private instance's, or the demo's. */
	trustRoot: TrustRoot;
	/** Expected certificate identity and OIDC issuer. */
	policy: SigningPolicy;
	/** True only for the demo sync: the one case where a demo-only trust root may be used. */
	demo?: boolean;
}

/** Verifies signed layers of one registry against its trust root and policy. */
export interface SignatureVerifier {
	/** The trust root outcomes name. */
	readonly trustRoot: { id: string; name: string };
	/**
	 * Key of everything outcomes depend on besides the layer and the subject: verifier logic version, trust root, policy
	 * and demo flag. Outcomes recorded under another key were checked against something else and must be checked again.
	 */
	readonly configKey: string;
	/** Verify one signed layer against the subject it must sign; never throws for bad input, only returns an outcome. */
	verify(layer: SignedLayer, subject: Subject): VerificationOutcome;
	/**
	 * Key under which `verify`'s outcome can be cached: it covers everything the outcome depends on (layer digest and
	 * the annotations read, subject digest, trust root id, policy, verifier logic version) and needs no blob bytes, so a
	 * no-change resync can reuse outcomes without fetching a blob or doing any cryptography.
	 */
	cacheKey(layer: Omit<SignedLayer, 'bytes'>, subjectDigest: string): string;
}

/** A verifier for one registry; throws TrustRootError when a demo-only trust root is given for anything but the demo. */
export function createSignatureVerifier(options: SignatureVerifierOptions): SignatureVerifier {
	const { trustRoot } = options;
	if (trustRoot.demoOnly && !options.demo) {
		throw new TrustRootError(
			`The trust root "${trustRoot.name}" (${trustRoot.id}) holds keys of the demo authority, whose private keys are public.`,
			'Use the Sigstore public-good root or your own Sigstore instance’s trusted_root.json for a real registry; the demo root only verifies `npm run images:demo`.',
		);
	}
	const policy = compilePolicy(options.policy);
	const sigstore = new CertificateVerifier(trustRoot.material, { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 });
	const rootRef = { id: trustRoot.id, name: trustRoot.name };
	const configKey = canonicalDigest({
		v: VERIFICATION_LOGIC_VERSION,
		trustRoot: trustRoot.id,
		demo: options.demo === true,
		policy: json.canonicalize(options.policy),
	});

	function check(layer: SignedLayer, subject: Subject): VerificationOutcome {
		const parsed = parseLayer(layer);
		if ('outcome' in parsed) return parsed.outcome;
		const { format, bundle } = parsed;
		// The subject check needs no cryptography, so a signature over another digest costs nothing to reject.
		const predicateType = checkSubject(parsed, subject);
		const artifact = bundle.content.$case === 'messageSignature' ? messageArtifact(parsed, subject) : undefined;
		let signer: Signer;
		try {
			signer = sigstore.verify(bundle, artifact);
		} catch (error) {
			throw toRejection(error);
		}
		const identity = signer.identity?.subjectAlternativeName ?? null;
		const issuer = signer.identity?.extensions?.issuer ?? null;
		const signed = { format, identity, issuer, transparencyLog: transparencyLog(bundle), trustRoot: rootRef, predicateType };
		if (!policy.identity.test(identity ?? undefined)) {
			const message = `Signed by ${JSON.stringify(identity)}, but the policy expects ${policy.identity.describe}.`;
			return { ...signed, status: 'failed', reason: { code: 'identity-mismatch', message } };
		}
		if (!policy.issuer.test(issuer ?? undefined)) {
			const message = `The identity was issued by ${JSON.stringify(issuer)}, but the policy expects ${policy.issuer.describe}.`;
			return { ...signed, status: 'failed', reason: { code: 'issuer-mismatch', message } };
		}
		return { ...signed, status: 'verified', reason: null };
	}

	return {
		trustRoot: rootRef,
		configKey,
		verify(layer, subject) {
			try {
				return outcome(check(layer, subject));
			} catch (error) {
				if (!(error instanceof Rejection)) throw error;
				return outcome({
					status: 'failed',
					reason: { code: error.code, message: error.message },
					format: formatOf(layer),
					trustRoot: rootRef,
				});
			}
		},
		cacheKey(layer, subjectDigest) {
			const read = Object.fromEntries(
				Object.values(CosignAnnotation).flatMap((key) =>
					layer.annotations?.[key] === undefined ? [] : [[key, layer.annotations[key]]],
				),
			);
			return canonicalDigest({
				config: configKey,
				mediaType: layer.mediaType,
				digest: layer.digest,
				annotations: read,
				subject: subjectDigest,
			});
		},
	};
}

/** `sha256:` digest of the canonical JSON of `value`: equal values give equal keys whatever their key order. */
function canonicalDigest(value: unknown): string {
	return `sha256:${crypto.digest('sha256', json.canonicalize(value)).toString('hex')}`;
}

type ParsedLayer =
	{ outcome: VerificationOutcome } | { format: SignatureFormat; bundle: Bundle; payload?: Buffer; simpleSigning?: boolean };

/** Turn a layer into the Sigstore bundle to verify, or an outcome when there is nothing to verify. */
function parseLayer(layer: SignedLayer): ParsedLayer {
	const bytes = Buffer.from(layer.bytes);
	const actual = `sha256:${crypto.digest('sha256', bytes).toString('hex')}`;
	if (layer.digest.startsWith('sha256:') && actual !== layer.digest) {
		throw new Rejection('blob-digest-mismatch', `The layer bytes hash to ${actual}, not to the descriptor's ${layer.digest}.`);
	}
	const annotations = layer.annotations ?? {};
	const format = formatOf(layer);
	if (layer.mediaType === SignedMediaType.inTotoStatement) return { outcome: unsignedStatementOutcome() };
	if (format === null) {
		return {
			outcome: outcome({
				status: 'not-checked',
				reason: {
					code: 'unsupported-format',
					message: `Layers of media type ${JSON.stringify(layer.mediaType)} are not a signature format this site verifies.`,
				},
			}),
		};
	}
	if (format === 'cosign-signature') {
		return {
			format,
			bundle: toBundle(cosignLayerBundle({ kind: 'message', payload: bytes }, annotations)),
			payload: bytes,
			simpleSigning: true,
		};
	}
	if (format === 'cosign-attestation' || format === 'dsse-envelope') {
		const envelope = parseEnvelope(bytes);
		if (format === 'dsse-envelope') {
			throw new Rejection(
				'no-verification-material',
				'The DSSE envelope holds a signature but no certificate, public-key hint or transparency-log entry, so nothing can tie it to a trusted identity.',
			);
		}
		return { format, bundle: toBundle(cosignLayerBundle({ kind: 'dsse', envelope }, annotations)) };
	}
	return { format, bundle: toBundle(parseJson(bytes, 'The bundle')) };
}

/** The format a layer's media type and annotations say it is; null when it is none the verifier reads. */
function formatOf(layer: Pick<SignedLayer, 'mediaType' | 'annotations' | 'bytes'>): SignatureFormat | null {
	if (layer.mediaType === SignedMediaType.cosignSimpleSigning) return 'cosign-signature';
	if (layer.mediaType === SignedMediaType.dsseEnvelope) {
		return hasCosignAnnotations(layer.annotations ?? {}) ? 'cosign-attestation' : 'dsse-envelope';
	}
	if (!layer.mediaType.startsWith(SignedMediaType.bundlePrefix)) return null;
	const version = /version=(0\.[123])|\.v(0\.[123])\+json/.exec(bundleMediaType(layer.bytes) ?? layer.mediaType);
	const number = version?.[1] ?? version?.[2];
	return number ? (`sigstore-bundle-v${number}` as SignatureFormat) : 'sigstore-bundle-v0.3';
}

/** The bundle's own mediaType field, which says its version more reliably than the layer's media type. */
function bundleMediaType(bytes: Uint8Array): string | null {
	try {
		const mediaType = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { mediaType?: unknown }).mediaType;
		return typeof mediaType === 'string' ? mediaType : null;
	} catch {
		return null;
	}
}

function parseJson(bytes: Buffer, what: string): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		throw new Rejection('malformed', `${what} is not JSON.`);
	}
}

function parseEnvelope(bytes: Buffer): NonNullable<SerializedBundle['dsseEnvelope']> {
	const envelope = parseJson(bytes, 'The DSSE envelope') as SerializedBundle['dsseEnvelope'];
	const valid =
		typeof envelope?.payload === 'string' &&
		typeof envelope.payloadType === 'string' &&
		Array.isArray(envelope.signatures) &&
		envelope.signatures.every((signature) => typeof signature?.sig === 'string');
	if (!valid) throw new Rejection('malformed', 'The DSSE envelope lacks payload, payloadType or signatures[].sig.');
	return {
		payload: envelope.payload,
		payloadType: envelope.payloadType,
		signatures: envelope.signatures.map(({ sig, keyid }) => ({ sig, keyid: keyid ?? '' })),
	};
}

function toBundle(serialized: unknown): Bundle {
	try {
		return bundleFromJSON(serialized);
	} catch (error) {
		const fields = error instanceof ValidationError && error.fields?.length ? ` (${error.fields.join(', ')})` : '';
		throw new Rejection('malformed', `The Sigstore bundle is not valid for its version${fields}.`);
	}
}

/** What a message signature signs: the `.sig` payload, or for a bundle referrer the subject manifest itself. */
function messageArtifact(parsed: { payload?: Buffer }, subject: Subject): Buffer {
	if (parsed.payload) return parsed.payload;
	if (!subject.manifest) {
		throw new TypeError(
			`verifying a message-signature bundle for ${subject.digest} needs the subject's manifest bytes (Subject.manifest)`,
		);
	}
	return Buffer.from(subject.manifest);
}

/** Check the signature is about the subject; returns the predicate type for DSSE formats, else null. */
function checkSubject(parsed: { bundle: Bundle; payload?: Buffer; simpleSigning?: boolean }, subject: Subject): string | null {
	const { content } = parsed.bundle;
	if (content.$case === 'dsseEnvelope') {
		return checkStatementSubject(content.dsseEnvelope.payloadType, content.dsseEnvelope.payload, subject.digest);
	}
	if (parsed.simpleSigning && parsed.payload) {
		checkSimpleSigningSubject(parsed.payload, subject.digest);
		return null;
	}
	const algorithm =
		{ [HashAlgorithm.SHA2_256]: 'sha256', [HashAlgorithm.SHA2_512]: 'sha512' }[
			content.messageSignature.messageDigest.algorithm as number
		] ?? 'unknown';
	checkMessageDigest(algorithm, content.messageSignature.messageDigest.digest, subject.digest);
	return null;
}

/** The first transparency-log entry, as the outcome records it. */
function transparencyLog(bundle: Bundle): VerificationOutcome['transparencyLog'] {
	const entry = bundle.verificationMaterial.tlogEntries[0];
	if (!entry) return null;
	const seconds = Number(entry.integratedTime);
	return {
		logIndex: Number(entry.logIndex),
		integratedTime: seconds > 0 ? new Date(seconds * 1000).toISOString() : null,
		logId: Buffer.from(entry.logId.keyId).toString('hex'),
	};
}

/** Map @sigstore/verify's error codes (and the messages that tell its certificate errors apart) to reason codes. */
function toRejection(error: unknown): Rejection {
	if (!(error instanceof VerificationError)) {
		return new Rejection('malformed', `The signature material does not parse: ${(error as Error).message}.`);
	}
	const cause = (error.cause as Error | undefined)?.message ?? '';
	switch (error.code) {
		case 'SIGNATURE_ERROR':
			return new Rejection(
				'signature-invalid',
				'The signature does not match the signed content: the content was changed after signing, or the signature belongs to other content.',
			);
		case 'TLOG_BODY_ERROR':
			return new Rejection(
				'signature-invalid',
				`The signed content does not match its transparency-log entry (${error.message}): it was changed after signing.`,
			);
		case 'TLOG_INCLUSION_PROMISE_ERROR':
			return new Rejection(
				'inclusion-promise-invalid',
				'The transparency log’s signed entry timestamp (inclusion promise) does not verify against any log of the trust root.',
			);
		case 'TLOG_INCLUSION_PROOF_ERROR':
			return new Rejection('inclusion-proof-invalid', `The transparency-log inclusion proof does not verify: ${error.message}.`);
		case 'TLOG_MISSING_INCLUSION_ERROR':
		case 'TLOG_ERROR':
			return new Rejection('no-log-proof', `No verifiable transparency-log entry proves the signature: ${error.message}.`);
		case 'TIMESTAMP_ERROR':
			return /expected \d+ timestamps, got 0/.test(error.message)
				? new Rejection(
						'no-log-proof',
						'Nothing proves when the signature was made (no transparency-log inclusion promise, no RFC 3161 timestamp), so the short-lived certificate cannot be checked.',
					)
				: new Rejection('timestamp-invalid', `A timestamp does not verify: ${error.message}.`);
		case 'PUBLIC_KEY_ERROR':
			return new Rejection(
				'untrusted-key',
				`The bundle is signed with a public key the trust root does not hold (${error.message}).`,
			);
		case 'CERTIFICATE_ERROR':
			if (/SCT/.test(error.message)) {
				return new Rejection(
					'sct-invalid',
					`The certificate has no valid certificate-transparency timestamp from a log of the trust root (${error.message}).`,
				);
			}
			if (/not valid or expired/.test(cause)) {
				return new Rejection(
					'certificate-expired',
					'The certificate was not valid at the signing time the transparency log proves.',
				);
			}
			return new Rejection(
				'untrusted-certificate',
				`The certificate does not chain to a certificate authority of the trust root${cause ? ` (${cause})` : ''}.`,
			);
		default:
			return new Rejection('malformed', `The signature material cannot be verified: ${error.message}.`);
	}
}
