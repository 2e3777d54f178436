import { BUNDLE_V01_MEDIA_TYPE, type SerializedBundle } from '@sigstore/bundle';
import { crypto } from '@sigstore/core';
import { Rejection } from './rejection.ts';

/** Layer annotations in which cosign's tag layout (`.sig`, `.att`) keeps what a Sigstore bundle would hold. */
export const CosignAnnotation = {
	signature: 'dev.cosignproject.cosign/signature',
	certificate: 'dev.sigstore.cosign/certificate',
	chain: 'dev.sigstore.cosign/chain',
	/** Rekor "bundle": the signed entry timestamp (SET) and the log entry it signs. */
	rekorBundle: 'dev.sigstore.cosign/bundle',
	rfc3161Timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
} as const;

/** True when a layer carries any of cosign's verification annotations. */
export function hasCosignAnnotations(annotations: Readonly<Record<string, string>>): boolean {
	return Object.values(CosignAnnotation).some((key) => key in annotations);
}

/** What the signed content of a cosign layer is: the simple-signing payload (`.sig`) or a DSSE envelope (`.att`). */
export type CosignContent =
	{ kind: 'message'; payload: Buffer } | { kind: 'dsse'; envelope: NonNullable<SerializedBundle['dsseEnvelope']> };

/**
 * The Sigstore bundle equivalent to one cosign layer, as cosign itself rebuilds it to verify (pkg/cosign/verify.go
 * `VerifyBundle`, cmd/cosign/cli/signcommon `RekorBundleFromProtoTlogEntry` for the reverse): the leaf certificate
 * (and chain) from the annotations, one transparency-log entry whose canonicalized body, integrated time, log index and
 * log id come from the Rekor bundle's `Payload` and whose inclusion promise is its `SignedEntryTimestamp`, and either a
 * message signature over the payload or the DSSE envelope. It is a v0.1 bundle, the version whose log entries carry an
 * inclusion promise rather than a Merkle proof.
 */
export function cosignLayerBundle(content: CosignContent, annotations: Readonly<Record<string, string>>): SerializedBundle {
	const certificatePem = annotations[CosignAnnotation.certificate];
	if (certificatePem === undefined) {
		throw new Rejection(
			'no-certificate',
			`The layer has no ${CosignAnnotation.certificate} annotation: it was signed with a key, not keylessly, so no certificate identity can be checked.`,
		);
	}
	const certificates = [
		...pemCertificates(certificatePem, CosignAnnotation.certificate),
		...(annotations[CosignAnnotation.chain] === undefined
			? []
			: pemCertificates(annotations[CosignAnnotation.chain], CosignAnnotation.chain)),
	];
	const rekorBundle = annotations[CosignAnnotation.rekorBundle];
	const timestamp = annotations[CosignAnnotation.rfc3161Timestamp];
	return {
		mediaType: BUNDLE_V01_MEDIA_TYPE,
		verificationMaterial: {
			x509CertificateChain: { certificates: certificates.map((der) => ({ rawBytes: der.toString('base64') })) },
			tlogEntries: rekorBundle === undefined ? [] : [tlogEntry(rekorBundle)],
			timestampVerificationData:
				timestamp === undefined ? undefined : { rfc3161Timestamps: [{ signedTimestamp: rfc3161Timestamp(timestamp) }] },
			publicKey: undefined,
			certificate: undefined,
		},
		...(content.kind === 'message'
			? {
					messageSignature: {
						messageDigest: { algorithm: 'SHA2_256', digest: crypto.digest('sha256', content.payload).toString('base64') },
						signature: signatureAnnotation(annotations),
					},
					dsseEnvelope: undefined,
				}
			: { dsseEnvelope: content.envelope, messageSignature: undefined }),
	};
}

function signatureAnnotation(annotations: Readonly<Record<string, string>>): string {
	const signature = annotations[CosignAnnotation.signature];
	if (signature === undefined || !isBase64(signature)) {
		throw new Rejection('malformed', `The ${CosignAnnotation.signature} annotation is missing or not base64.`);
	}
	return signature;
}

/** DER certificates of a PEM annotation, in order. */
function pemCertificates(pem: string, annotation: string): Buffer[] {
	const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g)];
	if (blocks.length === 0) throw new Rejection('malformed', `The ${annotation} annotation holds no PEM certificate.`);
	return blocks.map((block) => Buffer.from(block[1].replace(/\s+/g, ''), 'base64'));
}

interface RekorBundle {
	SignedEntryTimestamp: string;
	Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

/** The transparency-log entry of cosign's Rekor bundle annotation, with the SET as its inclusion promise. */
function tlogEntry(annotation: string) {
	const malformed = (detail: string) =>
		new Rejection('malformed', `The ${CosignAnnotation.rekorBundle} annotation is not a Rekor bundle: ${detail}.`);
	let parsed: RekorBundle;
	try {
		parsed = JSON.parse(annotation) as RekorBundle;
	} catch {
		throw malformed('not JSON');
	}
	const payload = parsed?.Payload;
	if (typeof parsed?.SignedEntryTimestamp !== 'string' || !isBase64(parsed.SignedEntryTimestamp))
		throw malformed('no base64 SignedEntryTimestamp');
	if (typeof payload?.body !== 'string' || !isBase64(payload.body)) throw malformed('no base64 Payload.body');
	if (!Number.isSafeInteger(payload.integratedTime) || !Number.isSafeInteger(payload.logIndex)) {
		throw malformed('Payload.integratedTime and Payload.logIndex must be integers');
	}
	if (typeof payload.logID !== 'string' || !/^[a-f0-9]{64}$/.test(payload.logID))
		throw malformed('Payload.logID must be 64 hex digits');
	let body: { kind?: unknown; apiVersion?: unknown };
	try {
		body = JSON.parse(Buffer.from(payload.body, 'base64').toString('utf8'));
	} catch {
		throw malformed('Payload.body is not a base64 JSON log entry');
	}
	if (typeof body.kind !== 'string' || typeof body.apiVersion !== 'string')
		throw malformed('the log entry names no kind and apiVersion');
	return {
		logIndex: String(payload.logIndex),
		logId: { keyId: Buffer.from(payload.logID, 'hex').toString('base64') },
		kindVersion: { kind: body.kind, version: body.apiVersion },
		integratedTime: String(payload.integratedTime),
		inclusionPromise: { signedEntryTimestamp: parsed.SignedEntryTimestamp },
		inclusionProof: undefined,
		canonicalizedBody: payload.body,
	};
}

/** cosign's RFC 3161 annotation: `{"SignedRFC3161Timestamp": "<base64 TimeStampResp>"}`. */
function rfc3161Timestamp(annotation: string): string {
	let value: unknown;
	try {
		value = (JSON.parse(annotation) as { SignedRFC3161Timestamp?: unknown }).SignedRFC3161Timestamp;
	} catch {
		value = undefined;
	}
	if (typeof value !== 'string' || !isBase64(value)) {
		throw new Rejection('malformed', `The ${CosignAnnotation.rfc3161Timestamp} annotation has no base64 SignedRFC3161Timestamp.`);
	}
	return value;
}

function isBase64(value: string): boolean {
	return value.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}
