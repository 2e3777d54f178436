import { walk } from '../mdast.ts';
import type { DocRule, Problem } from '../types.ts';

/** Two hyphens and a letter at the start of a word: a command-line flag such as `--from` written as plain text. */
const FLAG = /(?<![\w-])--(?=[A-Za-z])/g;

/**
 * A flag written in prose is not what the reader sees: smart punctuation turns its two hyphens into an en dash
 * (`--from` becomes `–from`), so a copied flag fails and a heading's anchor changes. Inline code keeps it exact.
 */
export const checkFlagsInProse: DocRule = (doc) => {
	if (!doc.tree) return [];
	const problems: Problem[] = [];
	walk(doc.tree, (node) => {
		if (node.type !== 'text' || !node.position) return;
		const { start, end } = node.position;
		// The text node holds the punctuated text; the source still shows what the author typed.
		const written = doc.source.slice(start.offset, end.offset);
		for (const match of written.matchAll(FLAG)) {
			const before = written.slice(0, match.index);
			const lineBreaks = before.split('\n').length - 1;
			const flag = /^--[\w-]+/.exec(written.slice(match.index))![0];
			problems.push({
				file: doc.file,
				line: start.line + lineBreaks,
				column: lineBreaks === 0 ? start.column + match.index : match.index - before.lastIndexOf('\n'),
				rule: 'flags-in-prose',
				severity: 'error',
				message: `"${flag}" is written as plain text, so the site shows it with an en dash ("–${flag.slice(2)}").`,
				hint: `Write it as inline code: \`${flag}\`.`,
			});
		}
	});
	return problems;
};
