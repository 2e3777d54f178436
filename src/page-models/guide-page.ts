import type { DocEntry, GuideIndex } from '../data/guide-index.ts';
import { lastUpdated } from '../data/guide-index.ts';
import { readingMinutes } from '../lib/reading-time.ts';
import { docPath, entryFolder, isIndexEntry, pathSegments } from '../lib/routes.ts';
import type { SidebarGroup } from '../lib/sidebar.ts';
import { buildToc, type Heading } from '../lib/toc.ts';
import { editUrl, sections, siteConfig } from '../site.config.ts';
import { twinPath } from '../markdown/twin.ts';
import { generateRouteData, type RouteData } from './route-data.ts';
import { guideSocialCard, socialCardImage } from './social-card.ts';

/** What a guide page shows besides its rendered content. */
export interface GuidePageModel {
	route: RouteData;
	/** For a section's landing page, the section whose guides it lists. */
	section: SidebarGroup | undefined;
}

/** The page model of a guide: route data for the layout, and the guides a landing page lists. */
export function guidePageModel(site: GuideIndex, entry: DocEntry, headings: readonly Heading[]): GuidePageModel {
	const href = docPath(entry.id);
	const isIndex = isIndexEntry(entry.id);
	const section = sections.find((item) => item.path === pathSegments(href)[0]);
	const tagLabels = entry.data.tags.map((tag) => site.tagLabels.get(tag) ?? tag);
	const searchFilters: Record<string, string[]> = { type: ['Guide'], tag: tagLabels };
	if (section) searchFilters.section = [section.label];
	return {
		route: generateRouteData(site, {
			title: entry.data.title,
			description: entry.data.description,
			href,
			toc: entry.data.toc ? buildToc(headings) : [],
			tags: entry.data.tags,
			lastUpdated: lastUpdated(entry, site.gitDates),
			readingMinutes: isIndex ? undefined : readingMinutes(entry.body ?? '', siteConfig.wordsPerMinute),
			editUrl: entry.filePath ? editUrl(entry.filePath) : undefined,
			searchFilters,
			markdownHref: twinPath(href),
			socialCard: socialCardImage(href, guideSocialCard(site, href, entry.data.title)),
		}),
		section: isIndex ? site.groups.get(entryFolder(entry.id)) : undefined,
	};
}
