import { getCollection } from 'astro:content';
import { loadTags } from '../content/tags.ts';
import { readGitDates } from '../lib/git-dates.ts';
import { sections, siteConfig } from '../site.config.ts';
import { toAstroError } from '../content/errors.ts';
import { buildGuideIndex, type GuideIndex } from './guide-index.ts';

let index: Promise<GuideIndex> | undefined;

/** Load the guide index once per build; drafts are included in development only. */
export function getGuideIndex(): Promise<GuideIndex> {
	index ??= loadGuideIndex();
	return index;
}

async function loadGuideIndex(): Promise<GuideIndex> {
	const [docs, learningPaths] = await Promise.all([
		getCollection('docs', (entry) => import.meta.env.DEV || !entry.data.draft),
		getCollection('learningPaths'),
	]);
	try {
		return buildGuideIndex(docs, {
			sections,
			gitDates: readGitDates(siteConfig.contentDir),
			tags: loadTags(),
			learningPaths: learningPaths
				.map((entry) => entry.data)
				.sort((a, b) => a.position - b.position)
				.map(({ position: _position, ...path }) => path),
		});
	} catch (error) {
		throw toAstroError(error);
	}
}
