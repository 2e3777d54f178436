import { describe, expect, it } from 'vitest';
import { buildImageCatalog, type ImageSourceData } from '../../../src/data/image-catalog.ts';
import { docEntry, overviewEntry } from '../../helpers/collection-entries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const source = (mode: 'snapshot' | 'live'): ImageSourceData => ({
	mode,
	schemaVersion: 1,
	registry: 'cgr.dev',
	namespace: 'chainguard',
	demo: true,
	syncedAt: '2025-07-01T00:00:00.000Z',
	repositories: [],
});

describe('image catalog data', () => {
	it('sorts images by name and lists the guides that link to each one', () => {
		const catalog = buildImageCatalog({
			images: [demo.image('static'), demo.image('python'), demo.image('jq')],
			overviews: [overviewEntry('python', 'A Python runtime for applications.')],
			source: source('snapshot'),
			guides: [
				docEntry('b/second', { title: 'Second' }, 'Use [python](/images/python/) or [jq](/images/jq/#tags).'),
				docEntry('a/first', { title: 'First' }, 'Start from [python](/images/python/).'),
			],
		});
		expect(catalog.images.map((image) => image.name)).toEqual(['jq', 'python', 'static']);
		expect(catalog.mentions.get('python')).toEqual([
			{ title: 'Second', href: '/b/second/' },
			{ title: 'First', href: '/a/first/' },
		]);
		expect(catalog.mentions.get('static')).toBeUndefined();
		expect(catalog.overviews.get('python')?.data.category).toBe('Base');
		expect(catalog.sidebar.render('/images/')).toBe(
			'<ul class="sidebar-tree sidebar-images"><li><a href="/images/jq/">jq</a></li>' +
				'<li><a href="/images/python/">python</a></li><li><a href="/images/static/">static</a></li></ul>',
		);
	});

	it('keeps an overview of an image this build lacks: the images loader has checked the overviews already', () => {
		const catalog = buildImageCatalog({
			images: [demo.image('jq')],
			overviews: [overviewEntry('nope', 'An overview of nothing at all.')],
			source: source('live'),
			guides: [],
		});
		expect(catalog.overviews.has('nope')).toBe(true);
	});

	it('shows image pages a window of the images and links to the catalog for the rest', () => {
		const images = Array.from({ length: 45 }, (_, index) => ({
			...demo.image('jq'),
			name: `image-${String(index).padStart(2, '0')}`,
		}));
		const catalog = buildImageCatalog({ images, overviews: [], source: source('live'), guides: [] });
		const html = catalog.sidebar.render('/images/image-44/');
		expect(html.match(/<li><a href="\/images\/image-\d+\/"/g)).toHaveLength(40);
		expect(html).toContain('<a href="/images/image-44/" aria-current="page">image-44</a>');
		expect(html).not.toContain('href="/images/image-04/"');
		expect(html).toContain('<li class="sidebar-more"><a href="/images/">All 45 images</a></li>');
	});
});
