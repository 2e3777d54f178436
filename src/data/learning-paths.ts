import type { CollectionEntry } from 'astro:content';
import { PATHS_FILE, validateLearningPaths, type LearningPathEntry } from '../content/learning-paths.ts';
import { AcademyError } from '../lib/errors.ts';
import { readingMinutes } from '../lib/reading-time.ts';
import { docPath, learningPathPath } from '../lib/routes.ts';
import { sections as siteSections, siteConfig } from '../site.config.ts';

/** A guide as a step of a learning path. */
export interface LearningPathStep {
	/** Guide id (path under content/docs without extension). */
	id: string;
	href: string;
	title: string;
	description: string;
	readingMinutes: number;
}

/** A learning path with its guides resolved, in reading order. */
export interface LearningPath {
	id: string;
	title: string;
	description: string;
	/** Top-level section folder, e.g. `container-images`. */
	section: string;
	/** The section's short label, e.g. "Container images". */
	sectionLabel: string;
	/** URL of the path's page. */
	href: string;
	steps: LearningPathStep[];
	/** Reading time of all its guides together. */
	readingMinutes: number;
}

/**
 * Resolve the learning paths against the published guides, in file order. Any problem (an unknown or draft guide, a
 * repeated id, an unknown section) fails the build with every problem named, and the closest guide for a typo.
 */
export function buildLearningPaths(
	entries: readonly LearningPathEntry[],
	docs: ReadonlyMap<string, CollectionEntry<'docs'>>,
	sections: readonly string[],
): LearningPath[] {
	const { paths, problems } = validateLearningPaths(entries, { sections, guides: new Set(docs.keys()) });
	if (problems.length > 0) {
		throw new AcademyError(
			`${PATHS_FILE}: ${problems.map((problem) => problem.message).join(' ')}`,
			[...new Set(problems.map((problem) => problem.hint))].join(' '),
		);
	}
	return paths.map((entry) => {
		const steps = entry.guides.map((id) => {
			const guide = docs.get(id)!;
			return {
				id,
				href: docPath(id),
				title: guide.data.title,
				description: guide.data.description,
				readingMinutes: readingMinutes(guide.body ?? '', siteConfig.wordsPerMinute),
			};
		});
		return {
			id: entry.id,
			title: entry.title,
			description: entry.description,
			section: entry.section,
			sectionLabel: siteSections.find((section) => section.path === entry.section)?.label ?? entry.section,
			href: learningPathPath(entry.id),
			steps,
			readingMinutes: steps.reduce((sum, step) => sum + step.readingMinutes, 0),
		};
	});
}
