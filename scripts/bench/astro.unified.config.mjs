// @ts-check
import { unified } from '@astrojs/markdown-remark';
import config from '../../astro.config.mjs';
import { rehypeTwinsOf } from './rehype-plugins.ts';
import { highlightOptions } from '../../src/markdown/config.ts';

// The site's own config with Markdown and MDX compiled by unified (remark + rehype) instead of Sätteri.
// Only `npm run bench:build -- --processor unified` uses it, to compare the two processors on the same pages.
const satteriPlugins = /** @type {any} */ (config.markdown?.processor)?.options?.hastPlugins ?? [];

export default {
	...config,
	markdown: {
		...config.markdown,
		// remark-gfm ships inside @astrojs/markdown-remark; `gfm: true` turns it on for .md and .mdx alike.
		processor: unified({ gfm: true, rehypePlugins: rehypeTwinsOf(satteriPlugins) }),
		// The site highlights code in its own Sätteri plugin; under unified, Astro's shiki step does the same work.
		syntaxHighlight: 'shiki',
		shikiConfig: (({ themes, langAlias, transformers }) => ({ themes, langAlias, transformers, defaultColor: false }))(
			highlightOptions(),
		),
	},
};
