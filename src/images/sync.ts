import {
	RegistryClient,
	RegistryError,
	RegistryTransport,
	mapBounded,
	type RegistryLocation,
	type TransportOptions,
} from '../registry/index.ts';
import { collectRepository, type RecordedAs, type TagSelection } from './collect.ts';
import type { ImageRepository } from './model.ts';
import { readPreviousSnapshot, writeSnapshot, type WriteResult } from './snapshot.ts';

/** What one repository's sync came to. */
export interface RepositoryOutcome {
	name: string;
	status: 'updated' | 'unchanged' | 'failed';
	tags: number;
	missingTags: string[];
	/** For failures: what happened and what to do. */
	error: string | null;
	/** True when a failed repository kept its entry from the previous snapshot. */
	keptPrevious: boolean;
}

/** Progress events, for a progress bar or log lines. */
export type SyncEvent =
	{ type: 'start'; total: number } | { type: 'repository'; done: number; total: number; outcome: RepositoryOutcome };

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
	/** Registry and namespace written into the snapshot; defaults to the location. */
	recordedAs?: RecordedAs;
	demo?: boolean;
	transport?: TransportOptions;
	/** Repositories collected at once (requests are also bounded by the transport). */
	concurrency?: number;
	now?: () => Date;
	onEvent?: (event: SyncEvent) => void;
}

export interface SyncReport {
	outcomes: RepositoryOutcome[];
	requests: number;
	bytes: number;
	retries: number;
	durationMs: number;
	warnings: string[];
	write: WriteResult;
	/** Problem with the previous snapshot, which was then ignored. */
	previousProblem: string | null;
}

/** Render any error thrown while collecting as one line with a hint. */
export function describeError(error: unknown): string {
	if (error instanceof RegistryError) return error.describe();
	return error instanceof Error ? error.message : String(error);
}

/**
 * Sync repositories into a snapshot directory. One failing repository never stops the others: it keeps its previous
 * entry and is reported. Throws only for errors that concern the whole run (registry unreachable, bad credentials).
 */
export async function syncImages(options: SyncOptions): Promise<SyncReport> {
	const started = performance.now();
	const recordedAs = options.recordedAs ?? { registry: options.location.host, namespace: options.location.namespace };
	const transport = new RegistryTransport(options.transport);
	const client = new RegistryClient(options.location, transport);
	const { snapshot, problem } = await readPreviousSnapshot(options.outDir);
	const sameSource =
		snapshot && snapshot.metadata.registry === recordedAs.registry && snapshot.metadata.namespace === recordedAs.namespace;
	const previous = new Map<string, ImageRepository>(sameSource ? snapshot.images.map((image) => [image.name, image]) : []);
	await client.ping();
	const prefix = options.location.namespace ? `${options.location.namespace}/` : '';
	const names = options.repositories ?? (await client.catalog()).map((path) => path.slice(prefix.length));
	options.onEvent?.({ type: 'start', total: names.length });
	let done = 0;
	const results = await mapBounded(names, options.concurrency ?? options.transport?.concurrency ?? 8, async (name) => {
		const before = previous.get(name) ?? null;
		let outcome: RepositoryOutcome;
		let image: ImageRepository | null;
		try {
			const result = await collectRepository({
				client,
				name,
				tags: options.tags,
				recordedAs,
				previous: before,
				incremental: options.incremental ?? true,
			});
			image = result.image;
			outcome = {
				name,
				status: result.status,
				tags: result.image.tags.length,
				missingTags: result.missingTags,
				error: null,
				keptPrevious: false,
			};
		} catch (error) {
			image = before;
			outcome = {
				name,
				status: 'failed',
				tags: before?.tags.length ?? 0,
				missingTags: [],
				error: describeError(error),
				keptPrevious: before !== null,
			};
		}
		done++;
		options.onEvent?.({ type: 'repository', done, total: names.length, outcome });
		return { outcome, image };
	});
	const images = new Map<string, ImageRepository>(options.mode === 'merge' ? previous : []);
	for (const { image } of results) if (image) images.set(image.name, image);
	const write = await writeSnapshot(
		options.outDir,
		[...images.values()],
		{ registry: recordedAs.registry, namespace: recordedAs.namespace, demo: options.demo ?? false },
		(options.now ?? (() => new Date()))(),
	);
	return {
		outcomes: results.map((result) => result.outcome),
		requests: transport.stats.requests,
		bytes: transport.stats.bytes,
		retries: transport.stats.retries,
		durationMs: performance.now() - started,
		warnings: transport.stats.warnings,
		write,
		previousProblem: problem,
	};
}
