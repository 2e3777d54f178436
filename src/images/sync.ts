import type { RegistryLocation, TagHistoryExtension, TransportOptions } from '../registry/index.ts';
import type { RecordedAs, TagSelection } from './collect.ts';
import { isDemoRegistry } from './demo/registry.ts';
import { demoStandsFor } from './demo/stands-for.ts';
import type { ImageRepository } from './model.ts';
import type { RegistrySigning } from './repositories-config.ts';
import { resolveImages, type Resolution, type ResolveEvent } from './resolve.ts';
import { readPreviousSnapshot, writeSnapshot, type WriteResult } from './snapshot.ts';

/** What to sync, from where, and where to write it. */
export interface SyncOptions {
	location: RegistryLocation;
	/** Short names below the namespace; null to discover them through /v2/_catalog. */
	repositories: string[] | null;
	tags: TagSelection;
	outDir: string;
	/**
	 * `exact`: the snapshot holds exactly these repositories (the list came from --all or the config file).
	 * `merge`: other repositories already in the snapshot stay (the list came from --repos).
	 */
	mode: 'exact' | 'merge';
	/** Skip repositories whose tag digests did not move (default true). */
	incremental?: boolean;
	/** Registry and namespace written into the snapshot; defaults to the location. Recording the demo registry makes a demo snapshot. */
	recordedAs?: RecordedAs;
	/** Signing policy per registry (repositories.yaml `signing`), for the verification of signatures; none by default. */
	signing?: Readonly<Record<string, RegistrySigning>>;
	transport?: TransportOptions;
	/** The registry's tag history extension; by default the one its host offers. */
	tagHistory?: TagHistoryExtension | null;
	/** Repositories collected at once (requests are also bounded by the transport). */
	concurrency?: number;
	now?: () => Date;
	onEvent?: (event: ResolveEvent) => void;
}

/** What a sync did: the run's outcomes and costs, the files it wrote, and any trouble with the previous snapshot. */
export interface SyncReport extends Omit<Resolution, 'images'> {
	write: WriteResult;
	/** Problem with the previous snapshot, which was then ignored. */
	previousProblem: string | null;
}

/**
 * Sync repositories into a snapshot directory: resolve them against the previous snapshot, then write the result. A
 * failed repository keeps its previous entry, whatever registry it was recorded from, so a run never deletes the files
 * of a repository it could not read; a run in which every repository failed writes nothing at all.
 */
export async function syncImages(options: SyncOptions): Promise<SyncReport> {
	const started = performance.now();
	const recordedAs = options.recordedAs ?? { registry: options.location.host, namespace: options.location.namespace };
	const { snapshot, problem } = await readPreviousSnapshot(options.outDir);
	const previous = new Map<string, ImageRepository>(snapshot ? snapshot.images.map((image) => [image.name, image]) : []);
	const { images, ...resolution } = await resolveImages({
		location: options.location,
		repositories: options.repositories,
		tags: options.tags,
		recordedAs,
		previous,
		incremental: options.incremental,
		signing: options.signing,
		transport: options.transport,
		tagHistory: options.tagHistory,
		concurrency: options.concurrency,
		onEvent: options.onEvent,
	});
	const nothingRead = resolution.outcomes.length > 0 && resolution.outcomes.every((outcome) => outcome.status === 'failed');
	if (nothingRead) {
		return {
			...resolution,
			durationMs: performance.now() - started,
			write: { changed: false, written: [], removed: [] },
			previousProblem: problem,
		};
	}
	const written = new Map<string, ImageRepository>(options.mode === 'merge' ? previous : []);
	for (const image of images) written.set(image.name, image);
	const write = await writeSnapshot(
		options.outDir,
		[...written.values()],
		snapshotBase(recordedAs, options.signing ?? {}),
		(options.now ?? (() => new Date()))(),
	);
	return { ...resolution, durationMs: performance.now() - started, write, previousProblem: problem };
}

/** The metadata every snapshot of `recordedAs` carries: a snapshot of the demo registry says it is demo data and what it stands for. */
export function snapshotBase(
	recordedAs: RecordedAs,
	signing: Readonly<Record<string, RegistrySigning>>,
): { registry: string; namespace: string; demo: boolean; standsFor: ReturnType<typeof demoStandsFor> | null } {
	const demo = isDemoRegistry(recordedAs.registry);
	return { ...recordedAs, demo, standsFor: demo ? demoStandsFor(signing) : null };
}
