import { docPath, entryFolder, isIndexEntry, pathSegments } from './routes.ts';

/** What the sidebar needs to know about one guide. */
export interface SidebarEntry {
	id: string;
	title: string;
	label?: string;
	order?: number;
	hidden: boolean;
}

/** A page link in the sidebar. */
export interface SidebarLink {
	type: 'link';
	label: string;
	href: string;
	order: number | undefined;
}

/** A folder in the sidebar, optionally backed by its index page. */
export interface SidebarGroup {
	type: 'group';
	label: string;
	/** URL of the folder's index page, when it has one. */
	href: string | undefined;
	/** Sidebar text of the link to the index page (its `sidebar.label`, else "Overview"). */
	indexLabel: string;
	order: number | undefined;
	/** Folder path, e.g. `open-source/wolfi`. */
	path: string;
	children: SidebarItem[];
}

export type SidebarItem = SidebarLink | SidebarGroup;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Order siblings by `sidebar.order`, then by label, as authors expect. */
function compareItems(a: SidebarItem, b: SidebarItem): number {
	const orderA = a.order ?? Number.POSITIVE_INFINITY;
	const orderB = b.order ?? Number.POSITIVE_INFINITY;
	if (orderA !== orderB) return orderA < orderB ? -1 : 1;
	return collator.compare(a.label, b.label);
}

/** Turn a folder name into a readable label when the folder has no index page. */
function labelFromFolder(name: string): string {
	return name.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/**
 * Build the sidebar tree from the folder structure of the guides; index pages label their folder.
 *
 * `sections` lists top-level folders in the order the site presents them, with their short labels; the order
 * wins over `sidebar.order`. A folder's index page names the group (its title) and its link (`sidebar.label`).
 */
export function buildSidebar(
	entries: readonly SidebarEntry[],
	sections: readonly { path: string; label: string }[] = [],
): SidebarGroup[] {
	const sectionOrder = sections.map((section) => section.path);
	const sectionLabels: Record<string, string> = Object.fromEntries(sections.map((section) => [section.path, section.label]));
	const root: SidebarGroup = {
		type: 'group',
		label: '',
		href: undefined,
		indexLabel: 'Overview',
		order: undefined,
		path: '',
		children: [],
	};
	const groups = new Map<string, SidebarGroup>([['', root]]);

	const groupFor = (folder: string): SidebarGroup => {
		const existing = groups.get(folder);
		if (existing) return existing;
		const segments = folder.split('/');
		const parent = groupFor(segments.slice(0, -1).join('/'));
		const group: SidebarGroup = {
			type: 'group',
			label: labelFromFolder(segments.at(-1)!),
			href: undefined,
			indexLabel: 'Overview',
			order: undefined,
			path: folder,
			children: [],
		};
		parent.children.push(group);
		groups.set(folder, group);
		return group;
	};

	for (const entry of entries) {
		const folder = entryFolder(entry.id);
		if (isIndexEntry(entry.id)) {
			// The home page is not part of any section.
			if (folder === '') continue;
			const group = groupFor(folder);
			group.label = sectionLabels[folder] ?? entry.title;
			group.indexLabel = entry.label ?? 'Overview';
			group.href = entry.hidden ? undefined : docPath(entry.id);
			group.order = entry.order;
			continue;
		}
		if (entry.hidden) continue;
		groupFor(folder).children.push({
			type: 'link',
			label: entry.label ?? entry.title,
			href: docPath(entry.id),
			order: entry.order,
		});
	}

	const sortTree = (group: SidebarGroup) => {
		group.children.sort(compareItems);
		for (const child of group.children) if (child.type === 'group') sortTree(child);
	};
	sortTree(root);
	const rank = (group: SidebarItem) => {
		const index = group.type === 'group' ? sectionOrder.indexOf(group.path) : -1;
		return index === -1 ? sectionOrder.length : index;
	};
	root.children.sort((a, b) => rank(a) - rank(b));
	return root.children.filter((child): child is SidebarGroup => child.type === 'group');
}

/** List every page of the tree in reading order: a group's index page first, then its children. */
export function flattenSidebar(items: readonly SidebarItem[]): SidebarLink[] {
	const links: SidebarLink[] = [];
	const visit = (item: SidebarItem) => {
		if (item.type === 'link') {
			links.push(item);
			return;
		}
		if (item.href) links.push({ type: 'link', label: item.label, href: item.href, order: item.order });
		item.children.forEach(visit);
	};
	items.forEach(visit);
	return links;
}

/** Previous and next pages of a page in reading order. */
export function neighbours(links: readonly SidebarLink[], href: string): { prev?: SidebarLink; next?: SidebarLink } {
	const index = links.findIndex((link) => link.href === href);
	if (index === -1) return {};
	return { prev: links[index - 1], next: links[index + 1] };
}

/** Folder paths that contain a page, outermost first, e.g. `/a/b/c/` → `a`, `a/b`. */
export function ancestorFolders(href: string): string[] {
	const segments = pathSegments(href);
	return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
}
