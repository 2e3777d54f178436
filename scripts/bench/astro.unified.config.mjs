// @ts-check
import { unified } from '@astrojs/markdown-remark';
import config from '../../astro.config.mjs';
import { rehypeExternalLinks, rehypeHeadingAnchors } from './rehype-plugins.ts';

// The site's own config with Markdown and MDX compiled by unified (remark + rehype) instead of Sätteri.
// Only `npm run bench:build -- --processor unified` uses it, to compare the two processors on the same pages.
export default {
	...config,
	markdown: {
		...config.markdown,
		// remark-gfm ships inside @astrojs/markdown-remark; `gfm: true` turns it on for .md and .mdx alike.
		processor: unified({ gfm: true, rehypePlugins: [rehypeHeadingAnchors, rehypeExternalLinks] }),
	},
};
