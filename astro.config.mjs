// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { transformerMetaHighlight, transformerNotationDiff } from '@shikijs/transformers';
import { siteConfig, codeLanguages } from './src/site.config.ts';
import { headingAnchors } from './src/markdown/heading-anchors.ts';
import { externalLinks } from './src/markdown/external-links.ts';
import { scrollableTables } from './src/markdown/tables.ts';
import { codeBlockFrame } from './src/markdown/code-blocks.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { linkCheckIntegration } from './src/integrations/link-check.ts';

export default defineConfig({
	site: siteConfig.url,
	// Tests that build variants of the site side by side (hostile data, live registry) give each its own cache.
	cacheDir: process.env.ACADEMY_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	build: { format: 'directory' },
	markdown: {
		// Sätteri (Astro 7's Rust pipeline) has GFM built in; our two small plugins are Sätteri hast visitors.
		processor: satteri({ hastPlugins: [headingAnchors(), externalLinks(), scrollableTables()] }),
		shikiConfig: {
			// The high-contrast light theme keeps every token above 4.5:1 on our code background (WCAG AA).
			themes: { light: 'github-light-high-contrast', dark: 'github-dark' },
			defaultColor: false,
			langs: [...codeLanguages],
			langAlias: { output: 'plaintext', text: 'plaintext', txt: 'plaintext' },
			transformers: [transformerMetaHighlight(), transformerNotationDiff(), codeBlockFrame()],
		},
	},
	integrations: [
		mdx({ optimize: true }),
		sitemap({ filter: (page) => !page.includes('/404') }),
		pagefindIntegration(),
		linkCheckIntegration(),
	],
});
