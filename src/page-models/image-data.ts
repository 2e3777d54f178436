import { z } from 'zod';
import type { ImageSourceData } from '../data/image-catalog.ts';
import { imageRepositorySchema, snapshotMetadataSchema, variantSchema, type ImageRepository } from '../images/model.ts';
import { orderedVariants, packageIndex } from '../images/queries.ts';
import { AcademyError } from '../lib/errors.ts';
import { imagePath } from '../lib/routes.ts';

/**
 * The JSON files under /images/ (`<name>.json`, `index.json`, `packages.json`): the image data the pages show, for
 * scripts. Each document is the image model of src/images/model.ts (or a part of it) inside a small envelope that
 * says which format version it is and where the data comes from; nothing here restates the model's fields.
 */

/** Version of the JSON files' format: bump it when a field of the envelope or of the model changes meaning or shape. */
export const IMAGE_DATA_VERSION = 1;

/** Where the data comes from, the same for every file of one build. */
export const imageDataSourceSchema = snapshotMetadataSchema
	.pick({ registry: true, namespace: true, demo: true, syncedAt: true })
	.extend({
		/** `snapshot`: the committed files in content/images/; `live`: read from the registry during the build. */
		mode: z.enum(['snapshot', 'live']),
	})
	.strict();

/** The fields every file starts with. */
const envelope = {
	/** Version of this format, IMAGE_DATA_VERSION. */
	schemaVersion: z.literal(IMAGE_DATA_VERSION),
	/** Where the data comes from; `demo: true` marks the project's demo images, not a real registry. */
	source: imageDataSourceSchema,
};

/** `/images/<name>.json`: one image, everything its page shows. */
export const imageDocumentSchema = z
	.object({
		...envelope,
		/** Absolute URL of the image's page. */
		page: z.string(),
		/** The image in the snapshot format; `image.schemaVersion` is that format's own version. */
		image: imageRepositorySchema,
	})
	.strict();

/** One image in the catalog: who it is, its tags, and each variant's digest and platforms. */
export const catalogImageSchema = imageRepositorySchema
	.pick({ name: true, registry: true, repository: true, reference: true, tags: true })
	.extend({
		/** Absolute URL of the image's page. */
		page: z.string(),
		/** Absolute URL of the image's own JSON file, with every field. */
		data: z.string(),
		/** The variants in the order the page shows them (`latest` first). */
		variants: z.array(
			variantSchema
				.pick({ digest: true, tags: true })
				.extend({
					/** Platforms of the variant, e.g. `linux/amd64`. */
					platforms: z.array(z.string()),
				})
				.strict(),
		),
	})
	.strict();

/** `/images/index.json`: every image of the catalog, sorted by name. */
export const catalogDocumentSchema = z.object({ ...envelope, images: z.array(catalogImageSchema) }).strict();

/** `/images/packages.json`: every package the SBOMs list, with the images that ship it (the package index page). */
export const packagesDocumentSchema = z
	.object({
		...envelope,
		/** Sorted by name, in code-unit order. */
		packages: z.array(
			z
				.object({
					/** Package name as the SBOMs state it. */
					name: z.string(),
					/** Images that ship the package, sorted by name. */
					images: z.array(
						z
							.object({
								/** The image's short name. */
								name: z.string(),
								/** Variants that ship it, by their first tag (`latest`, `latest-dev`). */
								variants: z.array(z.string()),
								/** Versions the SBOMs state, sorted; empty when none states one. */
								versions: z.array(z.string()),
								/** Absolute URL of the image's JSON file. */
								data: z.string(),
							})
							.strict(),
					),
				})
				.strict(),
		),
	})
	.strict();

export type ImageDocument = z.infer<typeof imageDocumentSchema>;
export type CatalogDocument = z.infer<typeof catalogDocumentSchema>;
export type PackagesDocument = z.infer<typeof packagesDocumentSchema>;

/** Image names that would take the URL of a catalog-wide file. */
const RESERVED_NAMES = new Set(['index', 'packages']);

/** URL path of an image's JSON file: `/images/<name>.json`, next to its page `/images/<name>/`. */
export function imageDataPath(name: string): string {
	if (RESERVED_NAMES.has(name)) {
		throw new AcademyError(
			`The image "${name}" would publish its data at /images/${name}.json, which is the catalog's own file.`,
			'Rename the image in content/images/repositories.yaml (or IMAGES_REPOS); index and packages are taken.',
		);
	}
	return `${imagePath(name).slice(0, -1)}.json`;
}

/** The source block of every file, from the build's image source. */
function sourceOf(source: ImageSourceData): z.infer<typeof imageDataSourceSchema> {
	return {
		registry: source.registry,
		namespace: source.namespace,
		demo: source.demo,
		syncedAt: source.syncedAt,
		mode: source.mode,
	};
}

/**
 * A document as JSON text: checked against its schema, whose output lists every object's keys in the schema's order
 * whatever the input's (maps such as labels keep the snapshot's sorted order), indented, with a final newline, so the
 * same data always gives the same bytes.
 */
function toJson<T extends z.ZodType>(schema: T, value: z.input<T>): string {
	return `${JSON.stringify(schema.parse(value), null, 2)}\n`;
}

/** `/images/<name>.json`. */
export function imageDocument(image: ImageRepository, source: ImageSourceData, siteUrl: string): string {
	return toJson(imageDocumentSchema, {
		schemaVersion: IMAGE_DATA_VERSION,
		source: sourceOf(source),
		page: new URL(imagePath(image.name), siteUrl).href,
		image,
	});
}

/** `/images/index.json`, the images in the order given (the catalog sorts them by name). */
export function catalogDocument(images: readonly ImageRepository[], source: ImageSourceData, siteUrl: string): string {
	return toJson(catalogDocumentSchema, {
		schemaVersion: IMAGE_DATA_VERSION,
		source: sourceOf(source),
		images: images.map((image) => ({
			name: image.name,
			registry: image.registry,
			repository: image.repository,
			reference: image.reference,
			tags: image.tags,
			page: new URL(imagePath(image.name), siteUrl).href,
			data: new URL(imageDataPath(image.name), siteUrl).href,
			variants: orderedVariants(image).map((variant) => ({
				digest: variant.digest,
				tags: variant.tags,
				platforms: variant.platforms.map((platform) => platform.platform),
			})),
		})),
	});
}

/** `/images/packages.json`, from the same package index as the /images/packages/ page. */
export function packagesDocument(images: readonly ImageRepository[], source: ImageSourceData, siteUrl: string): string {
	return toJson(packagesDocumentSchema, {
		schemaVersion: IMAGE_DATA_VERSION,
		source: sourceOf(source),
		packages: [...packageIndex(images)].map(([name, shipments]) => ({
			name,
			images: shipments.map((shipment) => ({
				name: shipment.image,
				variants: shipment.variants,
				versions: shipment.versions,
				data: new URL(imageDataPath(shipment.image), siteUrl).href,
			})),
		})),
	});
}
