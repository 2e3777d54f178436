import { AcademyError } from './errors.ts';
import { escapeHtml } from './html.ts';
import { pathSegments } from './routes.ts';
import { ancestorFolders, type SidebarGroup, type SidebarItem } from './sidebar.ts';

/**
 * Most entries one sidebar folder (or the image list) shows on a page.
 *
 * 40 is above the largest folder of the real site (28 guides; 25 images), so the real sidebar shows every entry as
 * before, with room to grow by 40 %; a window of 40 links is two or three screens, about 4 kB of HTML, and
 * keeps each page's sidebar the same size whether a folder holds 50 or 5,000 guides.
 */
export const SIDEBAR_FOLDER_LIMIT = 40;

/** A sidebar rendered once per build; a page asks for its own copy, with its link marked. */
export interface PreparedSidebar {
	/** The sidebar HTML of one page: its link marked with aria-current and the folders around it open. */
	render(currentHref: string): string;
}

/** The first and past-the-last position of the entries a folder shows: every entry, else `limit` around `index`. */
export function sidebarWindow(length: number, index: number | undefined, limit: number): { start: number; end: number } {
	if (length <= limit) return { start: 0, end: length };
	if (index === undefined) return { start: 0, end: limit };
	const start = Math.min(Math.max(index - Math.floor(limit / 2), 0), length - limit);
	return { start, end: start + limit };
}

/** Whether a folder holds more entries than the sidebar shows and has no overview page to list the rest. */
export function needsOverviewPage(group: SidebarGroup, limit = SIDEBAR_FOLDER_LIMIT): boolean {
	return group.children.length > limit && group.href === undefined;
}

const countFormat = new Intl.NumberFormat('en');

function renderLink(label: string, href: string, current: boolean): string {
	return `<li><a href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
}

/** The item after a window: a link to the page that lists every entry; its class keeps the image filter off it. */
function renderAllLink(text: string, href: string): string {
	return `<li class="sidebar-more"><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`;
}

/** Where a page sits: its URL, its path segments and the folders around it. */
interface PagePlace {
	href: string;
	segments: string[];
	ancestors: Set<string>;
}

function placeOf(href: string): PagePlace {
	return { href, segments: pathSegments(href), ancestors: new Set(ancestorFolders(href)) };
}

/** A folder whose entries were each rendered once, closed and unmarked. */
interface PreparedFolder {
	group: SidebarGroup;
	entries: string[];
	/** Position of the child that links to a page (a guide, or a sub-folder's overview), by URL. */
	byHref: Map<string, number>;
	/** Position of each sub-folder, by folder path. */
	byPath: Map<string, number>;
	/** The prepared sub-folders, by position. */
	folders: Map<number, PreparedFolder>;
	/** The link to the overview page after the window, or '' when every entry fits. */
	allLink: string;
}

function prepareFolder(group: SidebarGroup, depth: number, limit: number): PreparedFolder {
	if (needsOverviewPage(group, limit)) {
		throw new AcademyError(
			`The folder content/docs/${group.path}/ has ${group.children.length} sidebar entries, more than the ${limit} a sidebar folder shows, and no overview page to list them all.`,
			`Add content/docs/${group.path}/index.md with a title and a description (or remove sidebar.hidden from it): the sidebar links to it for the rest.`,
		);
	}
	const folder: PreparedFolder = {
		group,
		entries: [],
		byHref: new Map(),
		byPath: new Map(),
		folders: new Map(),
		allLink:
			group.children.length > limit
				? renderAllLink(`All ${countFormat.format(group.children.length)} guides in ${group.label}`, group.href!)
				: '',
	};
	group.children.forEach((child: SidebarItem, index) => {
		if (child.href) folder.byHref.set(child.href, index);
		if (child.type === 'link') {
			folder.entries.push(renderLink(child.label, child.href, false));
			return;
		}
		const sub = prepareFolder(child, depth + 1, limit);
		folder.byPath.set(child.path, index);
		folder.folders.set(index, sub);
		folder.entries.push(renderFolder(sub, depth + 1, undefined, limit));
	});
	return folder;
}

/**
 * A folder as a page shows it: a window of its entries around the page (the first ones when the page is elsewhere),
 * open when it holds the page. Only the entry on the way to the page is rendered again; the rest are joined as they
 * were prepared, so the work per page depends on the limit and the depth, not on the size of the folder.
 */
function renderFolder(folder: PreparedFolder, depth: number, page: PagePlace | undefined, limit: number): string {
	const { group } = folder;
	const index = page && (folder.byHref.get(page.href) ?? folder.byPath.get(page.segments.slice(0, depth + 2).join('/')));
	const { start, end } = sidebarWindow(folder.entries.length, index, limit);
	const shown: string[] = [];
	for (let position = start; position < end; position++) {
		const child = group.children[position]!;
		if (position !== index) shown.push(folder.entries[position]!);
		else if (child.type === 'link') shown.push(renderLink(child.label, child.href, true));
		else shown.push(renderFolder(folder.folders.get(position)!, depth + 1, page, limit));
	}
	const overview = group.href ? renderLink(group.indexLabel, group.href, group.href === page?.href) : '';
	const open = depth === 0 || page?.ancestors.has(group.path) ? ' open' : '';
	return (
		`<li><details data-path="${escapeHtml(group.path)}"${open}><summary>${escapeHtml(group.label)}</summary>` +
		`<ul>${overview}${shown.join('')}${folder.allLink}</ul></details></li>`
	);
}

/**
 * Prepare the sidebar of a section once per build; pages then join a window of pre-rendered entries per folder.
 *
 * Re-rendering a whole tree per page makes a build quadratic in the size of a section (Starlight spent 41 s of a
 * 7,300-page build cloning its sidebar per page, starlight#3760); so does copying it whole into every page.
 */
export function prepareSidebarTree(group: SidebarGroup, limit = SIDEBAR_FOLDER_LIMIT): PreparedSidebar {
	const root = prepareFolder(group, 0, limit);
	return {
		render: (currentHref) => `<ul class="sidebar-tree">${renderFolder(root, 0, placeOf(currentHref), limit)}</ul>`,
	};
}

/** Where a flat list continues when it holds more links than it shows, e.g. the image catalog. */
export interface ListOverview {
	href: string;
	/** What the list holds, plural, e.g. "images": the link reads "All 1,000 images". */
	noun: string;
}

/**
 * Prepare a flat sidebar list of links (the images, or the sections); with an overview page, a list longer than the
 * limit shows a window around the current page and a link to that page.
 */
export function prepareLinkList(
	links: readonly { label: string; href: string }[],
	className: string,
	overview?: ListOverview,
	limit = SIDEBAR_FOLDER_LIMIT,
): PreparedSidebar {
	const entries = links.map((link) => renderLink(link.label, link.href, false));
	const byHref = new Map(links.map((link, index) => [link.href, index]));
	const windowLimit = overview ? limit : Number.POSITIVE_INFINITY;
	const allLink =
		overview && links.length > limit
			? renderAllLink(`All ${countFormat.format(links.length)} ${overview.noun}`, overview.href)
			: '';
	const open = `<ul class="sidebar-tree ${escapeHtml(className)}">`;
	return {
		render: (currentHref) => {
			const index = byHref.get(currentHref);
			const { start, end } = sidebarWindow(entries.length, index, windowLimit);
			const shown = entries.slice(start, end);
			if (index !== undefined) shown[index - start] = renderLink(links[index]!.label, currentHref, true);
			return `${open}${shown.join('')}${allLink}</ul>`;
		},
	};
}

/** A short sidebar for pages outside the guide sections: one link per section landing page (a few, one per top-level folder). */
export function prepareSectionLinks(groups: readonly SidebarGroup[]): PreparedSidebar {
	const links = groups.flatMap((group) => (group.href ? [{ label: group.label, href: group.href }] : []));
	return prepareLinkList(links, 'sidebar-sections');
}
