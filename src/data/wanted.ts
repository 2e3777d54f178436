import { AstroError } from 'astro/errors';
import { getCollection } from 'astro:content';
import { compareText } from '../lib/compare.ts';
import { listSections } from '../lib/content-files.ts';
import { DIFFICULTIES, WANTED_FILE, validateWantedGuides, type WantedGuide } from '../content/wanted.ts';
import { getGuideIndex } from './docs.ts';

/** The wanted guides by difficulty, easiest first, each list in title order; the build fails on a stale or broken entry. */
export async function getWantedGuides(): Promise<{ difficulty: WantedGuide['difficulty']; guides: WantedGuide[] }[]> {
	const [entries, site] = await Promise.all([getCollection('wanted'), getGuideIndex()]);
	const { guides, problems } = validateWantedGuides(
		entries.map((entry) => entry.data),
		{ sections: listSections(process.cwd()), existingGuides: new Set(site.docs.map((entry) => entry.id)) },
	);
	if (problems.length > 0) {
		throw new AstroError(
			`${WANTED_FILE}: ${problems.map((problem) => problem.message).join(' ')}`,
			problems.map((problem) => problem.hint).join(' '),
		);
	}
	return DIFFICULTIES.map((difficulty) => ({
		difficulty,
		guides: guides.filter((guide) => guide.difficulty === difficulty).sort((a, b) => compareText(a.title, b.title)),
	})).filter((group) => group.guides.length > 0);
}
