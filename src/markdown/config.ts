import { join } from 'node:path';
import { transformerMetaHighlight, transformerNotationDiff } from '@shikijs/transformers';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import { codeBlockFrame } from './code-blocks.ts';
import { markdownDirectives, markdownFeatures } from './directives.ts';
import { externalLinks } from './external-links.ts';
import { headingAnchors } from './heading-anchors.ts';
import { cachedHighlight, type HighlightOptions } from './highlight.ts';
import { scrollableTables } from './tables.ts';
import { versionOf } from '../lib/content-cache.ts';
import { packageFiles } from './version.ts';

/** Version of everything that shapes a highlighted block, so a cache entry is never reused across changes. */
function highlightCacheVersion(): string {
	const files = ['code-blocks.ts', 'highlight.ts', 'config.ts', 'languages.ts'].map((file) => `src/markdown/${file}`);
	return versionOf([...files, 'src/site.config.ts', ...packageFiles(['shiki', '@shikijs/transformers'])]);
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
