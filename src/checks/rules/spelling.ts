import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'cspell';
import { isNode } from 'yaml';
import { AcademyError } from '../../lib/errors.ts';
import { walk } from '../mdast.ts';
import type { ParsedDoc, Problem } from '../types.ts';

/** Front matter fields that readers see as text. */
const PROSE_FIELDS = ['title', 'description'];

/** String ranges of a document that readers read as prose: text nodes and the title and description. Code is not prose. */
export function proseRanges(doc: ParsedDoc): [number, number][] {
	const ranges: [number, number][] = [];
	if (doc.tree) {
		walk(doc.tree, (node) => {
			const { start, end } = node.position ?? {};
			if (node.type === 'text' && start?.offset !== undefined && end?.offset !== undefined)
				ranges.push([start.offset, end.offset]);
		});
	}
	if (doc.yaml) {
		for (const field of PROSE_FIELDS) {
			const node = doc.yaml.document.get(field, true);
			if (isNode(node) && node.range) ranges.push([doc.yaml.offset + node.range[0], doc.yaml.offset + node.range[1]]);
		}
	}
	return ranges;
}

/**
 * Spell-check the prose of the given documents with cspell and the project word list. Spelling is a warning: a new tool
 * name should not block a pull request, but it should be added to project-words.txt.
 */
export async function checkSpelling(docs: readonly ParsedDoc[], configFile: string): Promise<Problem[]> {
	if (docs.length === 0) return [];
	const byPath = new Map(docs.map((doc) => [path.resolve(doc.absolutePath), doc]));
	const problems: Problem[] = [];
	const rangesByDoc = new Map<ParsedDoc, [number, number][]>();
	const failures: string[] = [];
	await lint(
		docs.map((doc) => doc.absolutePath),
		{ config: configFile, root: path.dirname(configFile), gitignore: false, progress: false, mustFindFiles: true },
		{
			issue(issue) {
				const doc = issue.uri ? byPath.get(fileURLToPath(issue.uri)) : undefined;
				if (!doc) return;
				const ranges = rangesByDoc.get(doc) ?? proseRanges(doc);
				rangesByDoc.set(doc, ranges);
				if (!ranges.some(([start, end]) => issue.offset >= start && issue.offset < end)) return;
				const suggestion = issue.suggestions?.[0];
				problems.push({
					file: doc.file,
					line: issue.row,
					column: issue.col,
					rule: 'spelling',
					severity: 'warning',
					message: `Unknown word "${issue.text}".`,
					hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}If the word is right, add it to project-words.txt.`,
				});
			},
			error(message, error) {
				failures.push(`${message}: ${error.message}`);
			},
			info() {},
			debug() {},
			progress() {},
			result() {},
		},
	);
	if (failures.length > 0)
		throw new AcademyError(`cspell failed: ${failures.join('; ')}`, 'Check cspell.config.yaml and the files it names.');
	return problems;
}
