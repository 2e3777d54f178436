import { getCollection, type CollectionEntry } from 'astro:content';
import { sections, siteConfig } from '../site.config.ts';
import { readGitDates } from '../lib/git-dates.ts';
import { docPath } from '../lib/routes.ts';
import { buildSidebar, flattenSidebar, type SidebarGroup, type SidebarItem, type SidebarLink } from '../lib/sidebar.ts';
import { renderSidebarHtml } from '../lib/sidebar-html.ts';
import { collectRedirects, type Redirect } from '../lib/redirects.ts';

export type DocEntry = CollectionEntry<'docs'>;

/** Everything derived from the whole set of guides, computed once per build and shared by every page. */
export interface SiteIndex {
	docs: DocEntry[];
	byHref: Map<string, DocEntry>;
	sidebar: SidebarGroup[];
	sidebarHtml: string;
	readingOrder: SidebarLink[];
	/** Every sidebar group by folder path, for section pages and breadcrumbs. */
	groups: Map<string, SidebarGroup>;
	redirects: Redirect[];
	gitDates: Map<string, Date>;
}

let index: Promise<SiteIndex> | undefined;

/** Load the site index once; drafts are included in development only. */
export function getSiteIndex(): Promise<SiteIndex> {
	index ??= buildSiteIndex();
	return index;
}

async function buildSiteIndex(): Promise<SiteIndex> {
	const docs = await getCollection('docs', (entry) => import.meta.env.DEV || !entry.data.draft);
	docs.sort((a, b) => a.id.localeCompare(b.id));
	const sidebar = buildSidebar(
		docs.map((entry) => ({
			id: entry.id,
			title: entry.data.title,
			label: entry.data.sidebar.label,
			order: entry.data.sidebar.order,
			hidden: entry.data.sidebar.hidden,
		})),
		sections,
	);
	const groups = new Map<string, SidebarGroup>();
	const collectGroups = (items: readonly SidebarItem[]) => {
		for (const item of items) {
			if (item.type !== 'group') continue;
			groups.set(item.path, item);
			collectGroups(item.children);
		}
	};
	collectGroups(sidebar);
	return {
		docs,
		groups,
		byHref: new Map(docs.map((entry) => [docPath(entry.id), entry])),
		sidebar,
		sidebarHtml: renderSidebarHtml(sidebar),
		readingOrder: flattenSidebar(sidebar),
		redirects: collectRedirects(docs.map((entry) => ({ href: docPath(entry.id), aliases: entry.data.aliases, file: entry.filePath ?? entry.id }))),
		gitDates: readGitDates(siteConfig.contentDir),
	};
}

/** The date a guide last changed: front matter `updated`, else its last commit, else its publication date. */
export function lastUpdated(entry: DocEntry, gitDates: Map<string, Date>): Date | undefined {
	return entry.data.updated ?? (entry.filePath ? gitDates.get(entry.filePath) : undefined) ?? entry.data.date;
}
