import type { DocRule, Problem } from '../types.ts';

// TODO and FIXME count in capitals only: "todo list" is ordinary English.
const LEFTOVER = /\b(?:TODO|FIXME)\b|\b[Ll]orem\s+[Ii]psum\b/g;

/** Drafts may hold notes to self; a published guide may not. The scaffold writes its prompts as TODO so that they are found. */
export const checkLeftovers: DocRule = (doc) => {
	if (doc.frontmatter?.draft === true) return [];
	const problems: Problem[] = [];
	doc.source.split(/\r?\n/).forEach((text, index) => {
		for (const match of text.matchAll(LEFTOVER)) {
			problems.push({
				file: doc.file,
				line: index + 1,
				column: (match.index ?? 0) + 1,
				rule: 'leftovers',
				severity: 'error',
				message: `"${match[0]}" is left in a published guide.`,
				hint: 'Finish or remove it, or mark the guide as a draft with draft: true until it is ready.',
			});
		}
	});
	return problems;
};
