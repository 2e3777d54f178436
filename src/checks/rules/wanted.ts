import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { WANTED_FILE, validateWantedGuides } from '../../content/wanted.ts';
import { entryId } from '../../lib/routes.ts';
import { listSections } from '../../lib/content-files.ts';
import type { ParsedDoc, Problem } from '../types.ts';

const RULE = 'wanted';

/** Check content/wanted.yaml against its schema, the sections and the guides already written; positions point at the entry. */
export function checkWantedFile(root: string, docs: readonly ParsedDoc[], tags: readonly string[]): Problem[] {
	const file = path.join(root, WANTED_FILE);
	if (!existsSync(file)) return [];
	const lineCounter = new LineCounter();
	const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
	const problem = (offset: number, message: string, hint: string): Problem => {
		const { line, col } = lineCounter.linePos(offset);
		return { file: WANTED_FILE, line, column: col, rule: RULE, severity: 'error', message, hint };
	};
	if (document.errors.length > 0) {
		return document.errors.map((error) =>
			problem(error.pos[0], `The file is not valid YAML: ${error.message.split('\n')[0]}`, 'Fix the indentation or quoting.'),
		);
	}
	const docsPrefix = 'content/docs/';
	const existingGuides = new Set(
		docs.filter((doc) => doc.kind === 'docs').map((doc) => entryId(doc.file.slice(docsPrefix.length))),
	);
	const { problems } = validateWantedGuides(document.toJS(), { sections: listSections(root), existingGuides }, tags);
	return problems.map(({ index, message, hint }) => {
		const node = index >= 0 ? document.getIn([index], true) : undefined;
		const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
		return problem(offset, message, hint);
	});
}
