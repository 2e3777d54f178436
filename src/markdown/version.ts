import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareText } from '../lib/compare.ts';
import { versionOf } from '../lib/content-cache.ts';

/** Packages whose code turns Markdown into HTML on this site. */
const MARKDOWN_PACKAGES = ['satteri', '@astrojs/markdown-satteri', '@astrojs/mdx', 'shiki', '@shikijs/transformers'];

/** The package.json of each package, whose version changes whenever its code does. */
export function packageFiles(packages: readonly string[]): string[] {
	return packages.map((pkg) => join('node_modules', pkg, 'package.json'));
}

/** Every file that shapes the HTML of a guide besides its own text (see markdownPipelineVersion), relative to root. */
export function markdownPipelineFiles(root = process.cwd()): string[] {
	const plugins = readdirSync(resolve(root, 'src/markdown'))
		.filter((name) => name.endsWith('.ts'))
		.sort(compareText)
		.map((name) => join('src/markdown', name));
	return [...plugins, 'src/site.config.ts', ...packageFiles(MARKDOWN_PACKAGES)];
}

/**
 * Version of everything that shapes the HTML of a guide besides its own text: every file of src/markdown (the
 * Sätteri plugins, directives, highlighting), the site settings they read and the Markdown packages.
 *
 * Astro keeps a rendered `.md` entry while the file's digest is unchanged, and the incremental build reuses a page
 * while its cacheKey is; neither sees a change in plugin code, so this version goes into every entry's digest.
 */
export function markdownPipelineVersion(root = process.cwd()): string {
	return versionOf(markdownPipelineFiles(root), root);
}
