import { WANTED_FILE, validateWantedGuides } from '../../content/wanted.ts';
import { entryId } from '../../lib/routes.ts';
import { listSections } from '../../lib/content-files.ts';
import type { ParsedDoc, Problem } from '../types.ts';
import { checkYamlList } from './yaml-list.ts';

/** Check content/wanted.yaml against its schema, the sections and the guides already written; positions point at the entry. */
export function checkWantedFile(root: string, docs: readonly ParsedDoc[], tags: readonly string[]): Problem[] {
	const docsPrefix = 'content/docs/';
	const existingGuides = new Set(
		docs.filter((doc) => doc.kind === 'docs').map((doc) => entryId(doc.file.slice(docsPrefix.length))),
	);
	return checkYamlList(
		root,
		WANTED_FILE,
		'wanted',
		(data) => validateWantedGuides(data, { sections: listSections(root), existingGuides }, tags).problems,
	);
}
