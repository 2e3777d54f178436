import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/lib/compare.ts';
import { guideSocialCardsFromFiles, socialCardImage } from '../../../src/page-models/social-card.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { DIST } from '../../helpers/site.ts';

/** The og:image URL and og:image:alt of a built page, as a crawler reads them (entities decoded). */
function openGraphImage(file: string): { src: string; alt: string } | undefined {
	const found = new Map<string, string>();
	const visit = (node: DefaultTreeAdapterTypes.ParentNode) => {
		for (const child of node.childNodes) {
			if (!('tagName' in child)) continue;
			const attributes = new Map(child.attrs.map((attribute) => [attribute.name, attribute.value]));
			if (child.tagName === 'meta' && attributes.get('property')?.startsWith('og:image')) {
				found.set(attributes.get('property')!, attributes.get('content') ?? '');
			}
			visit(child);
		}
	};
	visit(parse(readFileSync(file, 'utf8')));
	const src = found.get('og:image');
	return src === undefined ? undefined : { src: new URL(src).pathname, alt: found.get('og:image:alt') ?? '' };
}

describe('social cards drawn ahead', () => {
	it('are the cards the built guide pages show: the build starts each one before Vite, from the files alone', () => {
		const ahead = guideSocialCardsFromFiles(siteConfig.contentDir);
		const built = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('index.html'))
			.map((file) => ({ href: `/${file.slice(0, -'index.html'.length)}`, image: openGraphImage(join(DIST, file)) }))
			.filter(({ href, image }) => image && !href.startsWith('/images/'));
		expect(ahead.length).toBeGreaterThan(50);
		const byHref = (a: { href: string }, b: { href: string }) => compareText(a.href, b.href);
		expect(ahead.map(({ href, card }) => ({ href, image: socialCardImage(href, card) })).sort(byHref)).toEqual(
			built.map(({ href, image }) => ({ href, image: expect.objectContaining(image) })).sort(byHref),
		);
	});
});
