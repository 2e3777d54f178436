import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformerMetaHighlight, transformerNotationDiff } from '@shikijs/transformers';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import { codeBlockFrame } from './code-blocks.ts';
import { markdownDirectives, markdownFeatures } from './directives.ts';
import { externalLinks } from './external-links.ts';
import { headingAnchors } from './heading-anchors.ts';
import { cachedHighlight, type HighlightOptions } from './highlight.ts';
import { scrollableTables } from './tables.ts';

/** Version of everything that shapes a highlighted block, so a cache entry is never reused across changes. */
function highlightCacheVersion(): string {
	const hash = createHash('sha256');
	for (const pkg of ['shiki', '@shikijs/transformers']) hash.update(readFileSync(resolve('node_modules', pkg, 'package.json')));
	for (const file of ['code-blocks.ts', 'highlight.ts', 'config.ts', 'languages.ts'])
		hash.update(readFileSync(resolve('src/markdown', file)));
	hash.update(readFileSync(resolve('src/site.config.ts')));
	return hash.digest('hex').slice(0, 16);
}

/** Highlighting settings: two themes that follow the theme switch, our frame, and a cache next to Astro's. */
export function highlightOptions(
	cacheRoot: string | undefined = process.env.ACADEMY_CACHE_DIR || 'node_modules/.astro',
): HighlightOptions {
	return {
		// The high-contrast light theme keeps every token above 4.5:1 on our code background (WCAG AA).
		themes: { light: 'github-light-high-contrast', dark: 'github-dark' },
		langAlias: { output: 'plaintext', text: 'plaintext', txt: 'plaintext' },
		transformers: [transformerMetaHighlight(), transformerNotationDiff(), codeBlockFrame()],
		cacheDir: cacheRoot ? join(cacheRoot, 'academy-highlight') : undefined,
		cacheVersion: highlightCacheVersion(),
	};
}

/** The Sätteri hast plugins every guide goes through, in order: code first, like Astro's own highlighter. */
export function markdownPlugins(options: HighlightOptions = highlightOptions()): HastPluginEntry[] {
	return [cachedHighlight(options), headingAnchors(), externalLinks(), scrollableTables()];
}

/** The Sätteri options for `.md` and `.mdx` alike: directive plugins on the Markdown tree, the rest on the HTML tree. */
export function markdownProcessorOptions(options?: HighlightOptions): Required<SatteriProcessorOptions> {
	return { features: markdownFeatures, mdastPlugins: markdownDirectives(), hastPlugins: markdownPlugins(options) };
}
