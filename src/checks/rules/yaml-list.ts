import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ListProblem } from '../../content/yaml-list.ts';
import type { Problem } from '../types.ts';

/**
 * Check a YAML data file of the project (the wanted guides, the learning paths) with its validator, reporting each
 * problem at the line of the node it names; a missing file is no problem, broken YAML is.
 */
export function checkYamlList(
	root: string,
	file: string,
	rule: string,
	validate: (data: unknown) => readonly ListProblem[],
): Problem[] {
	const absolute = path.join(root, file);
	if (!existsSync(absolute)) return [];
	const lineCounter = new LineCounter();
	const document = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter });
	const problem = (offset: number, message: string, hint: string): Problem => {
		const { line, col } = lineCounter.linePos(offset);
		return { file, line, column: col, rule, severity: 'error', message, hint };
	};
	if (document.errors.length > 0) {
		return document.errors.map((error) =>
			problem(error.pos[0], `The file is not valid YAML: ${error.message.split('\n')[0]}`, 'Fix the indentation or quoting.'),
		);
	}
	return validate(document.toJS()).map(({ at, message, hint }) => {
		// The deepest node that exists: a missing field is reported at its entry.
		let node: unknown;
		for (let depth = at.length; depth > 0 && !node; depth--) node = document.getIn(at.slice(0, depth), true);
		const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
		return problem(offset, message, hint);
	});
}
