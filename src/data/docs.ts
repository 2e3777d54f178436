import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { sections, siteConfig } from '../site.config.ts';
import { readGitDates } from '../lib/git-dates.ts';
import { docPath, pathSegments } from '../lib/routes.ts';
import { buildSidebar, flattenSidebar, type SidebarGroup, type SidebarItem, type SidebarLink } from '../lib/sidebar.ts';
import { renderSectionLinksHtml, renderSidebarHtml } from '../lib/sidebar-html.ts';
import { TAGS_FILE, loadTags } from '../content/tags.ts';
import { collectRedirects, type Redirect } from '../lib/redirects.ts';

export type DocEntry = CollectionEntry<'docs'>;

/** Everything derived from the whole set of guides, computed once per build and shared by every page. */
export interface SiteIndex {
	docs: DocEntry[];
	byHref: Map<string, DocEntry>;
	sidebar: SidebarGroup[];
	/** Pre-rendered sidebar per top-level section; pages outside a section get the list of sections. */
	sidebarHtmlBySection: Map<string, string>;
	sectionLinksHtml: string;
	readingOrder: SidebarLink[];
	/** Every sidebar group by folder path, for section pages and breadcrumbs. */
	groups: Map<string, SidebarGroup>;
	redirects: Redirect[];
	gitDates: Map<string, Date>;
	/**
	 * Hash of everything a page shows besides its own content (sidebar, neighbours, dates, tag labels).
	 * Combined with an entry's digest it lets the incremental build reuse a page that cannot have changed.
	 */
	structureKey: string;
	/** Display label of every tag in the vocabulary, by id. */
	tagLabels: Map<string, string>;
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
	const gitDates = readGitDates(siteConfig.contentDir);
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
		sidebarHtmlBySection: new Map(sidebar.map((group) => [group.path, renderSidebarHtml([group])])),
		sectionLinksHtml: renderSectionLinksHtml(sidebar),
		readingOrder: flattenSidebar(sidebar),
		redirects: collectRedirects(
			docs.map((entry) => ({ href: docPath(entry.id), aliases: entry.data.aliases, file: entry.filePath ?? entry.id })),
		),
		gitDates,
		structureKey: structureKey(docs, gitDates),
		tagLabels: new Map(loadTags().map((tag) => [tag.id, tag.label])),
	};
}

/** Hash the parts of every guide that show up on other pages, plus git dates and the tag vocabulary. */
function structureKey(docs: readonly DocEntry[], gitDates: Map<string, Date>): string {
	const hash = createHash('sha256');
	for (const entry of docs) {
		const { title, description, sidebar, tags, aliases, date, updated } = entry.data;
		hash.update(JSON.stringify([entry.id, title, description, sidebar, tags, aliases, date, updated]));
	}
	hash.update(JSON.stringify([...gitDates].map(([file, date]) => [file, date.getTime()])));
	hash.update(readFileSync(TAGS_FILE));
	return hash.digest('hex').slice(0, 16);
}

/** The pre-rendered sidebar for a page: its section's tree, or the list of sections elsewhere. */
export function sidebarHtmlFor(site: SiteIndex, href: string): string {
	const section = pathSegments(href)[0] ?? '';
	return site.sidebarHtmlBySection.get(section) ?? site.sectionLinksHtml;
}

/** The date a guide last changed: front matter `updated`, else its last commit, else its publication date. */
export function lastUpdated(entry: DocEntry, gitDates: Map<string, Date>): Date | undefined {
	return entry.data.updated ?? (entry.filePath ? gitDates.get(entry.filePath) : undefined) ?? entry.data.date;
}
