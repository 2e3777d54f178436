import {
	RegistryClient,
	RegistryError,
	RegistryTransport,
	mapBounded,
	tagHistoryFor,
	type RegistryLocation,
	type TagHistoryExtension,
	type TransportOptions,
} from '../registry/index.ts';
import { describeError } from '../lib/errors.ts';
import { collectRepository, type RecordedAs, type TagSelection } from './collect.ts';
import type { ImageRepository } from './model.ts';
import type { RegistrySigning } from './repositories-config.ts';
import { SignatureChecks, signingFor } from './verification.ts';

/** What one repository came to. */
export interface RepositoryOutcome {
	name: string;
	status: 'updated' | 'unchanged' | 'failed';
	tags: number;
	missingTags: string[];
	/** For failures: what happened and what to do, on one line. */
	error: string | null;
	/** True when a failed repository kept its previous entry. */
	keptPrevious: boolean;
}

/** Progress events, for a progress bar, log lines or the build's logger. */
export type ResolveEvent =
	{ type: 'start'; total: number } | { type: 'repository'; done: number; total: number; outcome: RepositoryOutcome };

/** What to read from which registry, and what is already known. */
export interface ResolveOptions {
	location: RegistryLocation;
	/** Short names below the namespace; null to discover them through /v2/_catalog. */
	repositories: string[] | null;
	tags: TagSelection;
	/** Registry and namespace recorded in the images (a mirror or the demo records another place than it pulls from). */
	recordedAs: RecordedAs;
	/**
	 * Each repository's entry from the last run (snapshot or data store): kept when the repository fails, and its
	 * unchanged tags and variants reused when it was recorded as the same registry and repository.
	 */
	previous: ReadonlyMap<string, ImageRepository>;
	/** Compare tag digests with `previous` and reuse what did not move (default true). */
	incremental?: boolean;
	/**
	 * Signing policy per registry (the `signing` section of repositories.yaml); the entry for `recordedAs` is what the
	 * signatures are verified against. Without one (or without this option), signatures are recorded as not checked;
	 * the demo registry's policy is built in.
	 */
	signing?: Readonly<Record<string, RegistrySigning>>;
	transport?: TransportOptions;
	/** The registry's tag history extension; by default the one its host offers (tagHistoryFor), none for most. */
	tagHistory?: TagHistoryExtension | null;
	/** Repositories collected at once (requests are also bounded by the transport). */
	concurrency?: number;
	onEvent?: (event: ResolveEvent) => void;
}

/** The images of one run, what happened to each repository, and what it cost. */
export interface Resolution {
	outcomes: RepositoryOutcome[];
	/** Collected images, and the previous entry of each failed repository that had one; in the order of `outcomes`. */
	images: ImageRepository[];
	requests: number;
	bytes: number;
	retries: number;
	/** Of the retries, those after a body that arrived damaged (wrong digest, unreadable JSON). */
	damagedBodies: number;
	durationMs: number;
	/** `Warning` headers the registry sent, once each. */
	warnings: string[];
	/** Signature verification: layers checked with cryptography, outcomes reused from the cache, and the policy's trust root (null without a policy). */
	verification: { checked: number; reused: number; trustRoot: string | null };
}

/** One line for any error met while collecting a repository: registry errors say where, every error gives its hint. */
export function describeFailure(error: unknown): string {
	return error instanceof RegistryError ? error.describe() : describeError(error);
}

/**
 * Read repositories from a registry into the image model: the one path for `images:sync` and live builds. One failing
 * repository never stops the others: it keeps its previous entry and is reported. Throws only for errors that concern
 * the whole run (registry unreachable, bad credentials, no catalog).
 */
export async function resolveImages(options: ResolveOptions): Promise<Resolution> {
	const started = performance.now();
	const transport = new RegistryTransport(options.transport);
	const { registry, namespace } = options.recordedAs;
	const checks = new SignatureChecks(signingFor(options.signing ?? {}, registry, namespace), registry, options.previous.values());
	const client = new RegistryClient(options.location, transport);
	await client.ping();
	const prefix = options.location.namespace ? `${options.location.namespace}/` : '';
	const names = options.repositories ?? (await client.catalog()).map((path) => path.slice(prefix.length));
	options.onEvent?.({ type: 'start', total: names.length });
	let done = 0;
	const results = await mapBounded(names, options.concurrency ?? options.transport?.concurrency ?? 8, async (name) => {
		const before = options.previous.get(name) ?? null;
		let outcome: RepositoryOutcome;
		let image: ImageRepository | null;
		try {
			const result = await collectRepository({
				client,
				name,
				tags: options.tags,
				recordedAs: options.recordedAs,
				previous: before,
				incremental: options.incremental ?? true,
				checks,
				tagHistory: options.tagHistory === undefined ? tagHistoryFor(options.location.host) : options.tagHistory,
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
				error: describeFailure(error),
				keptPrevious: before !== null,
			};
		}
		done++;
		options.onEvent?.({ type: 'repository', done, total: names.length, outcome });
		return { outcome, image };
	});
	return {
		outcomes: results.map((result) => result.outcome),
		images: results.flatMap((result) => (result.image ? [result.image] : [])),
		requests: transport.stats.requests,
		bytes: transport.stats.bytes,
		retries: transport.stats.retries,
		damagedBodies: transport.stats.damagedBodies,
		durationMs: performance.now() - started,
		warnings: transport.stats.warnings,
		verification: {
			checked: checks.stats.verified,
			reused: checks.stats.reused,
			trustRoot: checks.record?.trustRoot.name ?? null,
		},
	};
}
