import type { RegistryErrorContext } from '../registry/index.ts';
import { isCycloneDxDocument, parseCycloneDxDocument, type CycloneDxDocument } from './cyclonedx.ts';
import { PredicateType } from './in-toto.ts';
import { asJsonObject } from './json.ts';
import { parseSpdxDocument, type SpdxDocument } from './spdx.ts';

/** An SBOM as found: read (SPDX 2.x or CycloneDX JSON), or in another format, which is named and listed but not read. */
export type SbomDocument =
	| { kind: 'spdx'; document: SpdxDocument }
	| { kind: 'cyclonedx'; document: CycloneDxDocument }
	| { kind: 'other'; format: string };

/**
 * Media types of SBOMs cosign attaches as `.sbom` tag layers (cosign attach sbom --type): the SBOM itself, no Statement.
 * Each maps to the predicate type it is listed under, and to the format name when the site does not read it.
 */
export const ATTACHED_SBOM_MEDIA_TYPES: Readonly<Record<string, { predicateType: string; unread: string | null }>> = {
	'text/spdx+json': { predicateType: PredicateType.spdx, unread: null },
	'application/spdx+json': { predicateType: PredicateType.spdx, unread: null },
	'application/vnd.cyclonedx+json': { predicateType: PredicateType.cycloneDx, unread: null },
	'text/spdx': { predicateType: PredicateType.spdx, unread: 'SPDX tag-value' },
	'application/vnd.cyclonedx+xml': { predicateType: PredicateType.cycloneDx, unread: 'CycloneDX XML' },
	'application/vnd.syft+json': { predicateType: 'application/vnd.syft+json', unread: 'Syft JSON' },
};

/** `base`, or `base` with a version suffix (`https://spdx.dev/Document/v2.3`, `https://cyclonedx.org/bom/v1.5`). */
function isVersionOf(predicateType: string, base: string): boolean {
	return predicateType === base || predicateType.startsWith(`${base}/`);
}

/**
 * True for predicate types of SPDX: the in-toto predicate type, or with the SPDX version appended as actions/attest
 * writes it (`https://spdx.dev/Document/v2.3`, actions/attest src/sbom.ts).
 */
export function isSpdxPredicateType(predicateType: string): boolean {
	return isVersionOf(predicateType, PredicateType.spdx);
}

/** True for predicate types that carry an SBOM: SPDX or CycloneDX, with or without a version suffix. */
export function isSbomPredicateType(predicateType: string): boolean {
	return isSpdxPredicateType(predicateType) || isVersionOf(predicateType, PredicateType.cycloneDx);
}

/** SPDX 3 serializes as JSON-LD: a `@context` on spdx.org/rdf/3… instead of an `spdxVersion`. */
function isSpdx3(document: unknown): boolean {
	const context = asJsonObject(document)?.['@context'];
	return (Array.isArray(context) ? context : [context]).some(
		(entry) => typeof entry === 'string' && entry.includes('spdx.org/rdf/3'),
	);
}

/**
 * Read the SBOM predicate of an attestation (or an attached SBOM document): SPDX 2.x JSON and CycloneDX JSON are read;
 * SPDX 3 is recognized and named. A document that claims SPDX 2 or CycloneDX and breaks its format is an error.
 */
export function readSbom(predicateType: string, document: unknown, context: RegistryErrorContext): SbomDocument {
	if (isSpdxPredicateType(predicateType)) {
		if (isSpdx3(document)) return { kind: 'other', format: 'SPDX 3' };
		return { kind: 'spdx', document: parseSpdxDocument(document, context) };
	}
	if (isCycloneDxDocument(document) || isSbomPredicateType(predicateType)) {
		return { kind: 'cyclonedx', document: parseCycloneDxDocument(document, context) };
	}
	return { kind: 'other', format: predicateType };
}
