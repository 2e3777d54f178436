import { describe, expect, it } from 'vitest';
import { AcademyError } from '../../../src/lib/errors.ts';
import { SIDEBAR_FOLDER_LIMIT, prepareLinkList, prepareSidebarTree, sidebarWindow } from '../../../src/lib/sidebar-html.ts';
import { buildSidebar, type SidebarEntry } from '../../../src/lib/sidebar.ts';

const number = (index: number) => String(index).padStart(4, '0');

/** A section `big` with an overview page and `count` guides (`/big/guide-0001/`…), plus a small folder `big/small`. */
function bigSection(count: number, withOverview = true): SidebarEntry[] {
	return [
		...(withOverview ? [{ id: 'big/index', title: 'Big folder', hidden: false }] : []),
		...Array.from({ length: count }, (_, index) => ({
			id: `big/guide-${number(index + 1)}`,
			title: `Guide ${number(index + 1)}`,
			hidden: false,
		})),
		{ id: 'big/small/one', title: 'Small one', hidden: false },
		{ id: 'big/hidden', title: 'Hidden guide', hidden: true },
	];
}

/** The guide links of a rendered folder (not its overview or "all" link), by number, in page order. */
function guideNumbers(html: string): number[] {
	return [...html.matchAll(/<a href="\/big\/guide-(\d+)\/"/g)].map((match) => Number(match[1]));
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, index) => first + index);

describe('sidebar window', () => {
	it('shows every entry of a folder within the limit', () => {
		expect(sidebarWindow(40, 39, 40)).toEqual({ start: 0, end: 40 });
		expect(sidebarWindow(3, undefined, 40)).toEqual({ start: 0, end: 3 });
	});

	it('centres the page, and stops at the start and the end of the folder', () => {
		expect(sidebarWindow(1000, 500, 40)).toEqual({ start: 480, end: 520 });
		expect(sidebarWindow(1000, 3, 40)).toEqual({ start: 0, end: 40 });
		expect(sidebarWindow(1000, 999, 40)).toEqual({ start: 960, end: 1000 });
	});

	it('shows the first entries when the page is not in the folder', () => {
		expect(sidebarWindow(1000, undefined, 40)).toEqual({ start: 0, end: 40 });
	});
});

describe('sidebar of a folder beyond the limit', () => {
	// 101 entries: 100 guides and the sub-folder `small`, which sorts after them ("Guide …" < "Small").
	const sidebar = prepareSidebarTree(buildSidebar(bigSection(100))[0]!);
	const allLink = '<li class="sidebar-more"><a href="/big/">All 101 guides in Big folder</a></li>';

	it('shows the first entries around the first page, then the link to the overview', () => {
		const html = sidebar.render('/big/guide-0001/');
		expect(guideNumbers(html)).toEqual(range(1, SIDEBAR_FOLDER_LIMIT));
		expect(html).toContain('<a href="/big/guide-0001/" aria-current="page">Guide 0001</a>');
		expect(html).toContain('<li><a href="/big/">Overview</a></li>');
		expect(html.endsWith(`${allLink}</ul></details></li></ul>`)).toBe(true);
	});

	it('centres the window on a page in the middle', () => {
		const html = sidebar.render('/big/guide-0050/');
		expect(guideNumbers(html)).toEqual(range(30, 69));
		expect(html.match(/aria-current="page"/g)).toHaveLength(1);
		expect(html).toContain('<a href="/big/guide-0050/" aria-current="page">Guide 0050</a>');
		expect(html).toContain(allLink);
	});

	it('ends with the last entries on the last page, a sub-folder open around it', () => {
		const html = sidebar.render('/big/small/one/');
		expect(guideNumbers(html)).toEqual(range(62, 100));
		expect(html).toContain('<details data-path="big/small" open><summary>Small</summary>');
		expect(html).toContain('<a href="/big/small/one/" aria-current="page">Small one</a>');
		expect(html).toContain(allLink);
	});

	it('shows the first entries, nothing marked, on a page the folder does not list', () => {
		for (const href of ['/big/hidden/', '/elsewhere/page/']) {
			const html = sidebar.render(href);
			expect(guideNumbers(html), href).toEqual(range(1, SIDEBAR_FOLDER_LIMIT));
			expect(html, href).not.toContain('aria-current');
			expect(html, href).toContain(allLink);
		}
	});

	it('marks the overview page in its own folder', () => {
		const html = sidebar.render('/big/');
		expect(html).toContain('<a href="/big/" aria-current="page">Overview</a>');
		expect(guideNumbers(html)).toEqual(range(1, SIDEBAR_FOLDER_LIMIT));
	});

	it('refuses a folder beyond the limit without an overview page, naming the folder and the fix', () => {
		const error = (() => {
			try {
				prepareSidebarTree(buildSidebar(bigSection(45, false))[0]!);
			} catch (caught) {
				return caught;
			}
		})();
		expect(error).toBeInstanceOf(AcademyError);
		expect(error).toMatchObject({
			message:
				'The folder content/docs/big/ has 46 sidebar entries, more than the 40 a sidebar folder shows, and no overview page to list them all.',
			hint: 'Add content/docs/big/index.md with a title and a description (or remove sidebar.hidden from it): the sidebar links to it for the rest.',
		});
	});

	it('takes a folder without an overview page up to the limit', () => {
		const html = prepareSidebarTree(buildSidebar(bigSection(39, false))[0]!).render('/big/guide-0039/');
		expect(guideNumbers(html)).toEqual(range(1, 39));
		expect(html).not.toContain('sidebar-more');
	});
});

describe('flat sidebar list', () => {
	const images = Array.from({ length: 1000 }, (_, index) => ({
		label: `image-${number(index)}`,
		href: `/images/image-${number(index)}/`,
	}));
	const list = prepareLinkList(images, 'sidebar-images', { href: '/images/', noun: 'images' });
	const shown = (html: string) => [...html.matchAll(/href="\/images\/image-(\d+)\/"/g)].map((match) => Number(match[1]));

	it('shows a window around the current image and links to the catalog for the rest', () => {
		const html = list.render('/images/image-0500/');
		expect(shown(html)).toEqual(range(480, 519));
		expect(html).toContain('<a href="/images/image-0500/" aria-current="page">image-0500</a>');
		expect(html.endsWith('<li class="sidebar-more"><a href="/images/">All 1,000 images</a></li></ul>')).toBe(true);
		expect(shown(list.render('/images/image-0999/'))).toEqual(range(960, 999));
		expect(shown(list.render('/images/'))).toEqual(range(0, 39));
	});

	it('lists every link, with no link to the catalog, within the limit or without an overview page', () => {
		const few = prepareLinkList(images.slice(0, 25), 'sidebar-images', { href: '/images/', noun: 'images' });
		expect(shown(few.render('/images/image-0024/'))).toEqual(range(0, 24));
		expect(few.render('/images/image-0024/')).not.toContain('sidebar-more');
		expect(shown(prepareLinkList(images.slice(0, 60), 'sidebar-sections').render('/'))).toEqual(range(0, 59));
	});
});
