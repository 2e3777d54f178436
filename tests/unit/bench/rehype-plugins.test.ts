import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { rehypeExternalLinks, rehypeHeadingAnchors } from '../../../scripts/bench/rehype-plugins.ts';
import { headingAnchors } from '../../../src/markdown/heading-anchors.ts';
import { externalLinks } from '../../../src/markdown/external-links.ts';

const markdown = `# Page title

## Install the \`apk\` tools

Read the [Wolfi docs](https://wolfi.dev/docs/) or the [local guide](/open-source/wolfi/overview/#why-wolfi).

### Install the \`apk\` tools

#### Fourth level

##### Fifth level

A footnote gets its own heading from GFM.[^1]

[^1]: The footnote text.
`;

/** Headings, their wrappers and links: the markup the two plugins are responsible for. */
function pluginMarkup(html: string): string[] {
	return [
		...html.matchAll(/<div class="heading-wrapper[\s\S]*?<\/a><\/div>|<h[156][^>]*>.*?<\/h[156]>|<a href="[^#"][^"]*"[^>]*>/g),
	].map((match) => match[0]);
}

describe('rehype twins of the Sätteri plugins (benchmark only)', () => {
	it('produce the same heading anchors and external link attributes as the Sätteri plugins', async () => {
		const satteri = await createSatteriMarkdownProcessor({
			syntaxHighlight: false,
			hastPlugins: [headingAnchors(), externalLinks()],
		});
		const unified = await createMarkdownProcessor({
			syntaxHighlight: false,
			rehypePlugins: [rehypeHeadingAnchors, rehypeExternalLinks],
		});
		const expected = pluginMarkup((await satteri.render(markdown)).code);
		expect(expected).toHaveLength(8);
		expect(expected).toContain('<a href="https://wolfi.dev/docs/" rel="noopener noreferrer">');
		expect(pluginMarkup((await unified.render(markdown)).code)).toEqual(expected);
	});
});
