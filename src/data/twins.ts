import { readFileSync } from 'node:fs';
import { AstroError } from 'astro/errors';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';
import { compareText } from '../lib/compare.ts';
import { MarkdownTwinError, markdownTwin, twinPath, type TwinLink } from '../markdown/twin.ts';
import { siteConfig } from '../site.config.ts';
import { getSiteIndex, type DocEntry, type SiteIndex } from './docs.ts';
import { docPath } from '../lib/routes.ts';

/** A published guide with its Markdown twin. */
export interface GuideTwin {
	entry: DocEntry;
	/** URL path of the HTML page, e.g. `/container-images/non-root-users/`. */
	href: string;
	/** URL path of the twin, e.g. `/container-images/non-root-users.md`. */
	twinHref: string;
	markdown: string;
}

let twins: Promise<GuideTwin[]> | undefined;

/** Every published guide (drafts excluded) with its Markdown twin, in sidebar order; made once per build. */
export function getGuideTwins(): Promise<GuideTwin[]> {
	twins ??= makeGuideTwins();
	return twins;
}

/** Published guides in sidebar order; guides hidden from the sidebar follow, by URL, so none is left out. */
export function guidesInReadingOrder(site: SiteIndex): DocEntry[] {
	const inSidebar = site.readingOrder.map((link) => site.byHref.get(link.href)).filter((entry) => entry !== undefined);
	const listed = new Set(inSidebar);
	const hidden = site.docs
		.filter((entry) => entry.id !== 'index' && !listed.has(entry))
		.sort((a, b) => compareText(docPath(a.id), docPath(b.id)));
	return [...inSidebar, ...hidden];
}

/** The guides a section page lists below its text (the same list as the GuideList component), as absolute links. */
function sectionGuides(site: SiteIndex, entry: DocEntry): TwinLink[] {
	if (!entry.id.endsWith('/index')) return [];
	const group = site.groups.get(entry.id.replace(/\/index$/, ''));
	return (group?.children ?? []).flatMap((child) =>
		child.href
			? [
					{
						title: child.label,
						url: new URL(child.href, siteConfig.url).href,
						description: site.byHref.get(child.href)?.data.description,
					},
				]
			: [],
	);
}

async function makeGuideTwins(): Promise<GuideTwin[]> {
	const site = await getSiteIndex();
	// Twins are cached by content: in a build where few guides changed, the rest cost one file read each.
	const cache = new ContentCache(buildCacheDir('academy-twins'), versionOf(['src/markdown/twin.ts', 'package-lock.json']));
	const result: GuideTwin[] = [];
	for (const entry of guidesInReadingOrder(site)) {
		const href = docPath(entry.id);
		const file = entry.filePath;
		if (!file) {
			throw new AstroError(
				`The guide "${entry.id}" has no source file, so it has no Markdown twin.`,
				'Guides come from content/docs/; check the docs loader in src/content.config.ts.',
			);
		}
		const input = {
			file,
			source: readFileSync(file, 'utf8'),
			title: entry.data.title,
			description: entry.data.description,
			pageUrl: new URL(href, siteConfig.url).href,
			siteUrl: siteConfig.url,
			sectionGuides: sectionGuides(site, entry),
		};
		try {
			const markdown = (await cache.get(input, '.md', () => markdownTwin(input))).toString('utf8');
			result.push({ entry, href, twinHref: twinPath(href), markdown });
		} catch (error) {
			if (error instanceof MarkdownTwinError) throw new AstroError(error.message, error.hint);
			throw error;
		}
	}
	return result;
}
