import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteIndex, lastUpdated } from '../data/docs.ts';
import { docPath } from '../lib/routes.ts';
import { siteConfig } from '../site.config.ts';

/** RSS feed of the guides, newest first. */
export async function GET(context: APIContext) {
	const site = await getSiteIndex();
	const items = site.docs
		.filter((entry) => !entry.id.endsWith('index'))
		.map((entry) => ({
			title: entry.data.title,
			description: entry.data.description,
			link: docPath(entry.id),
			pubDate: entry.data.date ?? lastUpdated(entry, site.gitDates),
			categories: entry.data.tags,
		}))
		.sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0) || a.link.localeCompare(b.link));
	return rss({ title: siteConfig.title, description: siteConfig.description, site: context.site ?? siteConfig.url, items });
}
