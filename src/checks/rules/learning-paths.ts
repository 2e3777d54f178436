import { PATHS_FILE, validateLearningPaths } from '../../content/learning-paths.ts';
import { listSections } from '../../lib/content-files.ts';
import { entryId } from '../../lib/routes.ts';
import type { ParsedDoc, Problem } from '../types.ts';
import { checkYamlList } from './yaml-list.ts';

/** Check content/paths.yaml: its schema, the sections, and that every guide it lists is published; positions point at the guide. */
export function checkLearningPathsFile(root: string, docs: readonly ParsedDoc[]): Problem[] {
	const docsPrefix = 'content/docs/';
	const guides = docs.filter((doc) => doc.kind === 'docs');
	const ids = (drafts: boolean) =>
		new Set(
			guides
				.filter((doc) => (doc.frontmatter?.draft === true) === drafts)
				.map((doc) => entryId(doc.file.slice(docsPrefix.length))),
		);
	const sections = listSections(root).filter((section) => !section.includes('/'));
	return checkYamlList(
		root,
		PATHS_FILE,
		'learning-paths',
		(data) => validateLearningPaths(data, { sections, guides: ids(false), drafts: ids(true) }).problems,
	);
}
