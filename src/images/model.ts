import { z } from 'astro/zod';

/** Version of the snapshot format; bump it when a field changes meaning or shape. */
export const IMAGE_SCHEMA_VERSION = 1;

const digest = z.string().regex(/^sha(256|512):[a-f0-9]+$/, 'must be a digest such as sha256:<64 hex digits>');
const stringMap = z.record(z.string(), z.string());

/** A derived fact: its value, the rule that produced it and what the rule saw. */
export const factSchema = z
	.object({
		/** The answer; null when the published data cannot tell (for example no SBOM). */
		value: z.boolean().nullable(),
		/** The rule in words, so a reader can check it. */
		rule: z.string(),
		/** What matched: package names, file paths or the config value. Empty when nothing did. */
		evidence: z.array(z.string()),
	})
	.strict();

/** The runtime configuration from the image config blob; null where the config does not set a field. */
export const imageConfigSchema = z
	.object({
		/** `User` as published; null (not set) means the container runs as root. */
		user: z.string().nullable(),
		entrypoint: z.array(z.string()).nullable(),
		cmd: z.array(z.string()).nullable(),
		workingDir: z.string().nullable(),
		/** `Env` in published order, split at the first "=". */
		env: z.array(z.object({ name: z.string(), value: z.string() }).strict()).nullable(),
		labels: stringMap.nullable(),
		stopSignal: z.string().nullable(),
		/** Volume paths, sorted. */
		volumes: z.array(z.string()).nullable(),
		/** Exposed ports such as `8080/tcp`, sorted; apko-built images publish none. */
		exposedPorts: z.array(z.string()).nullable(),
	})
	.strict();

/** Where a signature or attestation was found. */
export const artifactSourceSchema = z.enum(['cosign-tag', 'referrers']);

/** A cosign signature manifest or a Sigstore bundle signing this digest. */
export const signatureSchema = z
	.object({
		source: artifactSourceSchema,
		/** Digest of the signature manifest. */
		digest,
		/** Signatures it holds (cosign puts one layer per signature). */
		count: z.number().int().nonnegative(),
	})
	.strict();

/** One attestation about this digest: predicate type always, even when the client cannot read the predicate. */
export const attestationSchema = z
	.object({
		predicateType: z.string(),
		source: artifactSourceSchema,
		/** in-toto Statement version; null when the envelope was not opened (its predicate is not used at this level) or for a cosign-attached SBOM. */
		statement: z.enum(['v0.1', 'v1']).nullable(),
		/** True when the pages can show more than the type (SPDX, SLSA, apko configuration). */
		understood: z.boolean(),
	})
	.strict();

/** An OCI 1.1 referrer (artifact with `subject`) of this digest. */
export const referrerSchema = z
	.object({
		digest,
		artifactType: z.string().nullable(),
		mediaType: z.string(),
		size: z.number().int().nonnegative(),
		annotations: stringMap.nullable(),
	})
	.strict();

/** A package listed in an SPDX SBOM. */
export const packageSchema = z
	.object({
		name: z.string(),
		version: z.string().nullable(),
		/** SPDX licence expression; null when the SBOM says NOASSERTION or nothing. */
		license: z.string().nullable(),
		/** Package URL such as `pkg:apk/wolfi/glibc@2.41-r5?arch=x86_64`. */
		purl: z.string().nullable(),
	})
	.strict();

export const sbomSchema = z
	.object({
		/** e.g. SPDX-2.3. */
		format: z.string(),
		packages: z.array(packageSchema),
	})
	.strict();

export const provenanceSchema = z
	.object({
		predicateType: z.string(),
		builderId: z.string().nullable(),
		buildType: z.string().nullable(),
	})
	.strict();

/** What apko's image-configuration attestation says about how the image was assembled. */
export const imageConfigurationSchema = z
	.object({
		packages: z.array(z.string()).nullable(),
		repositories: z.array(z.string()).nullable(),
		runAs: z.string().nullable(),
		entrypoint: z.string().nullable(),
		cmd: z.string().nullable(),
		workDir: z.string().nullable(),
		archs: z.array(z.string()).nullable(),
	})
	.strict();

/** One platform of a variant: a single image manifest. */
export const platformSchema = z
	.object({
		/** `os/architecture[/variant]`, e.g. linux/arm64. */
		platform: z.string(),
		os: z.string(),
		architecture: z.string(),
		variant: z.string().nullable(),
		digest,
		mediaType: z.string(),
		/** Sum of the compressed layer sizes in bytes (what a pull downloads). */
		compressedSize: z.number().int().nonnegative(),
		layers: z.number().int().nonnegative(),
		/** `created` from the config; null when absent. */
		created: z.string().nullable(),
		config: imageConfigSchema,
		annotations: stringMap.nullable(),
		signatures: z.array(signatureSchema),
		attestations: z.array(attestationSchema),
		referrers: z.array(referrerSchema),
		/** Packages from the SPDX attestation of this platform; null when none is published. */
		sbom: sbomSchema.nullable(),
		/** SLSA provenance of this platform, else of its index; null when none is published. */
		provenance: provenanceSchema.nullable(),
		facts: z
			.object({
				hasShell: factSchema,
				hasPackageManager: factSchema,
				runsAsRoot: factSchema,
			})
			.strict(),
	})
	.strict();

/** Tags that point at the same digest, e.g. `latest` and `3.13`. */
export const variantSchema = z
	.object({
		digest,
		/** Index (multi-platform) or single manifest media type. */
		mediaType: z.string(),
		/** Sorted. */
		tags: z.array(z.string()).min(1),
		annotations: stringMap.nullable(),
		signatures: z.array(signatureSchema),
		attestations: z.array(attestationSchema),
		referrers: z.array(referrerSchema),
		provenance: provenanceSchema.nullable(),
		imageConfiguration: imageConfigurationSchema.nullable(),
		/** Sorted by platform name. */
		platforms: z.array(platformSchema).min(1),
	})
	.strict();

export const tagSchema = z
	.object({
		name: z.string(),
		digest,
		/** When the tag last moved; null unless the registry publishes tag history. */
		updatedAt: z.string().nullable(),
	})
	.strict();

/** Everything the snapshot knows about one repository. */
export const imageRepositorySchema = z
	.object({
		schemaVersion: z.literal(IMAGE_SCHEMA_VERSION),
		/** Short name, unique in the snapshot and used in URLs: `python`. */
		name: z.string(),
		/** Registry host as pulled from: `cgr.dev`. */
		registry: z.string(),
		/** Full repository path: `chainguard/python`. */
		repository: z.string(),
		/** What to pull, without tag: `cgr.dev/chainguard/python`. */
		reference: z.string(),
		/** Sorted by name. */
		tags: z.array(tagSchema),
		/** Sorted by their first tag. */
		variants: z.array(variantSchema),
	})
	.strict();

/** The metadata file of a snapshot. */
export const snapshotMetadataSchema = z
	.object({
		schemaVersion: z.literal(IMAGE_SCHEMA_VERSION),
		/** Registry host recorded in every image. */
		registry: z.string(),
		/** Namespace of the repositories, e.g. chainguard. */
		namespace: z.string(),
		/** True when the snapshot holds the project's demo images, not data from a real registry. */
		demo: z.boolean(),
		/** When the data last changed (ISO 8601); a sync that finds nothing new leaves it alone. */
		syncedAt: z.string(),
		/** Short names of the images in the snapshot, sorted. */
		repositories: z.array(z.string()),
	})
	.strict();

export type Fact = z.infer<typeof factSchema>;
export type ImageConfig = z.infer<typeof imageConfigSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type Attestation = z.infer<typeof attestationSchema>;
export type Referrer = z.infer<typeof referrerSchema>;
export type SbomPackage = z.infer<typeof packageSchema>;
export type Sbom = z.infer<typeof sbomSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type ImageConfiguration = z.infer<typeof imageConfigurationSchema>;
export type ImagePlatform = z.infer<typeof platformSchema>;
export type ImageVariant = z.infer<typeof variantSchema>;
export type ImageTag = z.infer<typeof tagSchema>;
export type ImageRepository = z.infer<typeof imageRepositorySchema>;
export type SnapshotMetadata = z.infer<typeof snapshotMetadataSchema>;

/** The variant a tag points at; null when the image has no such tag. */
export function variantForTag(image: ImageRepository, tag: string): ImageVariant | null {
	const entry = image.tags.find((candidate) => candidate.name === tag);
	return entry ? (image.variants.find((variant) => variant.digest === entry.digest) ?? null) : null;
}

/** The variant to show first: `latest` when present, else the first variant. */
export function defaultVariant(image: ImageRepository): ImageVariant | null {
	return variantForTag(image, 'latest') ?? image.variants[0] ?? null;
}
