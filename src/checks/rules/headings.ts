import { nodesOfType, startOf } from '../mdast.ts';
import type { DocRule, Problem } from '../types.ts';

const RULE = 'headings';

/**
 * The page title is the h1, so sections start at h2 (##) and go down one level at a time: a screen reader lists headings
 * as an outline, and a skipped level reads as a missing section. An image overview is rendered under the image page's
 * "Overview" h2, so its sections start at h3.
 */
export const checkHeadings: DocRule = (doc) => {
	if (!doc.tree) return [];
	const parentDepth = doc.kind === 'image-overview' ? 2 : 1;
	const problems: Problem[] = [];
	let previous = parentDepth;
	let seenH1 = false;
	for (const heading of nodesOfType(doc.tree, 'heading')) {
		const place = startOf(heading);
		const problem = (message: string, hint: string) =>
			problems.push({ file: doc.file, ...place, rule: RULE, severity: 'error', message, hint });
		const expected = '#'.repeat(previous + 1);
		if (doc.kind === 'image-overview' && heading.depth <= parentDepth) {
			problem(
				`An image overview cannot hold an h${heading.depth}.`,
				'The page puts the overview under its own h2: write ### for sections.',
			);
		} else if (heading.depth === 1) {
			if (seenH1)
				problem('The page has more than one h1.', 'The title from the front matter is the h1; write sections as ## (h2).');
			seenH1 = true;
		} else if (heading.depth > previous + 1 && previous === parentDepth) {
			problem(
				`The first section heading is h${heading.depth}.`,
				`Sections start at h${parentDepth + 1}: write ${expected} instead.`,
			);
		} else if (heading.depth > previous + 1) {
			problem(
				`The heading jumps from h${previous} to h${heading.depth}.`,
				`Go down one level at a time: write ${expected} here.`,
			);
		}
		previous = Math.max(heading.depth, parentDepth);
	}
	return problems;
};
