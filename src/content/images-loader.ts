import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import {
	RegistryError,
	lookupCredentials,
	parseRegistryLocation,
	qualifiedRepositoryPath,
	type RegistryLocation,
} from '../registry/index.ts';
import { compareText } from '../lib/compare.ts';
import { entryId } from '../lib/routes.ts';
import { AcademyError } from '../lib/errors.ts';
import type { RecordedAs, TagSelection } from '../images/collect.ts';
import {
	IMAGE_SCHEMA_VERSION,
	imageRepositorySchema,
	snapshotMetadataSchema,
	type ImageRepository,
	type SnapshotMetadata,
} from '../images/model.ts';
import { DEFAULT_REPOSITORIES_FILE, DEFAULT_TAGS, loadRepositoriesConfigFor } from '../images/repositories-config.ts';
import { resolveImages, type ResolveEvent } from '../images/resolve.ts';
import { DEFAULT_SNAPSHOT_DIR, readSnapshot, readSnapshotMetadata } from '../images/snapshot.ts';
import { snapshotBase } from '../images/sync.ts';
import { toAstroError } from './errors.ts';

/** Where image data comes from in this build, as described to readers on the catalog. */
export type ImageSource = SnapshotMetadata & { mode: 'snapshot' | 'live' };

/** The images of this build and where they come from. */
interface LoadedImages {
	source: ImageSource;
	images: ImageRepository[];
}

/** Live-mode settings from the environment: IMAGES_REGISTRY and the variables that go with it. */
export interface LiveSettings {
	/** IMAGES_REGISTRY as given: `host[:port]/namespace` or `http://127.0.0.1:PORT/namespace`. */
	registry: string;
	/** IMAGES_REPOS; null follows the repositories file. */
	repositories: string[] | null;
	/** IMAGES_TAGS; null follows the repositories file (the default tags when it names none). */
	tags: TagSelection | null;
	/** IMAGES_RECORD_AS: the registry and namespace shown on the pages when pulling from a mirror. */
	recordedAs: RecordedAs | null;
	/** IMAGES_FALLBACK=snapshot: build from the committed snapshot when the registry fails. */
	fallbackToSnapshot: boolean;
}

/** Comma-separated names, trimmed, empty ones dropped. */
const commaList = (value: string) =>
	value
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);

/** Read live-mode settings from the environment; null (snapshot mode) when IMAGES_REGISTRY is not set. */
export function liveSettingsFromEnv(env: NodeJS.ProcessEnv): LiveSettings | null {
	const registry = env.IMAGES_REGISTRY?.trim();
	if (!registry) return null;
	const repositories = commaList(env.IMAGES_REPOS ?? '');
	const tags = env.IMAGES_TAGS?.trim();
	const recordAs = env.IMAGES_RECORD_AS?.trim();
	const [recordHost, ...recordPath] = recordAs ? recordAs.split('/') : [];
	return {
		registry,
		repositories: repositories.length > 0 ? repositories : null,
		tags: !tags ? null : tags === 'all' ? 'all' : commaList(tags),
		recordedAs: recordAs ? { registry: recordHost!, namespace: recordPath.join('/') } : null,
		fallbackToSnapshot: env.IMAGES_FALLBACK === 'snapshot',
	};
}

/** Folder of the snapshot the build reads; IMAGES_SNAPSHOT_DIR points it elsewhere (tests, benchmarks). */
export function snapshotDir(env: NodeJS.ProcessEnv): string {
	return env.IMAGES_SNAPSHOT_DIR ?? DEFAULT_SNAPSHOT_DIR;
}

/** Put images into the store, keyed by name; the digest lets Astro skip work for unchanged entries. */
function storeImages(context: LoaderContext, images: readonly ImageRepository[]): void {
	context.store.clear();
	for (const image of images) {
		context.store.set({ id: image.name, data: image, digest: context.generateDigest(image) });
	}
}

/** What the last build stored for each repository, when it was pulled from the same place (a snapshot or another registry may hold other data). */
function reusableImages(context: LoaderContext, recordedAs: RecordedAs): Map<string, ImageRepository> {
	const reusable = new Map<string, ImageRepository>();
	for (const entry of context.store.values()) {
		const image = entry.data as ImageRepository;
		const samePlace =
			image.registry === recordedAs.registry &&
			image.repository === qualifiedRepositoryPath(recordedAs.registry, recordedAs.namespace, image.name);
		if (samePlace) reusable.set(image.name, image);
	}
	return reusable;
}

/** Progress of a live pull in the build log: the start, and each repository that fails. */
function logProgress(context: LoaderContext, location: RegistryLocation): (event: ResolveEvent) => void {
	return (event) => {
		if (event.type === 'start') context.logger.info(`Pulling ${event.total} repositories live from ${location.baseUrl}.`);
		else if (event.outcome.status === 'failed') context.logger.warn(`${event.outcome.name}: ${event.outcome.error}`);
	};
}

/**
 * Pull every repository live through the orchestrator `images:sync` uses, reusing what the data store kept from the
 * last build: an image whose tag digests did not move costs one HEAD request per tag.
 */
async function loadLive(context: LoaderContext, settings: LiveSettings): Promise<LoadedImages> {
	const location = parseRegistryLocation(settings.registry);
	const config = await loadRepositoriesConfigFor(DEFAULT_REPOSITORIES_FILE, !(settings.repositories && settings.tags));
	const recordedAs = settings.recordedAs ?? { registry: location.host, namespace: location.namespace };
	const signing = config?.signing ?? {};
	const resolution = await resolveImages({
		location,
		repositories: settings.repositories ?? config!.repositories,
		tags: settings.tags ?? config?.tags ?? [...DEFAULT_TAGS],
		recordedAs,
		previous: reusableImages(context, recordedAs),
		signing,
		// The same credentials images:sync uses: REGISTRY_USERNAME/PASSWORD, else docker's config and credential helpers.
		transport: { credentials: lookupCredentials(location.host) },
		onEvent: logProgress(context, location),
	});
	const failed = resolution.outcomes.filter((outcome) => outcome.status === 'failed');
	if (failed.length > 0) {
		throw new AcademyError(
			`${failed.length} of ${resolution.outcomes.length} repositories failed: ${failed.map((outcome) => `${outcome.name}: ${outcome.error}`).join('; ')}`,
			'Each failure says what to do; a live build needs every repository.',
		);
	}
	const { verification } = resolution;
	context.logger.info(
		`Pulled ${resolution.images.length} images live from ${settings.registry} with ${resolution.requests} requests; ` +
			(verification.trustRoot === null
				? `signatures not checked (no signing policy for ${recordedAs.registry} in ${DEFAULT_REPOSITORIES_FILE}).`
				: `${verification.checked} signed layers checked against the ${verification.trustRoot} trust root, ${verification.reused} known from the last build.`),
	);
	const source: ImageSource = {
		mode: 'live',
		schemaVersion: IMAGE_SCHEMA_VERSION,
		...snapshotBase(recordedAs, signing),
		syncedAt: new Date().toISOString(),
		repositories: resolution.images.map((image) => image.name).sort(compareText),
	};
	return { source, images: resolution.images };
}

/** The hand-written overviews next to the snapshot: each file, relative to that folder, and its imageOverviews id. */
async function overviewFiles(): Promise<{ file: string; id: string }[]> {
	const files = await readdir(DEFAULT_SNAPSHOT_DIR, { recursive: true });
	return files
		.filter((file) => /\.mdx?$/.test(file))
		.map((file) => ({ file, id: entryId(file) }))
		.sort((a, b) => compareText(a.id, b.id));
}

/**
 * Check that each overview describes an image of this build, during the content sync, so a mistake fails the build
 * before Vite compiles anything. In snapshot mode an overview without its image is an error (a renamed or removed
 * image); a live build may read a registry with only some of the images (IMAGES_REPOS, a registry of one's own), and
 * still gives a working site: the other overviews are skipped with one warning.
 */
async function checkOverviews(context: LoaderContext, loaded: LoadedImages): Promise<void> {
	const known = new Set(loaded.images.map((image) => image.name));
	const orphans = (await overviewFiles()).filter(({ id }) => !known.has(id));
	if (orphans.length === 0) return;
	if (loaded.source.mode === 'live') {
		context.logger.warn(
			`${orphans.length} image overview(s) in ${DEFAULT_SNAPSHOT_DIR}/ are skipped because this registry has no such image: ${orphans.map(({ id }) => id).join(', ')}.`,
		);
		return;
	}
	throw new AstroError(
		orphans.map(({ file, id }) => `${join(DEFAULT_SNAPSHOT_DIR, file)}: there is no image "${id}" in the image data.`).join('\n'),
		'Rename the file after an image in /images/, or remove it.',
	);
}

/** The images of the committed snapshot and its metadata; snapshot errors keep their hint. */
async function loadSnapshot(env: NodeJS.ProcessEnv): Promise<LoadedImages> {
	try {
		const snapshot = await readSnapshot(snapshotDir(env));
		return { source: { ...snapshot.metadata, mode: 'snapshot' }, images: snapshot.images };
	} catch (error) {
		throw toAstroError(error);
	}
}

/** The committed snapshot's description of itself, read without its images. */
async function snapshotSource(env: NodeJS.ProcessEnv): Promise<ImageSource> {
	try {
		return { ...(await readSnapshotMetadata(snapshotDir(env))), mode: 'snapshot' };
	} catch (error) {
		throw toAstroError(error);
	}
}

/**
 * The decision the `images` loader made in the current content sync, for the `imageSource` loader to report. Either
 * loader may ask first; a new sync starts a new decision once the previous one is settled.
 */
class SourceDecision {
	#current: PromiseWithResolvers<ImageSource> | null = null;
	#settled = false;

	/** The decision of this sync, started if the other loader has not started it yet. */
	#pending(): PromiseWithResolvers<ImageSource> {
		if (!this.#current || this.#settled) {
			this.#current = Promise.withResolvers<ImageSource>();
			// A failed decision fails the images loader, which fails the build; the waiting loader need not report it too.
			this.#current.promise.catch(() => {});
			this.#settled = false;
		}
		return this.#current;
	}

	/** Begin the decision of a new sync (the images loader calls it first thing). */
	begin(): void {
		this.#pending();
	}

	settle(source: ImageSource): void {
		this.#current!.resolve(source);
		this.#settled = true;
	}

	fail(error: unknown): void {
		this.#current!.reject(error);
		this.#settled = true;
	}

	/** Wait for the images loader's decision in this sync. */
	wait(): Promise<ImageSource> {
		return this.#settled ? this.#current!.promise : this.#pending().promise;
	}
}

/**
 * The two image collections of one content config. `images` holds the image data: the committed snapshot by default,
 * a live registry with IMAGES_REGISTRY (falling back to the snapshot with IMAGES_FALLBACK=snapshot). `imageSource`
 * holds one entry, `current`, saying which of the two this build used. Both loaders share one decision object made
 * here, never module state, so every config (and every test) gets its own.
 */
export function imageLoaders(env: NodeJS.ProcessEnv = process.env): { images: Loader; imageSource: Loader } {
	const decision = new SourceDecision();
	const images: Loader = {
		name: 'academy-images',
		schema: imageRepositorySchema,
		load: async (context) => {
			decision.begin();
			try {
				const loaded = await loadImages(context, env);
				await checkOverviews(context, loaded);
				storeImages(context, loaded.images);
				decision.settle(loaded.source);
			} catch (error) {
				decision.fail(error);
				throw error;
			}
		},
	};
	const imageSource: Loader = {
		name: 'academy-image-source',
		schema: snapshotMetadataSchema.extend({ mode: z.enum(['snapshot', 'live']) }),
		load: async (context) => {
			// In live mode only the images loader knows whether the registry answered; the snapshot describes itself.
			const source = liveSettingsFromEnv(env) ? await decision.wait() : await snapshotSource(env);
			context.store.clear();
			context.store.set({ id: 'current', data: source });
		},
	};
	return { images, imageSource };
}

/** Live images when IMAGES_REGISTRY is set (or the snapshot after a permitted fallback), else the snapshot. */
async function loadImages(context: LoaderContext, env: NodeJS.ProcessEnv): Promise<LoadedImages> {
	const settings = liveSettingsFromEnv(env);
	if (!settings) return loadSnapshot(env);
	try {
		return await loadLive(context, settings);
	} catch (error) {
		const cause = error instanceof RegistryError ? error.locate() : (error as Error).message;
		const message = `Could not load images live from IMAGES_REGISTRY=${settings.registry}: ${cause}`;
		if (!settings.fallbackToSnapshot) {
			const causeHint = (error as { hint?: string }).hint ?? 'Check the registry address and the network.';
			throw new AstroError(message, `${causeHint} Or set IMAGES_FALLBACK=snapshot to build from the committed snapshot.`);
		}
		context.logger.warn(`${message}. Using the committed snapshot (IMAGES_FALLBACK=snapshot).`);
		return loadSnapshot(env);
	}
}
