import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { compareText } from '../lib/compare.ts';
import { readBuildState, versionOf, writeBuildState } from '../lib/content-cache.ts';
import { MISSING_IMAGE_ATTRIBUTE, missingImagesIn } from '../lib/image-links.ts';
import { checkLinks, fileToUrlPath, type BuiltPage, type LinkCheckState } from '../lib/link-check.ts';

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
 *
 * The result depends only on the built files, so after a check that passed only what an edit can break is checked
 * again (see checkLinks): a build with no change checks no page, a one-guide edit that guide and the pages linking to
 * a heading it changed. The state of the last pass is kept in Astro's cacheDir.
 */
export function linkCheckIntegration(): AstroIntegration {
	let stateFile = '';
	return {
		name: 'academy-link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				stateFile = join(fileURLToPath(config.cacheDir), 'academy-link-check', 'passed.json');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { pages, assets } = await readOutput(fileURLToPath(dir).replace(/\/$/, ''));
				const missing = missingImagesReport(pages);
				if (missing.length > 0) {
					logger.warn(
						`${missing.length} image(s) that guides or overviews link to are not in this build's catalog, so their links are shown as plain text:\n${missing.join('\n')}`,
					);
				}
				const version = versionOf(['src/lib/link-check.ts', 'src/lib/html.ts', 'src/integrations/link-check.ts']);
				const { broken, checked, state } = checkLinks(pages, assets, await readBuildState<LinkCheckState>(stateFile, version));
				if (broken.length === 0) {
					await writeBuildState(stateFile, version, state);
					const reused = pages.length - checked;
					logger.info(`Checked internal links of ${checked} pages (${reused} unchanged since the last pass): none broken.`);
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
