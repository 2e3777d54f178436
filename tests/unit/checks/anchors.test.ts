import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { collectAnchors } from '../../../src/checks/parse.ts';

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
});
