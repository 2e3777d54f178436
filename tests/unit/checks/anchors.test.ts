import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSatteriMarkdownProcessor, satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { collectAnchors, parseDoc } from '../../../src/checks/parse.ts';
import { highlightOptions, markdownProcessorOptions } from '../../../src/markdown/config.ts';

const SOURCE = `---
title: Anchors
---
import { Badge } from '@/components';

## Use \`docker run\` with <Badge text="New" />

## Image ![a diagram](/x.png) alt

## A & B *em* [link](/x/)

## Dup

## Dup

### Expression {1 + 1} here

## Über café — “quotes”

<div id="explicit">An explicit anchor.</div>
`;

describe('anchors', () => {
	it('slugs headings exactly as Astro does and adds explicit ids', async () => {
		const data: Record<string, unknown> = {
			astro: { frontmatter: { title: 'Anchors' }, localImagePaths: new Set(), remoteImagePaths: new Set() },
		};
		const result = await mdxToJs(SOURCE, { hastPlugins: [satteriHeadingIdsPlugin()], data });
		const astroSlugs = (result.data.astro as { headings: { slug: string }[] }).headings.map((heading) => heading.slug);
		expect(astroSlugs).toHaveLength(7);
		expect([...collectAnchors(mdxToMdast(SOURCE))]).toEqual([...astroSlugs, 'explicit']);
	});

	it('slugs headings with dashes, quotes and ellipses as the site build does (smart punctuation)', async () => {
		const source = '---\ntitle: Dashes\n---\n\n## COPY --from keeps the owner\n\n## Wait... "really" -- yes---no\n';
		// The site's own Markdown processor and features, as the build renders guides.
		const processor = await createSatteriMarkdownProcessor({
			syntaxHighlight: false,
			...markdownProcessorOptions(highlightOptions(undefined)),
		});
		const built = [...(await processor.render(source)).code.matchAll(/<h2 id="([^"]*)"/g)].map((match) => match[1]);
		const directory = mkdtempSync(path.join(tmpdir(), 'anchors-'));
		try {
			writeFileSync(path.join(directory, 'dashes.md'), source);
			const { doc } = parseDoc(directory, path.join(directory, 'dashes.md'), '/dashes/', 'docs');
			expect(built).toEqual(['copy-from-keeps-the-owner', expect.any(String)]);
			expect([...doc.anchors]).toEqual(built);
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	});
});
