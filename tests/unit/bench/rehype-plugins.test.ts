import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import config from '../../../astro.config.mjs';
import { rehypeTwinsOf } from '../../../scripts/bench/rehype-plugins.ts';

const markdown = `# Page title

## Install the \`apk\` tools

Read the [Wolfi docs](https://wolfi.dev/docs/) or the [local guide](/open-source/wolfi/overview/#why-wolfi).

| Package | Version |
| --- | --- |
| apk-tools | 2.14 |

### Install the \`apk\` tools

#### Fourth level

##### Fifth level

A footnote gets its own heading from GFM.[^1]

[^1]: The footnote text.
`;

/** The Sätteri plugins of the site's own config, in order. */
const satteriPlugins = (
	config.markdown?.processor as unknown as { options: { hastPlugins: Parameters<typeof rehypeTwinsOf>[0] } }
).options.hastPlugins;

/** Headings, their wrappers, table wrappers and links: the markup the site's plugins are responsible for. */
function pluginMarkup(html: string): string[] {
	const pattern =
		/<div class="heading-wrapper[\s\S]*?<\/a><\/div>|<div class="table-scroll"[^>]*>|<h[156][^>]*>.*?<\/h[156]>|<a href="[^#"][^"]*"[^>]*>/g;
	return [...html.matchAll(pattern)].map((match) => match[0]);
}

describe('rehype twins of the Sätteri plugins (benchmark only)', () => {
	it('give the same markup as every Sätteri plugin in astro.config.mjs', async () => {
		const satteri = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: satteriPlugins as never });
		const unified = await createMarkdownProcessor({ syntaxHighlight: false, rehypePlugins: rehypeTwinsOf(satteriPlugins) });
		const expected = pluginMarkup((await satteri.render(markdown)).code);
		expect(expected).toHaveLength(8);
		expect(expected).toContain('<a href="https://wolfi.dev/docs/" rel="noopener noreferrer">');
		expect(expected).toContain('<div class="table-scroll" tabindex="0">');
		expect(pluginMarkup((await unified.render(markdown)).code)).toEqual(expected);
	});

	it('refuse a Sätteri plugin that has no rehype twin, so the comparison never does less work', () => {
		expect(() => rehypeTwinsOf([{ name: 'academy-new-plugin' }])).toThrow(
			'astro.config.mjs uses the Sätteri plugin "academy-new-plugin", which has no rehype twin.',
		);
	});
});
