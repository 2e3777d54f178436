import { describe, expect, it } from 'vitest';
import { buildGuideIndex } from '../../../src/data/guide-index.ts';
import { buildImageCatalog } from '../../../src/data/image-catalog.ts';
import { catalogCounts, countGuides, homeModel } from '../../../src/page-models/home.ts';
import { TEST_TAGS, docEntry } from '../../helpers/collection-entries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const SECTIONS = [
	{ path: 'open-source', label: 'Open source' },
	{ path: 'container-images', label: 'Container images' },
];
const entries = [
	docEntry('open-source/index', { title: 'Open source' }),
	docEntry('open-source/wolfi/index', { title: 'Wolfi' }),
	docEntry('open-source/wolfi/overview', { updated: '2026-03-01' }),
	docEntry('open-source/melange/getting-started', { updated: '2026-05-01' }),
	docEntry('container-images/index', { title: 'Container images', updated: '2026-09-01' }),
	docEntry('container-images/non-root-users', { updated: '2026-05-01' }),
];
const site = buildGuideIndex(entries, {
	sections: SECTIONS,
	gitDates: new Map(),
	tags: TEST_TAGS,
	learningPaths: [
		{
			id: 'wolfi-basics',
			title: 'Wolfi basics',
			description: 'What Wolfi is and how to package for it, in the order a newcomer needs them.',
			section: 'open-source',
			guides: ['open-source/wolfi/overview', 'open-source/melange/getting-started'],
		},
	],
});
const source = (demoData: boolean) => ({
	mode: 'snapshot' as const,
	schemaVersion: 1,
	registry: 'cgr.dev',
	namespace: 'chainguard',
	demo: demoData,
	syncedAt: '2025-07-01T00:00:00.000Z',
	repositories: [],
});

describe('home page', () => {
	it('counts the guides of a section in every folder below it, without landing pages', () => {
		expect(countGuides(site, 'open-source')).toBe(2);
		expect(countGuides(site, 'container-images')).toBe(1);
		expect(countGuides(site, 'open')).toBe(0);
	});

	it('counts images, distinct packages and tagged variants, and says whether the data is a demo', () => {
		const images = [demo.image('python'), demo.image('static')];
		const packages = new Set(
			images
				.flatMap((image) =>
					image.variants.flatMap((variant) => variant.platforms.flatMap((platform) => platform.sbom?.packages ?? [])),
				)
				.map((pkg) => pkg.name),
		);
		const counts = catalogCounts(buildImageCatalog({ images, overviews: [], source: source(true), guides: [] }));
		expect(counts).toEqual({
			images: 2,
			packages: packages.size,
			variants: images[0]!.variants.length + images[1]!.variants.length,
			demo: true,
			source: 'cgr.dev/chainguard',
			syncedOn: 'Jul 1, 2025',
		});
		expect(counts.packages).toBeGreaterThan(1);
		expect(catalogCounts(buildImageCatalog({ images, overviews: [], source: source(false), guides: [] })).demo).toBe(false);
	});

	it('shows the sections with counts, the paths as steps and the latest guides, newest first', () => {
		const home = homeModel(site, buildImageCatalog({ images: [], overviews: [], source: source(true), guides: [] }));
		expect(home.sections).toMatchObject([
			{ label: 'Open source', href: '/open-source/', guides: 2 },
			{ label: 'Container images', href: '/container-images/', guides: 1 },
		]);
		expect(home.paths).toEqual([
			{
				id: 'wolfi-basics',
				title: 'Wolfi basics',
				description: 'What Wolfi is and how to package for it, in the order a newcomer needs them.',
				href: '/paths/wolfi-basics/',
				section: 'Open source',
				summary: '2 guides · about 2 min of reading',
				steps: [
					{ title: 'Title of open-source/wolfi/overview', href: '/open-source/wolfi/overview/' },
					{ title: 'Title of open-source/melange/getting-started', href: '/open-source/melange/getting-started/' },
				],
			},
		]);
		expect(home.recent.map((guide) => [guide.href, guide.section])).toEqual([
			['/container-images/non-root-users/', 'Container images'],
			['/open-source/melange/getting-started/', 'Open source'],
			['/open-source/wolfi/overview/', 'Open source'],
		]);
	});
});
