import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { RegistryClient, RegistryTransport, mapBounded, parseRegistryLocation } from '../registry/index.ts';
import { collectRepository, type RecordedAs } from '../images/collect.ts';
import { loadRepositoriesConfig, DEFAULT_CONFIG_FILE } from '../images/cli.ts';
import {
	IMAGE_SCHEMA_VERSION,
	imageRepositorySchema,
	snapshotMetadataSchema,
	type ImageRepository,
	type SnapshotMetadata,
} from '../images/model.ts';
import { readSnapshot, readSnapshotMetadata } from '../images/snapshot.ts';
import { describeError } from '../images/sync.ts';

/** Folder of the committed snapshot; IMAGES_SNAPSHOT_DIR points the build at another one (tests, benchmarks). */
export function snapshotDir(): string {
	return process.env.IMAGES_SNAPSHOT_DIR ?? 'content/images';
}

/** Where image data comes from in this build, as described to readers on the catalog. */
export type ImageSource = SnapshotMetadata & { mode: 'snapshot' | 'live' };

/** Live-mode settings read from the environment; null in the default snapshot mode. */
interface LiveSettings {
	registry: string;
	repositories: string[] | null;
	/** Tags to pull; null follows the repositories file (latest and latest-dev when there is none). */
	tags: string[] | 'all' | null;
	recordedAs: RecordedAs | null;
	fallbackToSnapshot: boolean;
}

function liveSettings(): LiveSettings | null {
	const registry = process.env.IMAGES_REGISTRY?.trim();
	if (!registry) return null;
	const repos = process.env.IMAGES_REPOS?.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const recordAs = process.env.IMAGES_RECORD_AS?.trim();
	const tags = process.env.IMAGES_TAGS?.trim();
	const [recordHost, ...recordPath] = recordAs ? recordAs.split('/') : [];
	return {
		registry,
		repositories: repos && repos.length > 0 ? repos : null,
		tags: !tags
			? null
			: tags === 'all'
				? 'all'
				: tags
						.split(',')
						.map((tag) => tag.trim())
						.filter(Boolean),
		recordedAs: recordAs ? { registry: recordHost!, namespace: recordPath.join('/') } : null,
		fallbackToSnapshot: process.env.IMAGES_FALLBACK === 'snapshot',
	};
}

/** Put images into the store, keyed by name; the digest lets Astro skip work for unchanged entries. */
function storeImages(context: LoaderContext, images: readonly ImageRepository[]): void {
	context.store.clear();
	for (const image of images) {
		context.store.set({ id: image.name, data: image, digest: context.generateDigest(image) });
	}
}

/**
 * Pull every repository live through the registry client, reusing what the data store kept from the last build.
 *
 * An image whose tag digests did not move costs one HEAD request per tag: collectRepository compares them with
 * the previous entry and returns it unchanged.
 */
async function loadLive(
	context: LoaderContext,
	settings: LiveSettings,
): Promise<{ images: ImageRepository[]; recordedAs: RecordedAs }> {
	const location = parseRegistryLocation(settings.registry);
	const config = settings.repositories && settings.tags ? null : await loadRepositoriesConfig(DEFAULT_CONFIG_FILE);
	const names = settings.repositories ?? config!.repositories;
	const tags = settings.tags ?? config?.tags ?? ['latest', 'latest-dev'];
	const recordedAs = settings.recordedAs ?? { registry: location.host, namespace: location.namespace };
	const transport = new RegistryTransport({ retries: 2, timeoutMs: 15_000 });
	const client = new RegistryClient(location, transport);
	await client.ping();
	const images = await mapBounded(names, 8, async (name) => {
		const stored = context.store.get<ImageRepository>(name)?.data ?? null;
		// Reuse only what was pulled from the same place; a snapshot or another registry may hold other data.
		const previous =
			stored && stored.registry === recordedAs.registry && stored.repository === `${recordedAs.namespace}/${name}`
				? stored
				: null;
		try {
			const result = await collectRepository({ client, name, tags, recordedAs, previous, incremental: true });
			return result.image;
		} catch (error) {
			throw new Error(`Image "${name}" from ${settings.registry}: ${describeError(error)}`);
		}
	});
	context.logger.info(`Pulled ${images.length} images live from ${settings.registry} with ${transport.stats.requests} requests.`);
	return { images, recordedAs };
}

/** Settles with the source once the images loader has decided it (live, or the snapshot after a fallback). */
let resolveLiveSource: (source: ImageSource) => void = () => {};
const liveSource = new Promise<ImageSource>((resolve) => {
	resolveLiveSource = resolve;
});

/** The `images` collection: the committed snapshot by default, a live registry with IMAGES_REGISTRY. */
export function imagesLoader(): Loader {
	return {
		name: 'academy-images',
		schema: imageRepositorySchema,
		load: async (context) => {
			const settings = liveSettings();
			if (settings) {
				try {
					const { images, recordedAs } = await loadLive(context, settings);
					storeImages(context, images);
					resolveLiveSource({
						mode: 'live',
						schemaVersion: IMAGE_SCHEMA_VERSION,
						registry: recordedAs.registry,
						namespace: recordedAs.namespace,
						demo: false,
						syncedAt: new Date().toISOString(),
						repositories: images.map((image) => image.name).sort(),
					});
					return;
				} catch (error) {
					const message = `Could not load images live from IMAGES_REGISTRY=${settings.registry}: ${(error as Error).message}`;
					if (!settings.fallbackToSnapshot) {
						throw new Error(
							`${message}\nHint: check the registry address and network, or set IMAGES_FALLBACK=snapshot to build from the committed snapshot.`,
						);
					}
					context.logger.warn(`${message}. Using the committed snapshot (IMAGES_FALLBACK=snapshot).`);
				}
			}
			const snapshot = await readSnapshot(snapshotDir());
			storeImages(context, snapshot.images);
			resolveLiveSource({ ...snapshot.metadata, mode: 'snapshot' });
		},
	};
}

/** The `imageSource` collection: one entry, `current`, saying where the images of this build come from. */
export function imageSourceLoader(): Loader {
	return {
		name: 'academy-image-source',
		schema: snapshotMetadataSchema.extend({ mode: z.enum(['snapshot', 'live']) }),
		load: async (context) => {
			// In live mode only the images loader knows whether the registry answered, so wait for its verdict.
			const source: ImageSource = liveSettings()
				? await liveSource
				: { ...(await readSnapshotMetadata(snapshotDir())), mode: 'snapshot' };
			context.store.clear();
			context.store.set({ id: 'current', data: source });
		},
	};
}
