import type { LearningPath, LearningPathStep } from '../data/learning-paths.ts';
import { pathSegments } from '../lib/routes.ts';

/** Where a guide stands in one learning path, for the "Part N of M" line and the next step. */
export interface PathPosition {
	path: Pick<LearningPath, 'id' | 'title' | 'href'>;
	/** 1-based position of the guide in the path. */
	part: number;
	total: number;
	/** "Part 3 of 9". */
	label: string;
	/** The guide after this one; undefined on the last part. */
	next: LearningPathStep | undefined;
	/** URLs of every guide of the path, in order, for the progress shown next to it. */
	guides: string[];
}

/** "Part N of M", the position of a guide in a path. */
export function partOfPath(part: number, total: number): string {
	return `Part ${part} of ${total}`;
}

/** Every path a guide belongs to, in the order of content/paths.yaml, with its position and next step. */
export function pathPositions(paths: readonly LearningPath[], href: string): PathPosition[] {
	return paths.flatMap((path) => {
		const index = path.steps.findIndex((step) => step.href === href);
		if (index === -1) return [];
		return [
			{
				path: { id: path.id, title: path.title, href: path.href },
				part: index + 1,
				total: path.steps.length,
				label: partOfPath(index + 1, path.steps.length),
				next: path.steps[index + 1],
				guides: path.steps.map((step) => step.href),
			},
		];
	});
}

/** The paths that lead through a folder's guides (a section landing page lists them), in file order. */
export function pathsThroughFolder(paths: readonly LearningPath[], folder: string): LearningPath[] {
	const segments = pathSegments(folder);
	const inFolder = (href: string) => segments.every((segment, index) => pathSegments(href)[index] === segment);
	return paths.filter((path) => path.steps.some((step) => inFolder(step.href)));
}

/** A reading time in words: "45 min", "1 h", "2 h 5 min". */
export function formatMinutes(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return `${rest} min`;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The summary line of a path: how many guides and how long they take to read. */
export function pathSummary(path: Pick<LearningPath, 'steps' | 'readingMinutes'>): string {
	return `${path.steps.length} guides · about ${formatMinutes(path.readingMinutes)} of reading`;
}
