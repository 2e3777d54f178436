import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';

const gzipAsync = promisify(gzip);

/**
 * Text formats worth compressing. Pagefind's index files are compressed already, and images are not text.
 * `.md` and `.txt` cover Markdown twins and llms.txt.
 */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.md', '.webmanifest']);

/** Whether a file of the built site gets a precompressed `.gz` twin. */
export function isCompressible(file: string): boolean {
	return COMPRESSIBLE.has(extname(file));
}

/** Gzip bytes at the highest level; the same input always gives the same bytes (zlib writes no file time). */
export function gzipBytes(data: Buffer): Promise<Buffer> {
	return gzipAsync(data, { level: constants.Z_BEST_COMPRESSION });
}

/** Gzipped files of earlier builds by content hash: a build where few pages changed compresses only those. */
export function gzipCache(dir: string | undefined = buildCacheDir('academy-gzip')): ContentCache {
	// zlib's version is part of it: another zlib may compress the same bytes differently.
	return new ContentCache(dir, `${versionOf(['src/hosting/precompress.ts'])}:${process.versions.zlib}`);
}

/** What precompression wrote: how many files and their sizes before and after. */
export interface PrecompressResult {
	files: number;
	bytes: number;
	gzipBytes: number;
}

/**
 * Write `<file>.gz` next to every compressible file that gzip makes smaller, for nginx's `gzip_static`.
 * Each one is written to a temporary name and renamed, so a server never sees half a file. With a cache, a file
 * compressed in an earlier build costs a hash and a read (level 9 is slow: seconds per build on a large site).
 */
export async function precompress(files: readonly string[], cache = new ContentCache(undefined, '')): Promise<PrecompressResult> {
	const result: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0 };
	// zlib runs on libuv's thread pool (4 threads by default); a few files at a time keeps every thread busy.
	const queue = files.filter(isCompressible);
	const worker = async () => {
		for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
			const data = await readFile(file);
			const digest = createHash('sha256').update(data).digest('hex');
			const compressed = await cache.get(digest, '.gz', () => gzipBytes(data));
			if (compressed.length >= data.length) continue;
			await writeFileAtomic(`${file}.gz`, compressed);
			result.files += 1;
			result.bytes += data.length;
			result.gzipBytes += compressed.length;
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
	return result;
}
