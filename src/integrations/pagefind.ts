import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';

/** Hash the HTML the index is made from (paths and bytes, in a stable order) together with the Pagefind version. */
export function htmlFingerprint(outDir: string, pagefindVersion: string): string {
	const hash = createHash('sha256').update(pagefindVersion);
	const pages = readdirSync(outDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
	for (const page of pages) hash.update(relative(outDir, page)).update('\0').update(readFileSync(page));
	return hash.digest('hex');
}

/** What to do when Pagefind fails: its messages name the page or file it could not read. */
const PAGEFIND_HINT = 'Pagefind indexes the built HTML in dist/; its messages name what it could not read.';

/** The build's error for a Pagefind step that reported errors (Pagefind reports them as lists, not exceptions). */
function pagefindError(step: string, messages: readonly string[]): AstroError {
	return new AstroError(`Failed to build the Pagefind search index: ${step} failed: ${messages.join('; ')}`, PAGEFIND_HINT);
}

/** Build the Pagefind index of a folder with Pagefind's Node API; returns the number of pages indexed. */
async function buildIndex(outDir: string, outputPath: string): Promise<number> {
	try {
		const { index, errors } = await pagefind.createIndex({});
		if (!index) throw pagefindError('createIndex', errors);
		const added = await index.addDirectory({ path: outDir });
		if (added.errors.length) throw pagefindError('addDirectory', added.errors);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) throw pagefindError('writeFiles', written.errors);
		return added.page_count;
	} catch (error) {
		if (error instanceof AstroError) throw error;
		throw Object.assign(new AstroError('Failed to build the Pagefind search index.', PAGEFIND_HINT), { cause: error });
	} finally {
		await pagefind.close();
	}
}

/** The Pagefind integration, with the promise of its index for the steps that must run after it. */
export interface PagefindIntegration extends AstroIntegration {
	/** Settles once this build's index is in `dist/pagefind/`; rejects with the build's error if Pagefind failed. */
	indexWritten(): Promise<void>;
}

/**
 * Index the built site with Pagefind once the build is done.
 *
 * The index depends only on the HTML, so when no page changed since the last build the previous index is copied
 * back instead of rebuilt (3–4 s on a 600-page site). Pagefind indexes in its own process, so the hook only starts it:
 * the hooks after it (the link check, the CSP hashes) run on the main thread meanwhile, and a step that needs the
 * index files awaits `indexWritten()`.
 */
export function pagefindIntegration(): PagefindIntegration {
	let cacheRoot = '';
	let written: Promise<void> = Promise.resolve();
	return {
		name: 'academy-pagefind',
		indexWritten: () => written,
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheRoot = join(fileURLToPath(config.cacheDir), 'academy-pagefind');
			},
			'astro:build:done': ({ dir, logger }) => {
				written = writeSearchIndex(fileURLToPath(dir), cacheRoot, logger);
				// Reported by whoever awaits it; until then a failure must not count as unhandled.
				written.catch(() => undefined);
			},
		},
	};
}

/** Write the index of `outDir` into `outDir/pagefind`: copied from the cache when no page changed, else built and cached. */
async function writeSearchIndex(outDir: string, cacheRoot: string, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	const outputPath = join(outDir, 'pagefind');
	const version = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version as string;
	const cached = join(cacheRoot, htmlFingerprint(outDir, version));
	if (existsSync(cached)) {
		cpSync(cached, outputPath, { recursive: true });
		logger.info(`No page changed: reused the search index in ${Math.round(performance.now() - started)} ms.`);
		return;
	}
	const pages = await buildIndex(outDir, outputPath);
	// Keep one index: the previous build's is of no use once the HTML moved on.
	rmSync(cacheRoot, { recursive: true, force: true });
	mkdirSync(cacheRoot, { recursive: true });
	const temporary = `${cached}.${process.pid}.tmp`;
	cpSync(outputPath, temporary, { recursive: true });
	renameSync(temporary, cached);
	logger.info(`Indexed ${pages} pages for search in ${Math.round(performance.now() - started)} ms.`);
}
