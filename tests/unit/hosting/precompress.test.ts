import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { gzipBytes, gzipCache, isCompressible, precompress } from '../../../src/hosting/precompress.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompress', () => {
	it('writes a .gz twin that holds the file, for text files that shrink', async () => {
		dir = mkdtempSync(join(tmpdir(), 'academy-gzip-'));
		const page = join(dir, 'index.html');
		const tiny = join(dir, 'tiny.txt');
		const image = join(dir, 'photo.png');
		writeFileSync(page, '<p>Supply chain</p>\n'.repeat(200));
		writeFileSync(tiny, 'a');
		writeFileSync(image, '<p>not really an image</p>'.repeat(50));
		const result = await precompress([page, tiny, image]);
		expect(gunzipSync(readFileSync(`${page}.gz`)).equals(readFileSync(page))).toBe(true);
		expect(existsSync(`${tiny}.gz`), 'a one-byte file only grows').toBe(false);
		expect(existsSync(`${image}.gz`), 'images are not text').toBe(false);
		expect(result).toEqual({ files: 1, bytes: readFileSync(page).length, gzipBytes: readFileSync(`${page}.gz`).length });
	});

	it('reuses the .gz of a file with the same bytes from the cache of an earlier build', async () => {
		dir = mkdtempSync(join(tmpdir(), 'academy-gzip-'));
		const cacheDir = join(dir, 'cache');
		const page = join(dir, 'site/index.html');
		mkdirSync(join(dir, 'site'));
		writeFileSync(page, '<p>Supply chain</p>\n'.repeat(200));
		await precompress([page], gzipCache(cacheDir));
		const [entry, ...others] = readdirSync(cacheDir);
		expect(others).toEqual([]);
		// Mark the cached entry: the next build must copy it, not compress the page again.
		const marked = await gzipBytes(Buffer.from('<p>from the cache</p>'));
		writeFileSync(join(cacheDir, entry!), marked);
		await precompress([page], gzipCache(cacheDir));
		expect(readFileSync(`${page}.gz`).equals(marked)).toBe(true);
		// Changed bytes are compressed afresh.
		writeFileSync(page, '<p>Edited</p>\n'.repeat(200));
		await precompress([page], gzipCache(cacheDir));
		expect(gunzipSync(readFileSync(`${page}.gz`)).equals(readFileSync(page))).toBe(true);
	});

	it('gives the same bytes for the same input (reproducible builds)', async () => {
		dir = mkdtempSync(join(tmpdir(), 'academy-gzip-'));
		const data = Buffer.from('body { color: red }\n'.repeat(100));
		const first = await gzipBytes(data);
		expect((await gzipBytes(data)).equals(first)).toBe(true);
		expect(first.readUInt32LE(4), 'no modification time in the header').toBe(0);
	});

	it('compresses text formats only', () => {
		expect(['a.html', 'a.css', 'a.js', 'a.json', 'a.svg', 'a.xml', 'a.txt', 'a.md'].every(isCompressible)).toBe(true);
		expect(['a.png', 'a.pf_fragment', 'a.pagefind', 'a.woff2', '_headers'].filter(isCompressible)).toEqual([]);
	});
});
