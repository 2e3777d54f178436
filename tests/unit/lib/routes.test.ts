import { describe, expect, it } from 'vitest';
import { docPath, docPathForFile, entryFolder, imagesLinkedFrom, isIndexEntry, pageFileRoute } from '../../../src/lib/routes.ts';

describe('guide routes', () => {
	it('maps entry ids to URLs', () => {
		expect(docPath('open-source/wolfi/overview')).toBe('/open-source/wolfi/overview/');
		expect(docPath('open-source/index')).toBe('/open-source/');
		expect(docPath('index')).toBe('/');
	});

	it.each([
		['open-source/wolfi/overview.mdx', '/open-source/wolfi/overview/'],
		['open-source/wolfi/index.mdx', '/open-source/wolfi/'],
		['container-images/guide.md', '/container-images/guide/'],
		['index.mdx', '/'],
	])('%s is published at %s', (file, route) => {
		expect(docPathForFile(file)).toBe(route);
	});

	it('tells landing pages from guides whose name ends in "index"', () => {
		expect(['index', 'open-source/index', 'open-source/wolfi/index'].map(isIndexEntry)).toEqual([true, true, true]);
		expect(['reindex', 'open-source/reindex', 'open-source/index-of-tools'].map(isIndexEntry)).toEqual([false, false, false]);
		expect(docPath('open-source/reindex')).toBe('/open-source/reindex/');
		expect([entryFolder('open-source/wolfi/index'), entryFolder('open-source/reindex'), entryFolder('index')]).toEqual([
			'open-source/wolfi',
			'open-source',
			'',
		]);
	});
});

describe('page template routes', () => {
	it.each([
		['index.astro', { kind: 'static', route: '/' }],
		['search.astro', { kind: 'static', route: '/search/' }],
		['images/index.astro', { kind: 'static', route: '/images/' }],
		['images/packages.astro', { kind: 'static', route: '/images/packages/' }],
		['rss.xml.ts', { kind: 'static', route: '/rss.xml' }],
		['404.astro', { kind: 'static', route: '/404.html' }],
		['images/[...name].astro', { kind: 'dynamic', prefix: '/images/' }],
		['tags/[tag].astro', { kind: 'dynamic', prefix: '/tags/' }],
		['[...slug].astro', { kind: 'dynamic', prefix: '/' }],
	])('%s publishes %j', (file, route) => {
		expect(pageFileRoute(file)).toEqual(route);
	});
});

describe('image links in guides', () => {
	it('finds image links in guide bodies', () => {
		expect(
			imagesLinkedFrom('See [static](/images/static/) and [go](/images/go/#tags), not [/images/packages/](/images/packages/).'),
		).toEqual(['static', 'go']);
	});
});
