import { z } from 'zod';
import { RegistryError, type RegistryErrorContext } from '../registry/index.ts';

/** A JSON object as parsed, before its fields are read. */
export type JsonObject = Record<string, unknown>;

/**
 * A field publishers fill loosely: absent, null or of another shape reads as null, so one odd field never hides the
 * rest of a document.
 */
export function lenient<T extends z.ZodType>(schema: T) {
	return schema.nullable().catch(null);
}

/** A string that says something: empty strings read as null. */
export const lenientText = lenient(z.string().min(1));

/** The value as a JSON object, or null for arrays, primitives and null. */
export function asJsonObject(value: unknown): JsonObject | null {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** An attestation that does not follow its format; the sync reports it and still reads the others. */
export function malformedAttestation(what: string, context: RegistryErrorContext): RegistryError {
	return new RegistryError(
		'json',
		`Malformed attestation: ${what}`,
		'The attestation does not follow DSSE/in-toto; report it to the image publisher. Other attestations are still read.',
		context,
	);
}

/** Parse bytes that must hold a JSON object; `what` names the document in the error. */
export function parseJsonObject(bytes: Buffer, what: string, context: RegistryErrorContext): JsonObject {
	let parsed: JsonObject | null;
	try {
		parsed = asJsonObject(JSON.parse(bytes.toString('utf8')));
	} catch {
		parsed = null;
	}
	if (!parsed) throw malformedAttestation(`${what} is not a JSON object`, context);
	return parsed;
}
