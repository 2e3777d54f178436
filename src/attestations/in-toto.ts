import { MediaType, type RegistryErrorContext } from '../registry/index.ts';
import { asJsonObject, malformedAttestation, parseJsonObject, type JsonObject } from './json.ts';

/** Predicate types the site reads; others are listed by type only. */
export const PredicateType = {
	spdx: 'https://spdx.dev/Document',
	slsaV1: 'https://slsa.dev/provenance/v1',
	slsaV02: 'https://slsa.dev/provenance/v0.2',
	apkoConfig: 'https://apko.dev/image-configuration',
} as const;

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

/** Decode a DSSE envelope and the in-toto Statement inside it (Statement v0.1 or v1). */
export function decodeDsseStatement(envelopeBytes: Buffer, context: RegistryErrorContext): Statement {
	return statementFromEnvelope(parseJsonObject(envelopeBytes, 'the DSSE envelope', context), context);
}

/** The Statement inside a Sigstore bundle (v0.3) that carries a DSSE envelope; null for message signatures. */
export function decodeBundleStatement(bundleBytes: Buffer, context: RegistryErrorContext): Statement | null {
	const bundle = parseJsonObject(bundleBytes, 'the Sigstore bundle', context);
	const envelope = asJsonObject(bundle.dsseEnvelope);
	return envelope ? statementFromEnvelope(envelope, context) : null;
}
