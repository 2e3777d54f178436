import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
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

/** Fail the build when a page links to a page, file or #fragment of the site that does not exist. */
export function linkCheckIntegration(): AstroIntegration {
	return {
		name: 'academy-link-check',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const { pages, assets } = await readOutput(fileURLToPath(dir).replace(/\/$/, ''));
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
