import type { DocEntry, GuideIndex } from '../data/guide-index.ts';
import { lastUpdated } from '../data/guide-index.ts';
import { readingMinutes } from '../lib/reading-time.ts';
import { docPath, entryFolder, isIndexEntry, pathSegments } from '../lib/routes.ts';
import type { SidebarGroup } from '../lib/sidebar.ts';
import { buildToc, type Heading } from '../lib/toc.ts';
import { editUrl, sections, siteConfig } from '../site.config.ts';
import { checkedAgainst } from './checked-against.ts';
import { pathsThroughFolder } from './learning-paths.ts';
import { generateRouteData, type RouteData } from './route-data.ts';
import type { LearningPath } from '../data/learning-paths.ts';
import { twinPath } from '../markdown/twin.ts';
import { guideSocialCard, socialCardImage } from './social-card.ts';

/** What a guide page shows besides its rendered content. */
export interface GuidePageModel {
	route: RouteData;
	/** For a section's landing page, the section whose guides it lists. */
	section: SidebarGroup | undefined;
	/** For a section's landing page, the learning paths that lead through its guides. */
	learningPaths: LearningPath[];
}

/** The heading of the learning paths a section page lists after its content. */
export const LEARNING_PATHS_HEADING: Heading = { depth: 2, slug: 'learning-paths', text: 'Learning paths' };

/** The heading of the list of guides a section page shows last. */
export const GUIDE_LIST_HEADING: Heading = { depth: 2, slug: 'guides-in-this-section', text: 'Guides in this section' };

/** The page model of a guide: route data for the layout, and the paths and guides a landing page lists. */
export function guidePageModel(site: GuideIndex, entry: DocEntry, headings: readonly Heading[]): GuidePageModel {
	const href = docPath(entry.id);
	const isIndex = isIndexEntry(entry.id);
	const section = isIndex ? site.groups.get(entryFolder(entry.id)) : undefined;
	const learningPaths = isIndex ? pathsThroughFolder(site.learningPaths, entryFolder(entry.id)) : [];
	// What the page template adds after the content belongs in the table of contents too.
	const outline = [
		...headings,
		...(learningPaths.length > 0 ? [LEARNING_PATHS_HEADING] : []),
		...(section ? [GUIDE_LIST_HEADING] : []),
	];
	const topSection = sections.find((item) => item.path === pathSegments(href)[0]);
	const tagLabels = entry.data.tags.map((tag) => site.tagLabels.get(tag) ?? tag);
	const searchFilters: Record<string, string[]> = { type: ['Guide'], tag: tagLabels };
	if (topSection) searchFilters.section = [topSection.label];
	return {
		route: generateRouteData(site, {
			title: entry.data.title,
			description: entry.data.description,
			href,
			toc: entry.data.toc ? buildToc(outline) : [],
			tags: entry.data.tags,
			lastUpdated: lastUpdated(entry, site.gitDates),
			readingMinutes: isIndex ? undefined : readingMinutes(entry.body ?? '', siteConfig.wordsPerMinute),
			editUrl: entry.filePath ? editUrl(entry.filePath) : undefined,
			searchFilters,
			checkedAgainst: checkedAgainst(entry.data),
			markdownHref: twinPath(href),
			socialCard: socialCardImage(href, guideSocialCard(site, href, entry.data.title)),
		}),
		section,
		learningPaths,
	};
}
