import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { compareText } from '../lib/compare.ts';
import { AcademyError, describeError } from '../lib/errors.ts';
import {
	IMAGE_SCHEMA_VERSION,
	imageRepositorySchema,
	snapshotMetadataSchema,
	type ImageRepository,
	type SnapshotMetadata,
} from './model.ts';

/** Folder of the committed snapshot, relative to the project root. */
export const DEFAULT_SNAPSHOT_DIR = 'content/images';

/** Name of the metadata file; a repository name cannot start with "_", so it never collides with an image file. */
export const METADATA_FILE = '_snapshot.json';

/** A snapshot as the pages consume it. */
export interface Snapshot {
	metadata: SnapshotMetadata;
	/** Sorted by name. */
	images: ImageRepository[];
}

/** A snapshot file that is missing, unreadable or invalid: the message names the file and the field, the hint the fix. */
export class SnapshotError extends AcademyError {
	readonly file: string;
	/** True when the file could not be read at all (it does not exist, or is not readable). */
	readonly unreadable: boolean;

	constructor(file: string, problem: string, hint: string, options: { unreadable?: boolean; cause?: unknown } = {}) {
		super(`${file}: ${problem}`, hint, { cause: options.cause });
		this.name = 'SnapshotError';
		this.file = file;
		this.unreadable = options.unreadable ?? false;
	}
}

/** The fix for a snapshot file that is damaged or out of date. */
const REGENERATE =
	'Regenerate the snapshot with npm run images:sync (npm run images:demo for the demo data) instead of editing it by hand.';

/** JSON text of a validated document: schema key order, two-space indent, final newline. */
export function serialize<T>(schema: z.ZodType<T>, value: T): string {
	return `${JSON.stringify(schema.parse(value), null, 2)}\n`;
}

function imageFile(dir: string, name: string): string {
	return join(dir, ...name.split('/')) + '.json';
}

async function parseFile<T>(file: string, schema: z.ZodType<T>): Promise<T> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (cause) {
		throw new SnapshotError(
			file,
			'cannot be read',
			'Run `npm run images:demo` (demo data) or `npm run images:sync` to create the snapshot.',
			{ unreadable: true, cause },
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new SnapshotError(file, `is not valid JSON (${(error as Error).message})`, REGENERATE);
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const field = issue.path.join('.') || '(document)';
		const otherVersion =
			json && typeof json === 'object' && (json as { schemaVersion?: unknown }).schemaVersion !== IMAGE_SCHEMA_VERSION;
		throw new SnapshotError(
			file,
			`field "${field}": ${issue.message}`,
			otherVersion
				? `The file has another schema version than ${IMAGE_SCHEMA_VERSION}; run npm run images:sync to rewrite it.`
				: REGENERATE,
		);
	}
	return parsed.data;
}

async function listJsonFiles(dir: string): Promise<string[]> {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true, recursive: true });
	} catch {
		return [];
	}
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort(compareText);
}

/** Read and validate only the metadata file of a snapshot (registry, sync time, repositories). */
export function readSnapshotMetadata(dir: string): Promise<SnapshotMetadata> {
	return parseFile(join(dir, METADATA_FILE), snapshotMetadataSchema);
}

/** Read and validate a snapshot: the metadata file and one file per repository it lists. */
export async function readSnapshot(dir: string): Promise<Snapshot> {
	const metadataFile = join(dir, METADATA_FILE);
	const metadata = await readSnapshotMetadata(dir);
	const images = await Promise.all(
		metadata.repositories.map(async (name) => {
			const file = imageFile(dir, name);
			const image = await parseFile(file, imageRepositorySchema);
			if (image.name !== name)
				throw new SnapshotError(file, `field "name" is "${image.name}" but ${METADATA_FILE} lists it as "${name}"`, REGENERATE);
			return image;
		}),
	);
	const listed = new Set([metadataFile, ...metadata.repositories.map((name) => imageFile(dir, name))]);
	const stray = (await listJsonFiles(dir)).filter((file) => !listed.has(file));
	if (stray.length > 0) {
		throw new SnapshotError(
			stray[0]!,
			`is not listed in ${METADATA_FILE} "repositories"`,
			'Delete it, or run npm run images:sync to rebuild the snapshot.',
		);
	}
	return { metadata, images: images.sort((a, b) => compareText(a.name, b.name)) };
}

/** The previous snapshot for an incremental sync: null when there is none or it cannot be read. */
export async function readPreviousSnapshot(dir: string): Promise<{ snapshot: Snapshot | null; problem: string | null }> {
	try {
		return { snapshot: await readSnapshot(dir), problem: null };
	} catch (error) {
		const missing = error instanceof SnapshotError && error.file === join(dir, METADATA_FILE) && error.unreadable;
		return { snapshot: null, problem: missing ? null : describeError(error) };
	}
}

async function currentText(file: string): Promise<string | null> {
	try {
		return await readFile(file, 'utf8');
	} catch {
		return null;
	}
}

export interface WriteResult {
	/** True when any byte of the snapshot changed. */
	changed: boolean;
	written: string[];
	removed: string[];
}

/**
 * Write a snapshot: only files whose text differs are rewritten (atomically), files of repositories no longer in
 * the snapshot are removed, and `syncedAt` moves to `now` only when something changed.
 */
export async function writeSnapshot(
	dir: string,
	images: ImageRepository[],
	base: Omit<SnapshotMetadata, 'syncedAt' | 'repositories' | 'schemaVersion'>,
	now: Date,
): Promise<WriteResult> {
	const sorted = [...images].sort((a, b) => compareText(a.name, b.name));
	const written: string[] = [];
	const pending: Array<[string, string]> = [];
	for (const image of sorted) {
		const file = imageFile(dir, image.name);
		const text = serialize(imageRepositorySchema, image);
		if ((await currentText(file)) !== text) pending.push([file, text]);
	}
	const keep = new Set([join(dir, METADATA_FILE), ...sorted.map((image) => imageFile(dir, image.name))]);
	const stale = (await listJsonFiles(dir)).filter((file) => !keep.has(file));
	const metadataFile = join(dir, METADATA_FILE);
	const previousText = await currentText(metadataFile);
	let previous: SnapshotMetadata | null = null;
	try {
		previous = previousText ? snapshotMetadataSchema.parse(JSON.parse(previousText)) : null;
	} catch {
		previous = null;
	}
	const metadata = (syncedAt: string): SnapshotMetadata => ({
		schemaVersion: IMAGE_SCHEMA_VERSION,
		registry: base.registry,
		namespace: base.namespace,
		demo: base.demo,
		standsFor: base.standsFor,
		syncedAt,
		repositories: sorted.map((image) => image.name),
	});
	const unchangedMetadata = previous ? serialize(snapshotMetadataSchema, metadata(previous.syncedAt)) === previousText : false;
	const changed = pending.length > 0 || stale.length > 0 || !unchangedMetadata;
	for (const [file, text] of pending) {
		await writeFileAtomic(file, text);
		written.push(file);
	}
	for (const file of stale) await rm(file);
	const metadataText = serialize(snapshotMetadataSchema, metadata(changed ? now.toISOString() : previous!.syncedAt));
	if (metadataText !== previousText) {
		await writeFileAtomic(metadataFile, metadataText);
		written.push(metadataFile);
	}
	return {
		changed,
		written: written.map((file) => relative(dir, file).split(sep).join('/')),
		removed: stale.map((file) => relative(dir, file).split(sep).join('/')),
	};
}
