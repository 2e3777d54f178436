import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { highlightOptions, markdownProcessorOptions } from '../../../src/markdown/config.ts';

type Renderer = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;
let renderer: Renderer;

// The same processor and plugins as the site, so a plugin-order regression shows up as wrong HTML here.
beforeAll(async () => {
	renderer = await createSatteriMarkdownProcessor({
		syntaxHighlight: false,
		...markdownProcessorOptions(highlightOptions(undefined)),
	});
});

const render = async (markdown: string) => (await renderer.render(markdown)).code;

describe('Markdown rendering (Sätteri with the site plugins)', () => {
	it('renders GitHub-flavoured Markdown: tables, task lists, footnotes, strikethrough, autolinks', async () => {
		const html = await render(
			'| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\nText with a note[^1] and ~~old~~ and https://sigstore.dev.\n\n[^1]: The note.\n',
		);
		expect(html).toMatch(/<div class="table-scroll" tabindex="0"><table>/);
		expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
		expect(html).toMatch(/<del>old<\/del>/);
		expect(html).toMatch(/<a href="https:\/\/sigstore.dev"[^>]*rel="noopener noreferrer"/);
		expect(html).toMatch(/data-footnote-ref|footnote/);
	});

	it('gives h2–h4 ids and anchor links outside the heading text, keeping ids unique', async () => {
		const { code, metadata } = await renderer.render('## Verify it\n\n### Verify it\n\n##### Deep\n');
		expect(code).toContain('<h2 id="verify-it">Verify it</h2><a class="anchor-link" href="#verify-it">');
		expect(code).toContain('<h3 id="verify-it-1">Verify it</h3>');
		expect(code).not.toMatch(/<h5[^>]*>.*anchor-link/);
		expect(metadata.headings.map((h) => [h.depth, h.slug, h.text])).toEqual([
			[2, 'verify-it', 'Verify it'],
			[3, 'verify-it-1', 'Verify it'],
			[5, 'deep', 'Deep'],
		]);
	});

	it('frames code blocks with a title, line highlights and a copy button, and output blocks without one', async () => {
		const html = await render(
			'```dockerfile title="Dockerfile" {2}\nFROM cgr.dev/chainguard/go\nUSER 65532\n```\n\n```output\nuid=65532\n```\n',
		);
		expect(html).toMatch(
			/<figure class="code-block is-code has-title" data-language="dockerfile"><figcaption class="code-title">Dockerfile<\/figcaption>/,
		);
		expect(html).toMatch(/<span class="line highlighted">.*USER/);
		expect(html).toContain('data-copy');
		expect(html).toMatch(
			/<figure class="code-block is-output no-title" data-language="output"><pre[^>]*aria-label="Command output"/,
		);
		expect(html.split('data-copy').length - 1).toBe(1);
	});

	it('leaves internal links alone', async () => {
		expect((await render('[digests](/container-images/pinning-by-digest/)')).trim()).toBe(
			'<p><a href="/container-images/pinning-by-digest/">digests</a></p>',
		);
	});
});
