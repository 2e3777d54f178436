import { MediaType, type RegistryErrorContext } from '../registry/index.ts';
import { asJsonObject, malformedAttestation, parseJsonObject, type JsonObject } from './json.ts';

/** Predicate types the site reads; others are listed by type only. */
export const PredicateType = {
	spdx: 'https://spdx.dev/Document',
	/** CycloneDX BOM (in-toto attestation predicate list); producers may append the spec version, e.g. …/bom/v1.5. */
	cycloneDx: 'https://cyclonedx.org/bom',
	slsaV1: 'https://slsa.dev/provenance/v1',
	slsaV02: 'https://slsa.dev/provenance/v0.2',
	apkoConfig: 'https://apko.dev/image-configuration',
} as const;

/**
 * The predicate of cosign 3's signatures: `cosign sign` with the bundle format signs an in-toto Statement with this
 * type and an empty predicate (sigstore/cosign pkg/types CosignSignPredicateType). It is a signature, not an attestation.
 */
export const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';

/** Statement `_type` URIs and the Statement version each names. */
const STATEMENT_TYPES: Record<string, Statement['version']> = {
	'https://in-toto.io/Statement/v0.1': 'v0.1',
	'https://in-toto.io/Statement/v1': 'v1',
};

/** An in-toto Statement: what it is about (subjects), the type of its predicate, and the predicate itself. */
export interface Statement {
	/** Statement version, from its `_type`. */
	version: 'v0.1' | 'v1';
	/** URI naming the predicate's format, e.g. https://spdx.dev/Document. */
	predicateType: string;
	/** The artifacts the Statement is about: a name and digests by algorithm. */
	subjects: Array<{ name: string; digest: Record<string, string> }>;
	/** The predicate as published; its format is read by the module for its predicate type. */
	predicate: unknown;
}

/** Read an in-toto Statement (v0.1 or v1) from its JSON object. */
function readStatement(statement: JsonObject, context: RegistryErrorContext): Statement {
	const version = STATEMENT_TYPES[String(statement._type)];
	if (!version) throw malformedAttestation(`unknown Statement _type ${JSON.stringify(statement._type)}`, context);
	const predicateType =
		typeof statement.predicateType === 'string' && statement.predicateType !== '' ? statement.predicateType : null;
	if (!predicateType) throw malformedAttestation('the Statement has no predicateType', context);
	const subjects = Array.isArray(statement.subject)
		? statement.subject.flatMap((subject) => {
				const entry = asJsonObject(subject);
				const digest = asJsonObject(entry?.digest);
				return entry && digest ? [{ name: String(entry.name ?? ''), digest: digest as Record<string, string> }] : [];
			})
		: [];
	return { version, predicateType, subjects, predicate: statement.predicate ?? null };
}

/** Open a DSSE envelope object and read the in-toto Statement in its payload. */
function statementFromEnvelope(envelope: JsonObject, context: RegistryErrorContext): Statement {
	if (envelope.payloadType !== MediaType.inTotoPayload)
		throw malformedAttestation(`payloadType is ${JSON.stringify(envelope.payloadType)}, not ${MediaType.inTotoPayload}`, context);
	if (typeof envelope.payload !== 'string') throw malformedAttestation('the envelope has no base64 payload', context);
	const payload = Buffer.from(envelope.payload, 'base64');
	return readStatement(parseJsonObject(payload, 'the payload (an in-toto Statement)', context), context);
}

/** Read a plain in-toto Statement, not wrapped in an envelope (BuildKit's attestation manifest layers). */
export function decodeStatement(bytes: Buffer, context: RegistryErrorContext): Statement {
	return readStatement(parseJsonObject(bytes, 'the in-toto Statement', context), context);
}

/** Whether one of the Statement's subjects names `digest` (`sha256:<hex>`), i.e. the Statement is about it. */
export function statementNames(statement: Statement, digest: string): boolean {
	const [algorithm, hex] = digest.split(':');
	return statement.subjects.some((subject) => subject.digest[algorithm]?.toLowerCase() === hex);
}

/** Decode a DSSE envelope and the in-toto Statement inside it (Statement v0.1 or v1). */
export function decodeDsseStatement(envelopeBytes: Buffer, context: RegistryErrorContext): Statement {
	return statementFromEnvelope(parseJsonObject(envelopeBytes, 'the DSSE envelope', context), context);
}

/** Open a DSSE envelope given as a parsed JSON object (as a Sigstore bundle carries it). */
export function decodeEnvelopeObject(envelope: JsonObject, context: RegistryErrorContext): Statement {
	return statementFromEnvelope(envelope, context);
}
