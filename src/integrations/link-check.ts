import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { compareText } from '../lib/compare.ts';
import { versionOf } from '../lib/content-cache.ts';
import { MISSING_IMAGE_ATTRIBUTE, missingImagesIn } from '../lib/image-links.ts';
import { fileToUrlPath, findBrokenLinks, type BuiltPage } from '../lib/link-check.ts';

/** Read every file of the output folder as built pages (HTML) and asset paths (everything else). */
async function readOutput(outDir: string): Promise<{ pages: BuiltPage[]; assets: Set<string> }> {
	const files = await readdir(outDir, { recursive: true, withFileTypes: true });
	const pages: BuiltPage[] = [];
	const assets = new Set<string>();
	for (const file of files) {
		if (!file.isFile()) continue;
		const relative = join(file.parentPath, file.name).slice(outDir.length + 1);
		const path = fileToUrlPath(relative);
		if (file.name.endsWith('.html')) pages.push({ path, html: await readFile(join(file.parentPath, file.name), 'utf8') });
		else assets.add(path);
	}
	return { pages, assets };
}

/**
 * One line per image that pages mention without a page for it (a live build of a registry that lacks it), with the
 * pages that mention it; empty when there are none.
 */
export function missingImagesReport(pages: readonly BuiltPage[]): string[] {
	const byImage = new Map<string, Set<string>>();
	for (const page of pages) {
		if (!page.html.includes(MISSING_IMAGE_ATTRIBUTE)) continue;
		for (const name of missingImagesIn(page.html)) (byImage.get(name) ?? byImage.set(name, new Set()).get(name)!).add(page.path);
	}
	return [...byImage]
		.sort(([a], [b]) => compareText(a, b))
		.map(([name, where]) => `  ${name}: ${[...where].sort(compareText).join(', ')}`);
}

/** A hash of everything the check reads (each page's path and HTML, the asset paths) and of the checker's code. */
export function linkCheckFingerprint(pages: readonly BuiltPage[], assets: ReadonlySet<string>, version: string): string {
	const hash = createHash('sha256').update(version).update('\0');
	for (const page of [...pages].sort((a, b) => compareText(a.path, b.path))) {
		hash.update(page.path).update('\0').update(page.html).update('\0');
	}
	for (const asset of [...assets].sort(compareText)) hash.update(asset).update('\0');
	return hash.digest('hex');
}

/**
 * Fail the build when a page links to a page, file or #fragment of the site that does not exist. Image names that a
 * live build showed without their link (the registry lacks the image) are listed in one warning instead.
 *
 * The result depends only on the built files, so a build whose pages and assets are those of an earlier build that
 * passed (a build with no change) skips the check: a marker named by their fingerprint records the pass.
 */
export function linkCheckIntegration(): AstroIntegration {
	let passedDir = '';
	return {
		name: 'academy-link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				passedDir = join(fileURLToPath(config.cacheDir), 'academy-link-check');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { pages, assets } = await readOutput(fileURLToPath(dir).replace(/\/$/, ''));
				const missing = missingImagesReport(pages);
				if (missing.length > 0) {
					logger.warn(
						`${missing.length} image(s) that guides or overviews link to are not in this build's catalog, so their links are shown as plain text:\n${missing.join('\n')}`,
					);
				}
				const version = versionOf(['src/lib/link-check.ts', 'src/integrations/link-check.ts']);
				const passed = join(passedDir, linkCheckFingerprint(pages, assets, version));
				if (existsSync(passed)) {
					logger.info(`No page changed since links were last checked: ${pages.length} pages, none broken.`);
					return;
				}
				const broken = findBrokenLinks(pages, assets);
				if (broken.length === 0) {
					// Keep one marker: an earlier build's pages will not come back as they were.
					await rm(passedDir, { recursive: true, force: true });
					await mkdir(passedDir, { recursive: true });
					await writeFile(`${passed}.${process.pid}.tmp`, '');
					await rename(`${passed}.${process.pid}.tmp`, passed);
					logger.info(`Checked internal links of ${pages.length} pages: none broken.`);
					return;
				}
				const lines = broken.map(({ page, link, reason }) => `  ${page}: ${link} → ${reason}`);
				throw new AstroError(
					`${broken.length} broken internal link(s):\n${lines.join('\n')}`,
					'Fix the link in the guide (site-root-relative, with a trailing slash) or the heading it points to.',
				);
			},
		},
	};
}
