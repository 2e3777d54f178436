import { describe, expect, it } from 'vitest';
import { buildGuideIndex } from '../../../src/data/guide-index.ts';
import { guidesInReadingOrder, twinSource } from '../../../src/data/guide-twins.ts';
import { TEST_TAGS, docEntry } from '../../helpers/collection-entries.ts';

const entries = [
	docEntry('index', { title: 'Home' }),
	docEntry('open-source/index', {
		title: 'Open source',
		description: 'Wolfi and its tools, in reading order, for every reader.',
	}),
	docEntry('open-source/zeta', { title: 'Zeta', sidebar: { order: 1 } }),
	docEntry('open-source/alpha', {
		title: 'Alpha',
		sidebar: { order: 2 },
		description: 'The alpha guide, which comes second here in the sidebar order.',
	}),
	docEntry('open-source/hidden', { title: 'Hidden', sidebar: { hidden: true } }),
	docEntry('open-source/wolfi/index', { title: 'Wolfi' }),
];
const site = buildGuideIndex(entries, {
	sections: [{ path: 'open-source', label: 'Open source' }],
	gitDates: new Map(),
	tags: TEST_TAGS,
	learningPaths: [],
});

describe('guides in reading order', () => {
	it('follows the sidebar, then adds the guides hidden from it, and leaves out the home entry', () => {
		expect(guidesInReadingOrder(site).map((entry) => entry.id)).toEqual([
			'open-source/index',
			'open-source/zeta',
			'open-source/alpha',
			'open-source/wolfi/index',
			'open-source/hidden',
		]);
	});
});

describe('twin source', () => {
	it('gives the twin the title, summary, absolute page URL and, for a section page, its guides as absolute links', () => {
		const section = entries[1]!;
		const input = twinSource(site, section, 'content/docs/open-source/index.mdx', 'Body.', 'https://academy.test');
		expect(input).toMatchObject({
			file: 'content/docs/open-source/index.mdx',
			source: 'Body.',
			title: 'Open source',
			description: 'Wolfi and its tools, in reading order, for every reader.',
			pageUrl: 'https://academy.test/open-source/',
			siteUrl: 'https://academy.test',
		});
		expect(input.sectionGuides?.map((guide) => [guide.title, guide.url])).toEqual([
			['Zeta', 'https://academy.test/open-source/zeta/'],
			['Alpha', 'https://academy.test/open-source/alpha/'],
			['Wolfi', 'https://academy.test/open-source/wolfi/'],
		]);
		expect(input.sectionGuides?.[1]?.description).toBe('The alpha guide, which comes second here in the sidebar order.');
	});

	it('lists no guides under a guide that is not a section page', () => {
		expect(
			twinSource(site, entries[2]!, 'content/docs/open-source/zeta.mdx', 'Body.', 'https://academy.test').sectionGuides,
		).toEqual([]);
	});
});
