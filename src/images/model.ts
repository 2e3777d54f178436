import { z } from 'zod';
import { signingPolicySchema, verificationOutcomeSchema } from '../attestations/verify/index.ts';

/**
 * The snapshot format: the one definition of what the sync writes to content/images/ and the pages read. It is a
 * committed file format, so every field says what it holds.
 */

/** Version of the snapshot format; bump it when a field changes meaning or shape. */
export const IMAGE_SCHEMA_VERSION = 2;

/** A content digest as the registry states it. */
const digest = z.string().regex(/^sha(256|512):[a-f0-9]+$/, 'must be a digest such as sha256:<64 hex digits>');
/** Keys and values as published (labels, annotations), keys in code-unit order. */
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
		/** `Entrypoint`: the command the container starts, one argument per item. */
		entrypoint: z.array(z.string()).nullable(),
		/** `Cmd`: the default arguments (or command, without an entrypoint). */
		cmd: z.array(z.string()).nullable(),
		/** `WorkingDir`; an empty string is recorded as null. */
		workingDir: z.string().nullable(),
		/** `Env` in published order, split at the first "=". */
		env: z
			.array(
				z
					.object({
						/** Variable name, before the first "=". */
						name: z.string(),
						/** Value after the first "="; empty when the entry has none. */
						value: z.string(),
					})
					.strict(),
			)
			.nullable(),
		/** `Labels`, keys sorted. */
		labels: stringMap.nullable(),
		/** `StopSignal`, e.g. SIGQUIT. */
		stopSignal: z.string().nullable(),
		/** Volume paths, sorted. */
		volumes: z.array(z.string()).nullable(),
		/** Exposed ports such as `8080/tcp`, sorted; apko-built images publish none. */
		exposedPorts: z.array(z.string()).nullable(),
	})
	.strict();

/**
 * What the sync's offline signature verification concluded (src/attestations/verify): `verified`, `failed` with its
 * reason, `unsigned` or `not-checked`, and for a signature that chained to the trust root the identity, issuer,
 * transparency-log entry and trust root.
 */
export const verificationSchema = verificationOutcomeSchema;

/**
 * Cache key of a verification's inputs (signed layers, subject digest, trust root, policy, verifier version). A later
 * sync that meets the same key reuses the recorded outcome without fetching a blob or doing any cryptography; null
 * when nothing was checked.
 */
const verificationKey = z
	.string()
	.regex(/^sha256:[a-f0-9]{64}$/)
	.nullable();

/**
 * Where a signature or attestation was found: cosign's tag layout (`.sig`, `.att`, `.sbom`), an OCI 1.1 referrer, or
 * a BuildKit attestation manifest inside the image index (unsigned in-toto Statements, one manifest per platform).
 */
export const artifactSourceSchema = z.enum(['cosign-tag', 'referrers', 'attestation-manifest']);

/**
 * What a piece of evidence (SBOM, provenance) is attached to: the platform's own image manifest, or the variant's
 * image index, in which case it applies to every platform of the variant.
 */
export const attachedToSchema = z.enum(['manifest', 'index']);

/** A cosign signature manifest or a Sigstore bundle signing this digest. */
export const signatureSchema = z
	.object({
		/** Found through cosign's `.sig` tag or as an OCI 1.1 referrer. */
		source: artifactSourceSchema,
		/** Digest of the signature manifest. */
		digest,
		/** Signatures it holds (cosign puts one layer per signature). */
		count: z.number().int().nonnegative(),
		/** Its signatures verified: verified when any one verifies (as `cosign verify` accepts any), else the first failure. */
		verification: verificationSchema,
		/** Cache key of `verification`. */
		verificationKey,
	})
	.strict();

/** One attestation about this digest: predicate type always, even when the client cannot read the predicate. */
export const attestationSchema = z
	.object({
		/** URI naming the predicate's format, e.g. https://spdx.dev/Document. */
		predicateType: z.string(),
		/** Found through cosign's `.att` or `.sbom` tag, as an OCI 1.1 referrer, or in a BuildKit attestation manifest. */
		source: artifactSourceSchema,
		/** in-toto Statement version; null when the envelope was not opened (its predicate is not used at this level) or for a cosign-attached SBOM. */
		statement: z.enum(['v0.1', 'v1']).nullable(),
		/**
		 * True when the pages can show more than the type (SPDX 2, CycloneDX JSON, SLSA, apko configuration); false for
		 * other formats, which are listed by type only (an SPDX 3 document, a CycloneDX XML or tag-value SBOM).
		 */
		understood: z.boolean(),
		/** Its signature verified; `unsigned` for Statements stored without one (BuildKit attestation manifests). */
		verification: verificationSchema,
		/** Cache key of `verification`. */
		verificationKey,
	})
	.strict();

/** An OCI 1.1 referrer (artifact with `subject`) of this digest. */
export const referrerSchema = z
	.object({
		/** Digest of the referrer manifest. */
		digest,
		/** What the artifact is (e.g. a Sigstore bundle); null when the descriptor does not say. */
		artifactType: z.string().nullable(),
		/** Media type of the referrer manifest. */
		mediaType: z.string(),
		/** Size of the referrer manifest in bytes. */
		size: z.number().int().nonnegative(),
		/** Annotations of the descriptor, keys sorted; null when it has none. */
		annotations: stringMap.nullable(),
	})
	.strict();

/** A package listed in an SPDX SBOM. */
export const packageSchema = z
	.object({
		/** Package name as the SBOM states it. */
		name: z.string(),
		/** Version as the SBOM states it; null when it states none. */
		version: z.string().nullable(),
		/**
		 * SPDX licence expression; null when the SBOM says NOASSERTION or nothing. A CycloneDX component listing several
		 * licences (without saying how they combine) has them joined by ", ".
		 */
		license: z.string().nullable(),
		/** Package URL such as `pkg:apk/wolfi/glibc@2.41-r5?arch=x86_64`. */
		purl: z.string().nullable(),
	})
	.strict();

/** The packages an SBOM lists, without the image itself and its operating system entry. */
export const sbomSchema = z
	.object({
		/** Format and version of the SBOM, e.g. SPDX-2.3 or CycloneDX 1.5. */
		format: z.string(),
		/** Where the SBOM was found. */
		source: artifactSourceSchema,
		/** The platform's own manifest, or the variant's index (then it stands for every platform of the variant). */
		attachedTo: attachedToSchema,
		/** Sorted by name, then version, then package URL. */
		packages: z.array(packageSchema),
	})
	.strict();

/** What SLSA provenance says about the build. */
export const provenanceSchema = z
	.object({
		/** The SLSA version, as its predicate type (https://slsa.dev/provenance/v1 or …/v0.2). */
		predicateType: z.string(),
		/** URI of the build platform that ran the build; null when not stated. */
		builderId: z.string().nullable(),
		/** URI of the build template the build followed; null when not stated. */
		buildType: z.string().nullable(),
		/** Where the provenance was found. */
		source: artifactSourceSchema,
		/** The platform's own manifest, or the variant's index (then it stands for every platform of the variant). */
		attachedTo: attachedToSchema,
	})
	.strict();

/** What apko's image-configuration attestation says about how the image was assembled. */
export const imageConfigurationSchema = z
	.object({
		/** Packages apko installed, as written in the configuration (pinned `name=version` when locked). */
		packages: z.array(z.string()).nullable(),
		/** APK repositories the packages came from. */
		repositories: z.array(z.string()).nullable(),
		/** `accounts.run-as`: the user the container starts as. */
		runAs: z.string().nullable(),
		/** `entrypoint.command`, else `entrypoint.shell-fragment`. */
		entrypoint: z.string().nullable(),
		/** `cmd`: the default arguments. */
		cmd: z.string().nullable(),
		/** `work-dir`. */
		workDir: z.string().nullable(),
		/** Architectures in apko's names (x86_64, aarch64). */
		archs: z.array(z.string()).nullable(),
	})
	.strict();

/** One platform of a variant: a single image manifest. */
export const imagePlatformSchema = z
	.object({
		/** `os/architecture[/variant]`, e.g. linux/arm64. */
		platform: z.string(),
		/** Operating system, from the index entry, else the config. */
		os: z.string(),
		/** CPU architecture in OCI names (amd64, arm64), from the index entry, else the config. */
		architecture: z.string(),
		/** CPU variant such as v8; null when not stated. */
		variant: z.string().nullable(),
		/** Digest of this platform's image manifest. */
		digest,
		/** Media type of the image manifest (OCI or Docker). */
		mediaType: z.string(),
		/** Sum of the compressed layer sizes in bytes (what a pull downloads). */
		compressedSize: z.number().int().nonnegative(),
		/** Number of layers. */
		layers: z.number().int().nonnegative(),
		/** `created` from the config; null when absent. */
		created: z.string().nullable(),
		/** The runtime configuration. */
		config: imageConfigSchema,
		/** Annotations of the image manifest, keys sorted; null when it has none. */
		annotations: stringMap.nullable(),
		/** Signatures of this platform's digest. */
		signatures: z.array(signatureSchema),
		/** The platform digest's own signatures and signed attestations, verified as one: see the variant's `verification`. */
		verification: verificationSchema,
		/** Attestations about this platform's digest, sorted by predicate type, then source. */
		attestations: z.array(attestationSchema),
		/** OCI 1.1 referrers of this platform's digest, sorted by digest. */
		referrers: z.array(referrerSchema),
		/**
		 * Packages from the SBOM of this platform (SPDX 2 or CycloneDX JSON), else from an SBOM of its index that lists
		 * packages; null when none is published.
		 */
		sbom: sbomSchema.nullable(),
		/** SLSA provenance of this platform, else of its index; null when none is published. */
		provenance: provenanceSchema.nullable(),
		/** Facts derived from the SBOM and the config, each with its rule and evidence. */
		facts: z
			.object({
				/** Whether the image has a shell. */
				hasShell: factSchema,
				/** Whether the image ships a package manager (apk). */
				hasPackageManager: factSchema,
				/** Whether the container starts as root. */
				runsAsRoot: factSchema,
			})
			.strict(),
	})
	.strict();

/** Tags that point at the same digest, e.g. `latest` and `3.13`. */
export const variantSchema = z
	.object({
		/** Digest of the index (multi-platform) or of the single manifest the tags point at. */
		digest,
		/** Index (multi-platform) or single manifest media type. */
		mediaType: z.string(),
		/** Sorted. */
		tags: z.array(z.string()).min(1),
		/** Annotations of the index (or single manifest), keys sorted; null when it has none. */
		annotations: stringMap.nullable(),
		/** Signatures of the variant's digest. */
		signatures: z.array(signatureSchema),
		/**
		 * The variant digest's signatures and signed attestations, verified as one: `verified` when any one verifies by
		 * the registry's policy (what was verified is in `format` and `predicateType`), else the first failure, else
		 * `not-checked`, else `unsigned`. The pages' "Verified" badge shows only from `verified` here.
		 */
		verification: verificationSchema,
		/** Attestations about the variant's digest, sorted by predicate type, then source. */
		attestations: z.array(attestationSchema),
		/** OCI 1.1 referrers of the variant's digest, sorted by digest. */
		referrers: z.array(referrerSchema),
		/** SLSA provenance attested for the variant's digest; null when none is published. */
		provenance: provenanceSchema.nullable(),
		/** apko's image configuration attested for the variant's digest; null when none is published. */
		imageConfiguration: imageConfigurationSchema.nullable(),
		/** Sorted by platform name. */
		platforms: z.array(imagePlatformSchema).min(1),
	})
	.strict();

/** One tag and the digest it points at. */
export const tagSchema = z
	.object({
		/** The tag, e.g. latest-dev. */
		name: z.string(),
		/** Digest of the variant the tag points at. */
		digest,
		/**
		 * When the tag last moved, as its source states it (RFC 3339); null when nothing states a time. Only the
		 * registry's tag history knows when the tag moved; the image's own dates say when it was built.
		 */
		updatedAt: z.string().nullable(),
		/**
		 * Where `updatedAt` comes from: `tag-history` (the registry's record of the tag, e.g. Chainguard's tag history
		 * API), `annotation` (the image's org.opencontainers.image.created annotation) or `config` (the image config's
		 * `created`, the latest of its platforms); null when there is no time.
		 */
		updatedAtSource: z.enum(['tag-history', 'annotation', 'config']).nullable(),
	})
	.strict();

/** The policy and trust root an image's signatures were checked against at sync, so the pages can say what was checked. */
export const signingRecordSchema = z
	.object({
		/** Expected certificate identity and OIDC issuer, exactly or as a pattern: the values the pages' cosign commands use. */
		policy: signingPolicySchema,
		/** The trusted root the signatures had to chain to. */
		trustRoot: z
			.object({
				/** `sha256:` digest of the canonical JSON of the trusted root. */
				id: z.string(),
				/** Its name, e.g. `sigstore-public-good` or `demo`. */
				name: z.string(),
			})
			.strict(),
		/**
		 * Key of the whole verifier configuration (logic version, trust root, policy). A sync under another key checks the
		 * image again even when none of its tags moved.
		 */
		verifierKey: z.string(),
	})
	.strict();

/** Everything the snapshot knows about one repository. */
export const imageRepositorySchema = z
	.object({
		/** Version of the snapshot format the file was written in. */
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
		/** What its signatures were checked against; null when no signing policy is configured for the registry. */
		signing: signingRecordSchema.nullable(),
	})
	.strict();

/** The metadata file of a snapshot. */
export const snapshotMetadataSchema = z
	.object({
		/** Version of the snapshot format the file was written in. */
		schemaVersion: z.literal(IMAGE_SCHEMA_VERSION),
		/** Registry host recorded in every image. */
		registry: z.string(),
		/** Namespace of the repositories, e.g. chainguard. */
		namespace: z.string(),
		/** True when the snapshot holds the project's demo images, not data from a real registry. */
		demo: z.boolean(),
		/** For demo data: the public images the demo images are shaped after; null for data from a real registry. */
		standsFor: z
			.object({
				/** `registry/namespace` of the public images, e.g. `cgr.dev/chainguard`: the tag-based commands on demo pages use it. */
				namespace: z.string(),
				/** Demo images that have a public counterpart there, sorted; the others exist only as demo images. */
				repositories: z.array(z.string()),
				/** How that registry signs: the identity and issuer the cosign commands for a public image check; null when unknown. */
				signing: signingPolicySchema.nullable(),
			})
			.strict()
			.nullable(),
		/** When the data last changed (ISO 8601); a sync that finds nothing new leaves it alone. */
		syncedAt: z.string(),
		/** Short names of the images in the snapshot, sorted. */
		repositories: z.array(z.string()),
	})
	.strict();

export type Fact = z.infer<typeof factSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type SigningRecord = z.infer<typeof signingRecordSchema>;
export type ArtifactSource = z.infer<typeof artifactSourceSchema>;
export type AttachedTo = z.infer<typeof attachedToSchema>;
export type ImageConfig = z.infer<typeof imageConfigSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type Attestation = z.infer<typeof attestationSchema>;
export type Referrer = z.infer<typeof referrerSchema>;
export type SbomPackage = z.infer<typeof packageSchema>;
export type Sbom = z.infer<typeof sbomSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type ImageConfiguration = z.infer<typeof imageConfigurationSchema>;
export type ImagePlatform = z.infer<typeof imagePlatformSchema>;
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
