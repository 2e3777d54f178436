import { sidebarHtmlFor, type GuideIndex } from '../data/guide-index.ts';
import { pathSegments } from '../lib/routes.ts';
import { ancestorFolders, neighbours, type SidebarLink } from '../lib/sidebar.ts';
import type { PreparedSidebar } from '../lib/sidebar-html.ts';
import type { TocItem } from '../lib/toc.ts';
import { sections } from '../site.config.ts';
import type { CheckedAgainst } from './checked-against.ts';
import { pathPositions, type PathPosition } from './learning-paths.ts';
import type { SocialCardImage } from './social-card.ts';

/** A link in the breadcrumb trail. */
export interface Breadcrumb {
	label: string;
	href: string;
}

/** Everything DocLayout shows around a page's own content, in one object (the model is Starlight's route data). */
export interface RouteData {
	title: string;
	description: string;
	/** URL path of the page, with a trailing slash. */
	href: string;
	/** Top-level section path for the header link; undefined outside the sections. */
	section: string | undefined;
	/** The sidebar of the page's section (or the list an image page gives), with the page's link marked. */
	sidebarHtml: string;
	/** Accessible name of the sidebar's navigation landmark. */
	sidebarName: string;
	/** Label of the box that filters the sidebar's links, when it has one. */
	sidebarFilter: string | undefined;
	breadcrumbs: Breadcrumb[];
	/** Table of contents; empty hides it. */
	toc: TocItem[];
	tags: { id: string; label: string }[];
	lastUpdated: Date | undefined;
	readingMinutes: number | undefined;
	editUrl: string | undefined;
	/** Neighbours in reading order; undefined at the ends and for pages outside the guides. */
	prev: SidebarLink | undefined;
	next: SidebarLink | undefined;
	/** Search filter values for this page (section, content type, tags). */
	searchFilters: Record<string, string[]>;
	/** The learning paths the page is a part of, with its position and the next step of each. */
	learningPaths: PathPosition[];
	/** What the guide was checked against (sources, tool versions, review date); undefined when it names no sources. */
	checkedAgainst: CheckedAgainst | undefined;
	/** URL path of the page's Markdown twin (guides); shows "View as Markdown" and "Copy page". */
	markdownHref: string | undefined;
	/** The page's Open Graph image; without one, the page gets a summary card with no image. */
	socialCard: SocialCardImage | undefined;
}

/** A sidebar other than the guides of the page's section. */
export interface SidebarChoice {
	prepared: PreparedSidebar;
	/** Accessible name of its navigation landmark. */
	name: string;
	/** Label of the box that filters its links; none when absent. */
	filter?: string;
}

/** What a page says about itself; everything else is derived from its URL and the guide index. */
export interface RouteInput {
	title: string;
	description: string;
	href: string;
	/** Defaults to Home and the section pages above the page. */
	breadcrumbs?: Breadcrumb[];
	toc?: TocItem[];
	/** Tag ids; labelled from the vocabulary. */
	tags?: readonly string[];
	lastUpdated?: Date;
	readingMinutes?: number;
	editUrl?: string;
	searchFilters?: Record<string, string[]>;
	checkedAgainst?: CheckedAgainst;
	/** Defaults to the guides of the page's section, or the list of sections outside them. */
	sidebar?: SidebarChoice;
	markdownHref?: string;
	socialCard?: SocialCardImage;
}

/** Home, then every folder above the page that has a landing page. */
function guideBreadcrumbs(site: GuideIndex, href: string): Breadcrumb[] {
	const folders = ancestorFolders(href).map((folder) => site.groups.get(folder));
	return [
		{ label: 'Home', href: '/' },
		...folders.flatMap((group) => (group?.href !== undefined ? [{ label: group.label, href: group.href }] : [])),
	];
}

/** The route data of a page: what it states, plus section, sidebar, breadcrumbs and neighbours derived from its URL. */
export function generateRouteData(site: GuideIndex, page: RouteInput): RouteData {
	const { prev, next } = neighbours(site.readingOrder, page.href);
	return {
		title: page.title,
		description: page.description,
		href: page.href,
		section: sections.find((section) => section.path === pathSegments(page.href)[0])?.path,
		sidebarHtml: page.sidebar ? page.sidebar.prepared.render(page.href) : sidebarHtmlFor(site, page.href),
		sidebarName: page.sidebar?.name ?? 'Guides',
		sidebarFilter: page.sidebar?.filter,
		breadcrumbs: page.breadcrumbs ?? guideBreadcrumbs(site, page.href),
		toc: page.toc ?? [],
		tags: (page.tags ?? []).map((id) => ({ id, label: site.tagLabels.get(id) ?? id })),
		lastUpdated: page.lastUpdated,
		readingMinutes: page.readingMinutes,
		editUrl: page.editUrl,
		prev,
		next,
		searchFilters: page.searchFilters ?? {},
		learningPaths: pathPositions(site.learningPaths, page.href),
		checkedAgainst: page.checkedAgainst,
		markdownHref: page.markdownHref,
		socialCard: page.socialCard,
	};
}
