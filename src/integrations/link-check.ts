import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { MISSING_IMAGE_ATTRIBUTE, missingImagesIn } from '../lib/image-links.ts';
import { fileToUrlPath, findBrokenLinks, type BuiltPage } from '../lib/link-check.ts';
import { compareText } from '../lib/compare.ts';

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

/**
 * Fail the build when a page links to a page, file or #fragment of the site that does not exist. Image names that a
 * live build showed without their link (the registry lacks the image) are listed in one warning instead.
 */
export function linkCheckIntegration(): AstroIntegration {
	return {
		name: 'academy-link-check',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const { pages, assets } = await readOutput(fileURLToPath(dir).replace(/\/$/, ''));
				const missing = missingImagesReport(pages);
				if (missing.length > 0) {
					logger.warn(
						`${missing.length} image(s) that guides or overviews link to are not in this build's catalog, so their links are shown as plain text:\n${missing.join('\n')}`,
					);
				}
				const broken = findBrokenLinks(pages, assets);
				if (broken.length === 0) {
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
