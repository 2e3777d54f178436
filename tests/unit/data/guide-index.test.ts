import { describe, expect, it } from 'vitest';
import { buildGuideIndex, lastUpdated, sidebarHtmlFor } from '../../../src/data/guide-index.ts';
import { TEST_TAGS, docEntry } from '../../helpers/collection-entries.ts';

const SECTIONS = [{ path: 'open-source', label: 'Open source' }];
const inputs = { sections: SECTIONS, gitDates: new Map<string, Date>(), tags: TEST_TAGS, learningPaths: [] };
const entries = [
	docEntry('open-source/wolfi/overview', { tags: ['wolfi'] }),
	docEntry('open-source/index', { title: 'Open source' }),
	docEntry('open-source/choosing', { aliases: ['/old/choosing/'] }),
	docEntry('open-source/hash'),
	docEntry('index', { title: 'Home' }),
];

describe('guide index', () => {
	it('sorts guides by id in code-unit order, whatever the locale ("ch" before "h" even in Czech)', () => {
		expect(buildGuideIndex(entries, inputs).docs.map((entry) => entry.id)).toEqual([
			'index',
			'open-source/choosing',
			'open-source/hash',
			'open-source/index',
			'open-source/wolfi/overview',
		]);
	});

	it('finds guides by URL, groups by folder, redirects by alias, and labels tags', () => {
		const site = buildGuideIndex(entries, inputs);
		expect(site.byHref.get('/open-source/choosing/')?.id).toBe('open-source/choosing');
		expect([...site.groups.keys()]).toEqual(['open-source', 'open-source/wolfi']);
		expect(site.redirects).toEqual([{ from: '/old/choosing/', to: '/open-source/choosing/' }]);
		expect(site.tagLabels.get('sbom')).toBe('SBOM');
		expect(site.readingOrder.map((link) => link.href)).toEqual([
			'/open-source/',
			'/open-source/choosing/',
			'/open-source/hash/',
			'/open-source/wolfi/overview/',
		]);
	});

	it('gives pages in a section that section sidebar, and other pages the list of sections', () => {
		const site = buildGuideIndex(entries, inputs);
		expect(sidebarHtmlFor(site, '/open-source/hash/')).toContain('href="/open-source/wolfi/overview/"');
		expect(sidebarHtmlFor(site, '/images/python/')).toBe(site.sectionLinks.render('/images/python/'));
		expect(site.sectionLinks.render('/images/python/')).toContain('href="/open-source/"');
	});

	it('changes the structure key with what other pages show (titles), not with a body', () => {
		const key = buildGuideIndex(entries, inputs).structureKey;
		const retitled = [...entries.slice(1), docEntry('open-source/wolfi/overview', { title: 'Another title', tags: ['wolfi'] })];
		const rewritten = [...entries.slice(1), docEntry('open-source/wolfi/overview', { tags: ['wolfi'] }, 'Other words.')];
		expect(buildGuideIndex(retitled, inputs).structureKey).not.toBe(key);
		expect(buildGuideIndex(rewritten, inputs).structureKey).toBe(key);
	});

	it('dates a guide by front matter updated, else its last commit, else its publication date', () => {
		const committed = new Date('2025-05-05T00:00:00Z');
		const gitDates = new Map([['content/docs/a.mdx', committed]]);
		expect(lastUpdated(docEntry('a', { updated: '2025-06-01', date: '2025-01-01' }), gitDates)).toEqual(new Date('2025-06-01'));
		expect(lastUpdated(docEntry('a', { date: '2025-01-01' }), gitDates)).toEqual(committed);
		expect(lastUpdated(docEntry('b', { date: '2025-01-01' }), gitDates)).toEqual(new Date('2025-01-01'));
	});

	it('refuses an alias that is the URL of another guide, with a hint', () => {
		const clash = [...entries, docEntry('open-source/other', { aliases: ['/open-source/hash/'] })];
		expect(() => buildGuideIndex(clash, inputs)).toThrow(
			expect.objectContaining({
				message: 'content/docs/open-source/other.mdx: alias "/open-source/hash/" is the URL of an existing page.',
				hint: 'Remove the alias or move that page.',
			}),
		);
	});

	it('keeps the sidebar of a page the same size as its folder grows from 50 to 5,000 guides', () => {
		const bytesPerPage = [50, 500, 5000].map((count) => {
			const guides = Array.from({ length: count }, (_, index) =>
				docEntry(`open-source/wolfi/guide-${String(index + 1).padStart(4, '0')}`),
			);
			const site = buildGuideIndex([...entries, docEntry('open-source/wolfi/index', { title: 'Wolfi' }), ...guides], inputs);
			const pages = [guides[0]!, guides[Math.floor(count / 2)]!, guides.at(-1)!].map((guide) => `/${guide.id}/`);
			return { count, bytes: Math.max(...pages.map((href) => sidebarHtmlFor(site, href).length)) };
		});
		const smallest = bytesPerPage[0]!.bytes;
		// About 40 links of 100 bytes and the rest of the section; as the folder grows, the count in the
		// "All … guides" link may add a digit or two.
		expect(smallest, 'largest sidebar of a page in a folder of 50 guides').toBeLessThan(6_000);
		for (const { count, bytes } of bytesPerPage) {
			expect(bytes, `largest sidebar of a page in a folder of ${count} guides`).toBeLessThanOrEqual(smallest + 8);
		}
	});

	it('refuses a folder with more guides than the sidebar shows and no overview page, naming the folder', () => {
		const guides = Array.from({ length: 41 }, (_, index) => docEntry(`open-source/many/guide-${index}`));
		expect(() => buildGuideIndex([...entries, ...guides], inputs)).toThrow(
			expect.objectContaining({
				message: expect.stringMatching(/^The folder content\/docs\/open-source\/many\/ has 41 sidebar entries, more than the 40/),
				hint: expect.stringContaining('Add content/docs/open-source/many/index.md'),
			}),
		);
	});
});
