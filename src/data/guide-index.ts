import { createHash } from 'node:crypto';
import type { CollectionEntry } from 'astro:content';
import { compareText } from '../lib/compare.ts';
import { collectRedirects, type Redirect } from '../lib/redirects.ts';
import { docPath, pathSegments } from '../lib/routes.ts';
import { prepareSectionLinks, prepareSidebarTree, type PreparedSidebar } from '../lib/sidebar-html.ts';
import { buildSidebar, flattenSidebar, type SidebarGroup, type SidebarItem, type SidebarLink } from '../lib/sidebar.ts';
import type { LearningPathEntry } from '../content/learning-paths.ts';
import { buildLearningPaths, type LearningPath } from './learning-paths.ts';

export type DocEntry = CollectionEntry<'docs'>;

/** Everything derived from the whole set of guides, computed once per build and shared by every page. */
export interface GuideIndex {
	/** Published guides (drafts too in development), sorted by id. */
	docs: DocEntry[];
	byHref: Map<string, DocEntry>;
	sidebar: SidebarGroup[];
	/** Sidebar per top-level section, prepared once; pages outside a section get the list of sections. */
	sidebarBySection: Map<string, PreparedSidebar>;
	sectionLinks: PreparedSidebar;
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
	/** The learning paths of content/paths.yaml, in file order, with their guides resolved. */
	learningPaths: LearningPath[];
}

/** What the guide index is built from besides the guides. */
export interface GuideIndexInputs {
	/** Top-level sections in site order, with their short labels. */
	sections: readonly { path: string; label: string }[];
	/** Last commit date of each content file, by repository path. */
	gitDates: Map<string, Date>;
	/** The tag vocabulary. */
	tags: readonly { id: string; label: string; description: string }[];
	/** The learning paths as content/paths.yaml states them. */
	learningPaths: readonly LearningPathEntry[];
}

/** Build the guide index from the guides (any order) and the sources of dates, sections and tags. */
export function buildGuideIndex(entries: readonly DocEntry[], inputs: GuideIndexInputs): GuideIndex {
	const docs = [...entries].sort((a, b) => compareText(a.id, b.id));
	const sidebar = buildSidebar(
		docs.map((entry) => ({
			id: entry.id,
			title: entry.data.title,
			label: entry.data.sidebar.label,
			order: entry.data.sidebar.order,
			hidden: entry.data.sidebar.hidden,
		})),
		inputs.sections,
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
		sidebarBySection: new Map(sidebar.map((group) => [group.path, prepareSidebarTree(group)])),
		sectionLinks: prepareSectionLinks(sidebar),
		readingOrder: flattenSidebar(sidebar),
		redirects: collectRedirects(
			docs.map((entry) => ({ href: docPath(entry.id), aliases: entry.data.aliases, file: entry.filePath ?? entry.id })),
		),
		gitDates: inputs.gitDates,
		structureKey: structureKey(docs, inputs),
		tagLabels: new Map(inputs.tags.map((tag) => [tag.id, tag.label])),
		learningPaths: buildLearningPaths(
			inputs.learningPaths,
			new Map(docs.map((entry) => [entry.id, entry])),
			sidebar.map((group) => group.path),
		),
	};
}

/** Hash the parts of every guide that show up on other pages, plus git dates, the tag vocabulary and the learning paths. */
function structureKey(docs: readonly DocEntry[], inputs: GuideIndexInputs): string {
	const hash = createHash('sha256');
	for (const entry of docs) {
		const { title, description, sidebar, tags, aliases, date, updated } = entry.data;
		hash.update(JSON.stringify([entry.id, title, description, sidebar, tags, aliases, date, updated]));
	}
	hash.update(JSON.stringify([...inputs.gitDates].map(([file, date]) => [file, date.getTime()])));
	hash.update(JSON.stringify(inputs.tags));
	hash.update(JSON.stringify(inputs.learningPaths));
	return hash.digest('hex').slice(0, 16);
}

/** The sidebar HTML of a page, its link marked: its section's tree, or the list of sections elsewhere. */
export function sidebarHtmlFor(site: GuideIndex, href: string): string {
	const section = pathSegments(href)[0] ?? '';
	return (site.sidebarBySection.get(section) ?? site.sectionLinks).render(href);
}

/** The date a guide last changed: front matter `updated`, else its last commit, else its publication date. */
export function lastUpdated(entry: DocEntry, gitDates: Map<string, Date>): Date | undefined {
	return entry.data.updated ?? (entry.filePath ? gitDates.get(entry.filePath) : undefined) ?? entry.data.date;
}

/** A guide a section page lists: the label the sidebar gives it, its URL and its description. */
export interface SectionGuide {
	label: string;
	href: string;
	description: string | undefined;
}

/** The pages a section's landing page lists below its text, in sidebar order (sub-sections by their landing page). */
export function sectionGuides(site: GuideIndex, group: SidebarGroup): SectionGuide[] {
	return group.children.flatMap((child) =>
		child.href ? [{ label: child.label, href: child.href, description: site.byHref.get(child.href)?.data.description }] : [],
	);
}
