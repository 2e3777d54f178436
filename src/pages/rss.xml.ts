import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getGuideIndex } from '../data/docs.ts';
import { lastUpdated } from '../data/guide-index.ts';
import { compareText } from '../lib/compare.ts';
import { docPath, isIndexEntry } from '../lib/routes.ts';
import { siteConfig } from '../site.config.ts';

/** RSS feed of the guides, newest first. */
export async function GET(context: APIContext) {
	const site = await getGuideIndex();
	const items = site.docs
		.filter((entry) => !isIndexEntry(entry.id))
		.map((entry) => ({
			title: entry.data.title,
			description: entry.data.description,
			link: docPath(entry.id),
			pubDate: entry.data.date ?? lastUpdated(entry, site.gitDates),
			categories: entry.data.tags,
		}))
		.sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0) || compareText(a.link, b.link));
	return rss({ title: siteConfig.title, description: siteConfig.description, site: context.site ?? siteConfig.url, items });
}
