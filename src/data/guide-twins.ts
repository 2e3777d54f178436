import { compareText } from '../lib/compare.ts';
import { docPath, entryFolder, isIndexEntry } from '../lib/routes.ts';
import type { TwinSource } from '../markdown/twin.ts';
import { sectionGuides, type DocEntry, type GuideIndex } from './guide-index.ts';

/**
 * The guides that have a page (and so a Markdown twin), in sidebar order; guides hidden from the sidebar follow, by
 * URL, so none is left out. The home entry is not a guide: the home page is built on its own.
 */
export function guidesInReadingOrder(site: GuideIndex): DocEntry[] {
	const inSidebar = site.readingOrder.flatMap((link) => site.byHref.get(link.href) ?? []);
	const listed = new Set(inSidebar);
	const hidden = site.docs
		.filter((entry) => entry.id !== 'index' && !listed.has(entry))
		.sort((a, b) => compareText(docPath(a.id), docPath(b.id)));
	return [...inSidebar, ...hidden];
}

/** What markdownTwin needs to write one guide: its source, its title and summary, and absolute URLs. */
export function twinSource(site: GuideIndex, entry: DocEntry, file: string, source: string, siteUrl: string): TwinSource {
	const absolute = (path: string) => new URL(path, siteUrl).href;
	const group = isIndexEntry(entry.id) ? site.groups.get(entryFolder(entry.id)) : undefined;
	return {
		file,
		source,
		title: entry.data.title,
		description: entry.data.description,
		pageUrl: absolute(docPath(entry.id)),
		siteUrl,
		sectionGuides: group
			? sectionGuides(site, group).map((guide) => ({
					title: guide.label,
					url: absolute(guide.href),
					description: guide.description,
				}))
			: [],
	};
}
