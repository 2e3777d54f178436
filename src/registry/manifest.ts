import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RegistryError, type RegistryErrorContext } from './errors.ts';

/** Media types the client reads. */
export const MediaType = {
	ociIndex: 'application/vnd.oci.image.index.v1+json',
	ociManifest: 'application/vnd.oci.image.manifest.v1+json',
	ociConfig: 'application/vnd.oci.image.config.v1+json',
	ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
	ociEmpty: 'application/vnd.oci.empty.v1+json',
	dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
	dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
	dockerConfig: 'application/vnd.docker.container.image.v1+json',
	dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
	dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
	inTotoPayload: 'application/vnd.in-toto+json',
	cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
	sigstoreBundle: 'application/vnd.dev.sigstore.bundle.v0.3+json',
} as const;

/** Sent on every manifest request: leaving a type out makes some registries answer 404 or substitute a child manifest. */
export const MANIFEST_ACCEPT = [MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerList, MediaType.dockerManifest].join(
	', ',
);

const INDEX_TYPES: readonly string[] = [MediaType.ociIndex, MediaType.dockerList];
const MANIFEST_TYPES: readonly string[] = [MediaType.ociManifest, MediaType.dockerManifest];

/** Largest manifest the client accepts (the distribution spec's suggested limit). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** The `platform` of an index entry (OCI image index spec). */
const ociPlatformSchema = z.looseObject({
	architecture: z.string(),
	os: z.string(),
	variant: z.string().optional(),
	'os.version': z.string().optional(),
});

const descriptorSchema = z.looseObject({
	mediaType: z.string(),
	digest: z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/, 'not a digest'),
	size: z.number().int().nonnegative(),
	annotations: z.record(z.string(), z.string()).optional(),
	artifactType: z.string().optional(),
	platform: ociPlatformSchema.optional(),
});

const indexSchema = z.looseObject({
	schemaVersion: z.literal(2),
	mediaType: z.string().optional(),
	artifactType: z.string().optional(),
	manifests: z.array(descriptorSchema),
	annotations: z.record(z.string(), z.string()).optional(),
	subject: descriptorSchema.optional(),
});

const imageManifestSchema = z.looseObject({
	schemaVersion: z.literal(2),
	mediaType: z.string().optional(),
	artifactType: z.string().optional(),
	config: descriptorSchema,
	layers: z.array(descriptorSchema),
	annotations: z.record(z.string(), z.string()).optional(),
	subject: descriptorSchema.optional(),
});

export type Descriptor = z.infer<typeof descriptorSchema>;
export type Platform = z.infer<typeof ociPlatformSchema>;
export type ImageIndex = z.infer<typeof indexSchema>;
export type ImageManifest = z.infer<typeof imageManifestSchema>;

/** A manifest as fetched: exact bytes, verified digest, and the parsed document. */
export type FetchedManifest =
	| { kind: 'index'; digest: string; mediaType: string; bytes: Buffer; index: ImageIndex }
	| { kind: 'manifest'; digest: string; mediaType: string; bytes: Buffer; manifest: ImageManifest };

/** `sha256:<hex>` (or sha512) of exactly these bytes. */
export function computeDigest(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
	return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Throw a digest error unless `bytes` hash to `expected`. */
export function verifyDigest(bytes: Uint8Array, expected: string, context: RegistryErrorContext): void {
	const algorithm = expected.startsWith('sha512:') ? 'sha512' : 'sha256';
	const actual = computeDigest(bytes, algorithm);
	if (actual !== expected) {
		throw new RegistryError(
			'digest',
			`Content digest mismatch: expected ${expected}, got ${actual}`,
			'The content was altered or corrupted in transit; retry, and report it to the registry operator if it persists.',
			context,
		);
	}
}

/** Parse JSON bytes, naming what was expected on failure. */
export function parseJson(bytes: Buffer, what: string, context: RegistryErrorContext): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch (cause) {
		throw new RegistryError(
			'json',
			`The ${what} is not valid JSON`,
			'The registry returned a damaged document; retry, or report it to the registry operator.',
			{ ...context, cause },
		);
	}
}

function schemaError(what: string, error: z.ZodError, context: RegistryErrorContext): RegistryError {
	const issue = error.issues[0];
	const field = issue.path.join('.') || '(document)';
	return new RegistryError(
		'json',
		`The ${what} is malformed: field "${field}": ${issue.message}`,
		'The registry returned a document that does not follow the OCI image spec; report it to the image publisher.',
		context,
	);
}

/** Decide the manifest type from Content-Type and the body's own mediaType, and check that they agree. */
function manifestMediaType(contentType: string | null, bodyType: unknown, context: RegistryErrorContext): string {
	const header = contentType?.split(';')[0].trim().toLowerCase() ?? '';
	const known = (type: string) => INDEX_TYPES.includes(type) || MANIFEST_TYPES.includes(type);
	const generic =
		header === '' || header === 'application/json' || header === 'application/octet-stream' || header === 'text/plain';
	if (known(header)) {
		if (typeof bodyType === 'string' && bodyType !== header) {
			throw new RegistryError(
				'media-type',
				`Content-Type ${header} disagrees with the manifest's mediaType ${bodyType}`,
				'The registry serves the manifest with the wrong type; report it to the registry operator.',
				context,
			);
		}
		return header;
	}
	if (generic && typeof bodyType === 'string' && known(bodyType)) return bodyType;
	throw new RegistryError(
		'media-type',
		`Unsupported manifest media type "${header || String(bodyType)}"`,
		'Only OCI image indexes and manifests and Docker v2 manifests and lists are read; Docker schema 1 images must be re-pushed with a current client.',
		context,
	);
}

/** Parse and validate manifest bytes into an index or an image manifest. */
export function parseManifest(
	bytes: Buffer,
	digest: string,
	contentType: string | null,
	context: RegistryErrorContext,
): FetchedManifest {
	const json = parseJson(bytes, 'manifest', context) as { mediaType?: unknown; manifests?: unknown };
	if (typeof json !== 'object' || json === null)
		throw new RegistryError(
			'json',
			'The manifest is not a JSON object',
			'Check the reference; the registry returned something else.',
			context,
		);
	const mediaType = manifestMediaType(contentType, json.mediaType, context);
	if (INDEX_TYPES.includes(mediaType)) {
		const parsed = indexSchema.safeParse(json);
		if (!parsed.success) throw schemaError('image index', parsed.error, context);
		return { kind: 'index', digest, mediaType, bytes, index: parsed.data };
	}
	const parsed = imageManifestSchema.safeParse(json);
	if (!parsed.success) throw schemaError('image manifest', parsed.error, context);
	return { kind: 'manifest', digest, mediaType, bytes, manifest: parsed.data };
}

/** Parse a referrers response (always an OCI index). */
export function parseIndex(bytes: Buffer, context: RegistryErrorContext): ImageIndex {
	const parsed = indexSchema.safeParse(parseJson(bytes, 'referrers index', context));
	if (!parsed.success) throw schemaError('referrers index', parsed.error, context);
	return parsed.data;
}

/** `linux/arm64/v8`-style name of a platform. */
export function platformName(platform: Platform): string {
	return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
