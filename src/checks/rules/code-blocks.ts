import { closest } from 'fastest-levenshtein';
import { codeLanguages, plainLanguages } from '../../site.config.ts';
import { nodesOfType, startOf } from '../mdast.ts';
import type { DocRule, Problem } from '../types.ts';

/** Languages a code block may name: the highlighted ones and the plain-text ones (`output` for what a command prints). */
const LANGUAGES: readonly string[] = [...codeLanguages, ...plainLanguages];

/** Blocks readers copy into a terminal. */
const COMMAND_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);
const CONTINUATION_THEN_SPACE = /\\([ \t]+)$/;

/** Every code block names a language the site highlights, so it is highlighted and its copy button knows what it holds. */
export const checkCodeLanguage: DocRule = (doc) => {
	if (!doc.tree) return [];
	const problems: Problem[] = [];
	for (const code of nodesOfType(doc.tree, 'code')) {
		const problem = (message: string, hint: string) =>
			problems.push({ file: doc.file, ...startOf(code), rule: 'code-language', severity: 'error', message, hint });
		if (!code.lang) {
			problem(
				'The code block has no language.',
				'Name it after the opening fence, e.g. ```bash; use ```output for command output and ```text for anything else.',
			);
		} else if (!LANGUAGES.includes(code.lang)) {
			problem(
				`The code block language "${code.lang}" is not one the site highlights.`,
				`Did you mean "${closest(code.lang, [...LANGUAGES])}"? The list is in CONTRIBUTING.md.`,
			);
		}
	}
	return problems;
};

/**
 * A `\` followed by spaces does not continue a shell command: the copied command stops there and the next line runs on
 * its own. Spaces after the backslash are invisible on the page, so the check points at them.
 */
export const checkCommandWhitespace: DocRule = (doc) => {
	if (!doc.tree) return [];
	const lines = doc.source.split(/\r?\n/);
	const problems: Problem[] = [];
	for (const code of nodesOfType(doc.tree, 'code')) {
		if (!code.lang || !COMMAND_LANGUAGES.has(code.lang)) continue;
		const fenceLine = startOf(code).line;
		const contentLines = code.value === '' ? 0 : code.value.split('\n').length;
		for (let offset = 1; offset <= contentLines; offset++) {
			const line = fenceLine + offset;
			const match = CONTINUATION_THEN_SPACE.exec(lines[line - 1] ?? '');
			if (!match) continue;
			problems.push({
				file: doc.file,
				line,
				column: match.index + 2,
				rule: 'command-whitespace',
				severity: 'error',
				message: 'Whitespace after the line-continuation backslash breaks the command when it is copied.',
				hint: 'Delete the spaces after \\ so that it ends the line.',
			});
		}
	}
	return problems;
};
