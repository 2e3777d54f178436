import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatCspHeader, inlineHashes, type InlineHashes } from '../hosting/csp.ts';
import { formatHeadersFile, securityHeaders } from '../hosting/headers.ts';
import { formatNginxConfig } from '../hosting/nginx.ts';
import { gzipCache, precompress } from '../hosting/precompress.ts';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { buildCacheDir, readBuildState, versionOf, writeBuildState } from '../lib/content-cache.ts';
import { parseRedirectsFile } from '../lib/redirects.ts';

/**
 * The built pages, read one at a time: this runs at the end of the build, with Astro's heap at its largest, and
 * holding all 671 pages of the 600-guide corpus at once took 264 MB more RSS against 84 MB one at a time. Each read
 * lets the event loop turn, so Pagefind, indexing in its own process meanwhile, gets its next command without delay.
 */
async function* readPages(files: readonly string[]): AsyncGenerator<string> {
	for (const file of files) if (file.endsWith('.html')) yield await readFile(file, 'utf8');
}

/**
 * Write what hosts need next to the built site: `_headers` (Netlify, Cloudflare Pages) and `_nginx.conf` with the
 * same headers and the redirects of `_redirects`, and a `.gz` copy of every text file for nginx's `gzip_static`.
 *
 * The Content-Security-Policy header lists the hashes of the inline code found in the built pages, so it always
 * matches what the pages contain; a page whose HTML did not change since the last build is not parsed again. Runs
 * last, and compresses what `filesWrittenBy` write too (the search index): the pages are hashed while that work runs.
 */
export function hostingIntegration(options: {
	/** Work still writing files into the output folder when this step starts, such as the search index. */
	filesWrittenBy: readonly (() => Promise<void>)[];
}): AstroIntegration {
	return {
		name: 'academy-hosting',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				const listFiles = async () =>
					(await readdir(outDir, { recursive: true, withFileTypes: true }))
						.filter((entry) => entry.isFile())
						.map((entry) => join(entry.parentPath, entry.name));
				const hashesFile = join(buildCacheDir('academy-csp'), 'pages.json');
				const version = versionOf(['src/hosting/csp.ts', 'node_modules/parse5/package.json']);
				const seen = new Map<string, InlineHashes>();
				// The inline code hashes of each page of the last build, by HTML digest.
				const earlier = new Map(await readBuildState<[string, InlineHashes][]>(hashesFile, version));
				const hashes = await inlineHashes(readPages(await listFiles()), earlier, seen);
				// Keep this build's pages only: the file stays the size of the site.
				await writeBuildState(hashesFile, version, [...seen]);
				const headers = securityHeaders(formatCspHeader(hashes));
				const redirectsFile = join(outDir, '_redirects');
				const redirects = parseRedirectsFile(await readFile(redirectsFile, 'utf8'), redirectsFile);
				await writeFileAtomic(join(outDir, '_headers'), formatHeadersFile(headers));
				await writeFileAtomic(join(outDir, '_nginx.conf'), formatNginxConfig(headers, redirects));
				await Promise.all(options.filesWrittenBy.map((work) => work()));
				const compressed = await precompress(await listFiles(), gzipCache());
				logger.info(
					`Wrote _headers and _nginx.conf (${hashes.scripts.length + hashes.styles.length} inline hash(es), ` +
						`${redirects.length} redirect(s)); gzipped ${compressed.files} files ` +
						`(${(compressed.bytes / 1e6).toFixed(1)} MB → ${(compressed.gzipBytes / 1e6).toFixed(1)} MB) ` +
						`in ${Math.round(performance.now() - started)} ms.`,
				);
			},
		},
	};
}
