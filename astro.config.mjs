// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteConfig } from './src/site.config.ts';
import { markdownProcessorOptions } from './src/markdown/config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { linkCheckIntegration } from './src/integrations/link-check.ts';
import { hostingIntegration } from './src/integrations/hosting.ts';
import { mdxCompileCacheIntegration } from './src/integrations/mdx-cache.ts';
import { socialCardsIntegration } from './src/integrations/social-cards.ts';
import { drawSocialCardsAhead } from './src/data/social-cards.ts';
import { projectModule, runInWorker } from './src/lib/run-in-worker.ts';
import { aliasesInContent } from './src/lib/redirects.ts';
import { astroCspConfig } from './src/hosting/csp.ts';

// Redirect pages for old URLs are not content: keep them out of the sitemap.
const aliasUrls = new Set(aliasesInContent(siteConfig.contentDir).map((alias) => new URL(alias, siteConfig.url).href));

// Pagefind indexes in its own process: the link check and the CSP hashes run meanwhile, and the hosting step waits
// for the index before it compresses every file.
const search = pagefindIntegration();

export default defineConfig({
	site: siteConfig.url,
	// Tests that build variants of the site side by side (hostile data, live registry) give each its own cache.
	cacheDir: process.env.ACADEMY_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	// Pages whose cacheKey (content digest + site structure) and code did not change are reused from the last build.
	experimental: { incrementalBuild: true },
	vite: {
		build: {
			// Never inline scripts or assets as data: URLs (see build.inlineStylesheets).
			assetsInlineLimit: 0,
			rolldownOptions: {
				// Every MDX module carries Astro's "use astro:head-inject" marker, and Rolldown warns once per file; the
				// marker is handled by Astro, so the warning is noise that would hide real ones.
				onLog(level, log, handler) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
					handler(level, log);
				},
			},
		},
	},
	build: {
		format: 'directory',
		// Scripts and styles go to hashed files under /_astro/ instead of inline copies on every page: they are cached
		// once for the whole site, and the Content Security Policy stays short (hosts limit header length).
		inlineStylesheets: 'never',
	},
	// Each page carries a <meta> Content-Security-Policy with the hashes of what Astro emits; the hosting files
	// (dist/_headers, dist/_nginx.conf) send the full policy as a header, which can also forbid framing.
	security: { csp: astroCspConfig() },
	markdown: {
		// Sätteri (Astro 7's Rust pipeline) has GFM built in; our plugins are Sätteri visitors. Code is highlighted
		// by our own cached plugin instead of Astro's, so unchanged blocks cost nothing on the next build. The same
		// options (directives included) apply to .md and .mdx, so a guide's syntax does not depend on its extension.
		processor: satteri(markdownProcessorOptions()),
		syntaxHighlight: false,
	},
	integrations: [
		mdx({ optimize: true }),
		// In `astro build`, an unchanged .mdx module is not compiled again: its JavaScript comes from the last build.
		mdxCompileCacheIntegration(),
		// Before Vite bundles the pages: a worker thread reads the guides' cards from their files (half a second on a
		// 600-guide site, kept off the main thread), then worker threads draw the ones the cache lacks.
		socialCardsIntegration(async () => {
			/** @type {ReturnType<typeof import('./src/page-models/social-card.ts').guideSocialCardsFromFiles>} */
			const pages = await runInWorker(projectModule('src/page-models/social-card.ts'), 'guideSocialCardsFromFiles');
			return drawSocialCardsAhead(pages.map(({ card }) => card));
		}),
		sitemap({ filter: (page) => !page.includes('/404') && !aliasUrls.has(page) }),
		search,
		linkCheckIntegration(),
		// Last: it hashes the final pages and compresses every file, the search index included.
		hostingIntegration({ filesWrittenBy: [search.indexWritten] }),
	],
});
