import { describe, expect, it } from 'vitest';
import { buildGuideIndex } from '../../../src/data/guide-index.ts';
import { guidePageModel } from '../../../src/page-models/guide-page.ts';
import { prepareLinkList } from '../../../src/lib/sidebar-html.ts';
import { generateRouteData } from '../../../src/page-models/route-data.ts';
import { TEST_TAGS, docEntry } from '../../helpers/collection-entries.ts';

const overview = docEntry('open-source/wolfi/overview', { tags: ['wolfi', 'sbom'] }, 'One two three.');
const entries = [
	docEntry('open-source/index', { title: 'Open source' }),
	docEntry('open-source/wolfi/index', { title: 'Wolfi' }),
	overview,
	docEntry('open-source/wolfi/packages', { toc: false }),
];
const site = buildGuideIndex(entries, {
	sections: [{ path: 'open-source', label: 'Open source' }],
	gitDates: new Map(),
	tags: TEST_TAGS,
	learningPaths: [
		{
			id: 'wolfi-basics',
			title: 'Wolfi basics',
			description: 'What Wolfi is and how its packages are listed, in the order a newcomer needs them.',
			section: 'open-source',
			guides: ['open-source/wolfi/overview', 'open-source/wolfi/packages'],
		},
	],
});
const headings = [
	{ depth: 2, slug: 'install', text: 'Install' },
	{ depth: 3, slug: 'on-arm', text: 'On Arm' },
];

describe('route data', () => {
	it('derives section, sidebar, breadcrumbs and neighbours from the URL, with empty defaults', () => {
		const route = generateRouteData(site, {
			title: 'Overview',
			description: 'About Wolfi.',
			href: '/open-source/wolfi/overview/',
		});
		expect(route).toMatchObject({
			section: 'open-source',
			breadcrumbs: [
				{ label: 'Home', href: '/' },
				{ label: 'Open source', href: '/open-source/' },
				{ label: 'Wolfi', href: '/open-source/wolfi/' },
			],
			toc: [],
			tags: [],
			lastUpdated: undefined,
			readingMinutes: undefined,
			editUrl: undefined,
			searchFilters: {},
		});
		expect(route.prev?.href).toBe('/open-source/wolfi/');
		expect(route.next?.href).toBe('/open-source/wolfi/packages/');
		expect(route.sidebarHtml).toContain('href="/open-source/wolfi/overview/"');
	});

	it('keeps what a page outside the guides states, with no neighbours', () => {
		const route = generateRouteData(site, {
			title: 'python',
			description: 'Python.',
			href: '/images/python/',
			breadcrumbs: [{ label: 'Home', href: '/' }],
			tags: ['sbom', 'unknown-tag'],
		});
		expect(route).toMatchObject({
			section: 'images',
			prev: undefined,
			next: undefined,
			breadcrumbs: [{ label: 'Home', href: '/' }],
		});
		expect(route.tags).toEqual([
			{ id: 'sbom', label: 'SBOM' },
			{ id: 'unknown-tag', label: 'unknown-tag' },
		]);
		expect(route.sidebarHtml).toBe(site.sectionLinks.render('/images/python/'));
		expect(route.sidebarName).toBe('Guides');
		expect(route.learningPaths).toEqual([]);
	});

	it('gives a page the sidebar it asks for, with its name and filter', () => {
		const route = generateRouteData(site, {
			title: 'python',
			description: 'Python.',
			href: '/images/python/',
			sidebar: {
				prepared: prepareLinkList([{ label: 'python', href: '/images/python/' }], 'sidebar-images'),
				name: 'Images',
				filter: 'Filter images',
			},
		});
		expect(route).toMatchObject({
			sidebarHtml:
				'<ul class="sidebar-tree sidebar-images"><li><a href="/images/python/" aria-current="page">python</a></li></ul>',
			sidebarName: 'Images',
			sidebarFilter: 'Filter images',
		});
	});

	it('places a guide in its learning paths: Part N of M, and the next step until the last part', () => {
		const first = generateRouteData(site, {
			title: 'Overview',
			description: 'About Wolfi.',
			href: '/open-source/wolfi/overview/',
		});
		expect(first.learningPaths).toMatchObject([
			{
				path: { id: 'wolfi-basics', title: 'Wolfi basics', href: '/paths/wolfi-basics/' },
				part: 1,
				total: 2,
				label: 'Part 1 of 2',
				next: { href: '/open-source/wolfi/packages/', title: 'Title of open-source/wolfi/packages' },
				guides: ['/open-source/wolfi/overview/', '/open-source/wolfi/packages/'],
			},
		]);
		const last = generateRouteData(site, { title: 'Packages', description: 'Packages.', href: '/open-source/wolfi/packages/' });
		expect(last.learningPaths.map(({ label, next }) => ({ label, next }))).toEqual([{ label: 'Part 2 of 2', next: undefined }]);
	});
});

describe('guide page model', () => {
	it('gives a guide its table of contents, tags, reading time, edit link and search filters', () => {
		const page = guidePageModel(site, overview, headings);
		expect(page.route.toc).toEqual([{ ...headings[0], children: [{ ...headings[1], children: [] }] }]);
		expect(page.route.tags).toEqual([
			{ id: 'wolfi', label: 'Wolfi' },
			{ id: 'sbom', label: 'SBOM' },
		]);
		expect(page.route.readingMinutes).toBe(1);
		expect(page.route.editUrl).toBe(
			'https://github.com/supply-chain-academy/academy/edit/main/content/docs/open-source/wolfi/overview.mdx',
		);
		expect(page.route.searchFilters).toEqual({ type: ['Guide'], tag: ['Wolfi', 'SBOM'], section: ['Open source'] });
		expect(page.section).toBeUndefined();
		expect(page.learningPaths).toEqual([]);
	});

	it('says what a guide was checked against, from its front matter', () => {
		expect(guidePageModel(site, overview, headings).route.checkedAgainst).toEqual({
			sentence: 'Checked against 1 source, for cosign 3.0.2, on 1 January 2025',
			sources: [{ title: 'A specification', url: 'https://example.org/spec' }],
		});
	});

	it('lists the paths and guides of a section on its landing page, in its table of contents, without a reading time', () => {
		const page = guidePageModel(site, entries[1]!, headings);
		expect(page.section?.path).toBe('open-source/wolfi');
		expect(page.learningPaths.map((path) => path.id)).toEqual(['wolfi-basics']);
		expect(page.route.toc.map((item) => item.slug)).toEqual(['install', 'learning-paths', 'guides-in-this-section']);
		expect(page.route.readingMinutes).toBeUndefined();
	});

	it('links the guide’s Markdown twin and its social card', () => {
		const { route } = guidePageModel(site, overview, headings);
		expect(route.markdownHref).toBe('/open-source/wolfi/overview.md');
		expect(route.socialCard).toEqual({
			src: '/og/open-source/wolfi/overview.png',
			alt: 'Title of open-source/wolfi/overview (Open source · Wolfi), Supply Chain Academy',
			width: 1200,
			height: 630,
		});
	});

	it('leaves the table of contents out when the front matter says toc: false', () => {
		expect(guidePageModel(site, entries[3]!, headings).route.toc).toEqual([]);
	});
});
