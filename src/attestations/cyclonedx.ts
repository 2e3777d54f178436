import { z } from 'zod';
import type { RegistryErrorContext } from '../registry/index.ts';
import { lenient, lenientText, malformedAttestation } from './json.ts';

/** One entry of a component's `licenses` (CycloneDX 1.4–1.6): a licence by SPDX id or name, or an SPDX expression. */
const licenseChoiceSchema = lenient(
	z.looseObject({
		license: lenient(
			z.looseObject({
				/** SPDX licence id. */
				id: lenientText,
				/** Name of a licence that has no SPDX id. */
				name: lenientText,
			}),
		),
		/** An SPDX licence expression, in place of `license`. */
		expression: lenientText,
	}),
);

/** A CycloneDX component, the fields the site reads; `components` nests sub-components. */
export interface CycloneDxComponent {
	/** application, library, framework, container, operating-system, file… */
	type: string | null;
	name: string;
	version: string | null;
	/** Package URL. */
	purl: string | null;
	/** SPDX ids or expressions, else licence names, in published order. */
	licenses: string[];
}

const componentSchema = z.looseObject({
	type: lenientText,
	/** The one field the site requires. */
	name: z.string(),
	version: lenientText,
	purl: lenientText,
	licenses: lenient(z.array(licenseChoiceSchema)),
	components: lenient(z.array(z.unknown())),
});

/** The top of a CycloneDX JSON BOM. */
const bomSchema = z.looseObject({
	/** Always "CycloneDX". */
	bomFormat: z.literal('CycloneDX'),
	/** Spec version, e.g. 1.5. */
	specVersion: z.string(),
	components: lenient(z.array(z.unknown())),
});

/** A CycloneDX BOM as the site reads it: its spec version and every component, nested ones flattened. */
export interface CycloneDxDocument {
	specVersion: string;
	components: CycloneDxComponent[];
}

/** True when `document` says it is a CycloneDX BOM (its `bomFormat`). */
export function isCycloneDxDocument(document: unknown): boolean {
	return typeof document === 'object' && document !== null && (document as { bomFormat?: unknown }).bomFormat === 'CycloneDX';
}

/** Read a CycloneDX JSON BOM; a component without a name is an error, other fields of another shape read as null. */
export function parseCycloneDxDocument(document: unknown, context: RegistryErrorContext): CycloneDxDocument {
	const bom = bomSchema.safeParse(document);
	if (!bom.success) throw malformedAttestation('the CycloneDX BOM has no bomFormat "CycloneDX" or no specVersion', context);
	const components: CycloneDxComponent[] = [];
	// Iterative, so that a deeply nested BOM cannot exhaust the stack.
	const pending = [...(bom.data.components ?? [])];
	while (pending.length > 0) {
		const parsed = componentSchema.safeParse(pending.shift());
		if (!parsed.success) throw malformedAttestation('a CycloneDX component has no name', context);
		const { type, name, version, purl, licenses } = parsed.data;
		components.push({
			type,
			name,
			version,
			purl,
			licenses: (licenses ?? []).flatMap((choice) => {
				const value = choice?.expression ?? choice?.license?.id ?? choice?.license?.name;
				return value ? [value] : [];
			}),
		});
		pending.push(...(parsed.data.components ?? []));
	}
	return { specVersion: bom.data.specVersion, components };
}
