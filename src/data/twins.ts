import { readFileSync } from 'node:fs';
import { AstroError } from 'astro/errors';
import { toAstroError } from '../content/errors.ts';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';
import { docPath } from '../lib/routes.ts';
import { markdownTwin, twinPath } from '../markdown/twin.ts';
import { siteConfig } from '../site.config.ts';
import { getGuideIndex } from './docs.ts';
import type { DocEntry } from './guide-index.ts';
import { guidesInReadingOrder, twinSource } from './guide-twins.ts';

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

async function makeGuideTwins(): Promise<GuideTwin[]> {
	const site = await getGuideIndex();
	// Twins are cached by content: in a build where few guides changed, the rest cost one file read each.
	const cache = new ContentCache(
		buildCacheDir('academy-twins'),
		versionOf(['src/markdown/twin.ts', 'src/markdown/directives.ts', 'package-lock.json']),
	);
	const result: GuideTwin[] = [];
	for (const entry of guidesInReadingOrder(site)) {
		const file = entry.filePath;
		if (!file) {
			throw new AstroError(
				`The guide "${entry.id}" has no source file, so it has no Markdown twin.`,
				'Guides come from content/docs/; check the docs collection in src/content.config.ts.',
			);
		}
		const input = twinSource(site, entry, file, readFileSync(file, 'utf8'), siteConfig.url);
		try {
			const markdown = (await cache.get(input, '.md', () => markdownTwin(input))).toString('utf8');
			const href = docPath(entry.id);
			result.push({ entry, href, twinHref: twinPath(href), markdown });
		} catch (error) {
			throw toAstroError(error);
		}
	}
	return result;
}
