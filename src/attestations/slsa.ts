import { z } from 'zod';
import { lenient, lenientText } from './json.ts';
import { PredicateType } from './in-toto.ts';

/** The builder entry both SLSA versions share: who ran the build. */
const builderSchema = lenient(
	z.looseObject({
		/** URI of the build platform. */
		id: lenientText,
	}),
);

/** SLSA provenance v1 (https://slsa.dev/spec/v1.0/provenance), the fields the site reads. */
const slsaV1Schema = z.looseObject({
	buildDefinition: lenient(
		z.looseObject({
			/** URI of the template the build follows. */
			buildType: lenientText,
		}),
	),
	runDetails: lenient(z.looseObject({ builder: builderSchema })),
});

/** SLSA provenance v0.2 (https://slsa.dev/spec/v0.2/provenance), the fields the site reads. */
const slsaV02Schema = z.looseObject({
	builder: builderSchema,
	/** URI of the template the build follows. */
	buildType: lenientText,
});

/** A SLSA provenance predicate of either version, tagged with its predicate type. */
export type SlsaProvenance =
	| { predicateType: typeof PredicateType.slsaV1; predicate: z.infer<typeof slsaV1Schema> }
	| { predicateType: typeof PredicateType.slsaV02; predicate: z.infer<typeof slsaV02Schema> };

/** Read SLSA provenance of either version; fields of another shape, or a predicate that is no object, read as null. */
export function parseSlsaProvenance(predicateType: SlsaProvenance['predicateType'], predicate: unknown): SlsaProvenance {
	if (predicateType === PredicateType.slsaV1) {
		const parsed = slsaV1Schema.safeParse(predicate);
		return { predicateType, predicate: parsed.success ? parsed.data : slsaV1Schema.parse({}) };
	}
	const parsed = slsaV02Schema.safeParse(predicate);
	return { predicateType, predicate: parsed.success ? parsed.data : slsaV02Schema.parse({}) };
}
