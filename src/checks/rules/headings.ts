import { nodesOfType, startOf } from '../mdast.ts';
import type { DocRule, Problem } from '../types.ts';

const RULE = 'headings';

/**
 * The page title is the h1, so sections start at h2 (##) and go down one level at a time: a screen reader lists headings
 * as an outline, and a skipped level reads as a missing section.
 */
export const checkHeadings: DocRule = (doc) => {
	if (!doc.tree) return [];
	const problems: Problem[] = [];
	let previous = 1;
	let seenH1 = false;
	for (const heading of nodesOfType(doc.tree, 'heading')) {
		const place = startOf(heading);
		const problem = (message: string, hint: string) =>
			problems.push({ file: doc.file, ...place, rule: RULE, severity: 'error', message, hint });
		if (heading.depth === 1) {
			if (seenH1)
				problem('The page has more than one h1.', 'The title from the front matter is the h1; write sections as ## (h2).');
			seenH1 = true;
		} else if (heading.depth > previous + 1) {
			const expected = '#'.repeat(previous + 1);
			if (previous === 1)
				problem(`The first section heading is h${heading.depth}.`, `Sections start at h2: write ${expected} instead.`);
			else
				problem(
					`The heading jumps from h${previous} to h${heading.depth}.`,
					`Go down one level at a time: write ${expected} here.`,
				);
		}
		previous = heading.depth;
	}
	return problems;
};
