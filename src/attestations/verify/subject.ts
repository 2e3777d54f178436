import { Rejection } from './rejection.ts';

const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = new Set(['https://in-toto.io/Statement/v0.1', 'https://in-toto.io/Statement/v1']);

/** `sha256:<hex>` split into algorithm and hex; the caller's digest, so a bad one is a programming error. */
function splitDigest(digest: string): { algorithm: string; hex: string } {
	const match = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
	if (!match) throw new TypeError(`subject digest ${JSON.stringify(digest)} is not sha256:<hex> or sha512:<hex>`);
	return { algorithm: match[1], hex: match[2] };
}

/**
 * A `.sig` payload must name the subject: cosign's simple-signing JSON carries the signed manifest digest in
 * `critical.image.docker-manifest-digest` (specs/SIGNATURE_SPEC.md), and cosign rejects a signature whose digest differs.
 */
export function checkSimpleSigningSubject(payload: Buffer, subjectDigest: string): void {
	let signed: unknown;
	try {
		signed = (JSON.parse(payload.toString('utf8')) as { critical?: { image?: Record<string, unknown> } }).critical?.image?.[
			'docker-manifest-digest'
		];
	} catch {
		throw new Rejection('malformed', 'The signed payload is not JSON, so it names no image digest.');
	}
	if (typeof signed !== 'string') {
		throw new Rejection('malformed', 'The signed payload has no critical.image.docker-manifest-digest.');
	}
	if (signed !== subjectDigest) {
		throw new Rejection('subject-mismatch', `The signature covers ${signed}, not ${subjectDigest}.`);
	}
}

/**
 * A DSSE payload must be an in-toto Statement whose `subject` lists the digest; returns its predicate type. Without
 * that binding a valid signature says nothing about this image.
 */
export function checkStatementSubject(payloadType: string, payload: Buffer, subjectDigest: string): string {
	if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
		throw new Rejection(
			'subject-mismatch',
			`The envelope's payload type is ${JSON.stringify(payloadType)}, not an in-toto Statement, so it names no subject.`,
		);
	}
	let statement: { _type?: unknown; predicateType?: unknown; subject?: unknown };
	try {
		statement = JSON.parse(payload.toString('utf8'));
	} catch {
		throw new Rejection('malformed', 'The envelope payload is not JSON.');
	}
	if (
		typeof statement !== 'object' ||
		statement === null ||
		!STATEMENT_TYPES.has(statement._type as string) ||
		!Array.isArray(statement.subject)
	) {
		throw new Rejection('malformed', 'The envelope payload is not an in-toto Statement (v0.1 or v1) with a subject list.');
	}
	const { algorithm, hex } = splitDigest(subjectDigest);
	const named = statement.subject.some(
		(entry: unknown) =>
			typeof entry === 'object' && entry !== null && (entry as { digest?: Record<string, unknown> }).digest?.[algorithm] === hex,
	);
	if (!named) {
		const listed = statement.subject
			.map((entry: { digest?: Record<string, unknown> }) =>
				typeof entry?.digest?.[algorithm] === 'string' ? `${algorithm}:${entry.digest[algorithm]}` : null,
			)
			.filter((digest: string | null) => digest !== null);
		throw new Rejection(
			'subject-mismatch',
			`The Statement's subject lists ${listed.join(', ') || 'no digest'}, not ${subjectDigest}.`,
		);
	}
	return typeof statement.predicateType === 'string' ? statement.predicateType : '';
}

/** A message-signature bundle attached to an image signs the manifest: its message digest must be the subject's digest. */
export function checkMessageDigest(algorithm: string, digest: Buffer, subjectDigest: string): void {
	const subject = splitDigest(subjectDigest);
	const signed = `${algorithm}:${digest.toString('hex')}`;
	if (signed !== `${subject.algorithm}:${subject.hex}`) {
		throw new Rejection('subject-mismatch', `The signature covers ${signed}, not ${subjectDigest}.`);
	}
}
