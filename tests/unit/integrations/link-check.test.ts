import { describe, expect, it } from 'vitest';
import { linkCheckFingerprint, missingImagesReport } from '../../../src/integrations/link-check.ts';
import { degradeImageLinks } from '../../../src/lib/image-links.ts';

const pages = [
	{ path: '/a/', html: '<a href="/b/">B</a>' },
	{ path: '/b/', html: '<h2 id="x">X</h2>' },
];
const assets = new Set(['/logo.svg', '/_astro/site.css']);

describe('fingerprint of what the link check reads', () => {
	it('is the same for the same pages and assets in any order', () => {
		const first = linkCheckFingerprint(pages, assets, 'v1');
		expect(linkCheckFingerprint([...pages].reverse(), new Set([...assets].reverse()), 'v1')).toBe(first);
	});

	it('changes with a page, an asset or the checker', () => {
		const first = linkCheckFingerprint(pages, assets, 'v1');
		const edited = [pages[0]!, { path: '/b/', html: '<h2 id="y">X</h2>' }];
		const variants = [
			linkCheckFingerprint(edited, assets, 'v1'),
			linkCheckFingerprint(pages.slice(0, 1), assets, 'v1'),
			linkCheckFingerprint(pages, new Set(['/logo.svg']), 'v1'),
			linkCheckFingerprint(pages, assets, 'v2'),
		];
		expect(new Set([first, ...variants]).size).toBe(5);
	});
});

describe('missingImagesReport', () => {
	it('lists each image shown without its link once, with the pages that mention it, in code-unit order', () => {
		const available = new Set(['webapp']);
		const page = (path: string, html: string) => ({ path, html: degradeImageLinks(html, available).html });
		const report = missingImagesReport([
			page('/b/', '<a href="/images/python/">python</a> <a href="/images/node/">node</a>'),
			page('/a/', '<a href="/images/python/#pull">python</a> <a href="/images/webapp/">webapp</a>'),
			page('/c/', '<p>nothing</p>'),
		]);
		expect(report).toEqual(['  node: /b/', '  python: /a/, /b/']);
		expect(missingImagesReport([{ path: '/', html: '<a href="/images/python/">python</a>' }])).toEqual([]);
	});
});
