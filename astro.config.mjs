// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteConfig } from './src/site.config.ts';
import { markdownPlugins, shikiOptions } from './src/markdown/config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { linkCheckIntegration } from './src/integrations/link-check.ts';
import { aliasesInContent } from './src/lib/redirects.ts';

// Redirect pages for old URLs are not content: keep them out of the sitemap.
const aliasUrls = new Set(aliasesInContent(siteConfig.contentDir).map((alias) => new URL(alias, siteConfig.url).href));

export default defineConfig({
	site: siteConfig.url,
	// Tests that build variants of the site side by side (hostile data, live registry) give each its own cache.
	cacheDir: process.env.ACADEMY_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	build: { format: 'directory' },
	markdown: {
		// Sätteri (Astro 7's Rust pipeline) has GFM built in; our plugins are Sätteri hast visitors.
		processor: satteri({ hastPlugins: markdownPlugins() }),
		shikiConfig: await shikiOptions(),
	},
	integrations: [
		mdx({ optimize: true }),
		sitemap({ filter: (page) => !page.includes('/404') && !aliasUrls.has(page) }),
		pagefindIntegration(),
		linkCheckIntegration(),
	],
});
