import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * A folder of build results kept between builds, each filed under a hash of everything that shapes it, so an unchanged
 * input costs one file read on the next build. Without a folder it computes every time (tests, one-off scripts).
 */
export class ContentCache {
	private readonly dir: string | undefined;
	private readonly version: string;

	/** `version` changes whenever the same input could give a different result (code or package versions). */
	constructor(dir: string | undefined, version: string) {
		this.dir = dir;
		this.version = version;
		if (dir) mkdirSync(dir, { recursive: true });
	}

	/** Whether the folder holds a result for this input, without reading it. */
	has(input: unknown, extension: string): boolean {
		const file = this.fileFor(input, extension);
		return file !== undefined && existsSync(file);
	}

	/** The result for this input: from the folder when it was made before, else made now and stored. */
	async get(input: unknown, extension: string, make: () => Buffer | string | Promise<Buffer | string>): Promise<Buffer> {
		const file = this.fileFor(input, extension);
		if (file) {
			try {
				return readFileSync(file);
			} catch {
				// Not made yet: make it below.
			}
		}
		const made = await make();
		const bytes = typeof made === 'string' ? Buffer.from(made) : made;
		if (file) {
			// Write then rename, so a build that stops half-way never leaves a truncated entry to be read later.
			const temporary = `${file}.${process.pid}.tmp`;
			writeFileSync(temporary, bytes);
			renameSync(temporary, file);
		}
		return bytes;
	}

	private fileFor(input: unknown, extension: string): string | undefined {
		if (!this.dir) return undefined;
		const key = createHash('sha256')
			.update(JSON.stringify([this.version, input]))
			.digest('hex');
		return join(this.dir, `${key}${extension}`);
	}
}

/**
 * A short hash of files, for a cache version: the code that makes the results and package-lock.json, so a change to
 * that code or to any package empties the cache.
 */
export function versionOf(files: readonly string[], root = process.cwd()): string {
	const hash = createHash('sha256');
	for (const file of files) hash.update(readFileSync(resolve(root, file)));
	return hash.digest('hex').slice(0, 16);
}

/** What a build kept for the next one (e.g. the last link check), if code of this `version` wrote it; else undefined. */
export async function readBuildState<T>(file: string, version: string): Promise<T | undefined> {
	try {
		const saved = JSON.parse(await readFile(file, 'utf8')) as { version: string; state: T };
		return saved.version === version ? saved.state : undefined;
	} catch {
		// Nothing kept yet, or an unreadable file: the caller starts from scratch.
		return undefined;
	}
}

/** Keep `state` for the next build, filed with the `version` of the code that made it. */
export function writeBuildState(file: string, version: string, state: unknown): Promise<void> {
	return writeFileAtomic(file, JSON.stringify({ version, state }));
}

/** The folder build caches live in: Astro's cacheDir, which tests that build variants side by side set apart. */
export function buildCacheDir(name: string): string {
	return join(process.env.ACADEMY_CACHE_DIR || 'node_modules/.astro', name);
}
