import { z } from 'zod';
import type { RegistryErrorContext } from '../registry/index.ts';
import { lenient, lenientText, malformedAttestation } from './json.ts';

/** One package of an SPDX 2.3 JSON document, with the fields the site reads (SPDX 2.3, clause 7). */
export const spdxPackageSchema = z.looseObject({
	/** Package name (7.1); the one field the site requires. */
	name: z.string(),
	/** Version as the supplier states it (7.3). */
	versionInfo: lenientText,
	/** Licence the supplier declared (7.15): an SPDX expression, NOASSERTION or NONE. */
	licenseDeclared: lenientText,
	/** Licence the SBOM author concluded (7.13), same vocabulary. */
	licenseConcluded: lenientText,
	/** What the package is (7.24): CONTAINER, OPERATING-SYSTEM, LIBRARY, APPLICATION… */
	primaryPackagePurpose: lenientText,
	/** External references (7.21); a `purl` reference carries the package URL in `referenceLocator`. */
	externalRefs: lenient(
		z.array(
			lenient(
				z.looseObject({
					referenceType: z.unknown(),
					referenceLocator: lenientText,
				}),
			),
		),
	),
});

/** The top of an SPDX 2.3 JSON document: its version and its packages, read one by one. */
const spdxDocumentSchema = z.looseObject({
	/** e.g. SPDX-2.3 (6.1). */
	spdxVersion: z.string(),
	packages: z.array(z.unknown()),
});

export type SpdxPackage = z.infer<typeof spdxPackageSchema>;

/** An SPDX document as the site reads it. */
export interface SpdxDocument {
	spdxVersion: string;
	packages: SpdxPackage[];
}

/** Read an SPDX 2.3 JSON document; a document without version or packages, or a package without a name, is an error. */
export function parseSpdxDocument(predicate: unknown, context: RegistryErrorContext): SpdxDocument {
	const document = spdxDocumentSchema.safeParse(predicate);
	if (!document.success) throw malformedAttestation('the SPDX predicate has no spdxVersion or packages', context);
	const packages = document.data.packages.map((item) => {
		const pkg = spdxPackageSchema.safeParse(item);
		if (!pkg.success) throw malformedAttestation('an SPDX package has no name', context);
		return pkg.data;
	});
	return { spdxVersion: document.data.spdxVersion, packages };
}
