import { blockDirectiveProblem } from '../../markdown/directives.ts';
import { nodesOfType, startOf } from '../mdast.ts';
import type { DocRule } from '../types.ts';

/** The build stops on a block directive it cannot render; this says so before a build, with the place and the fix. */
export const checkDirectives: DocRule = (doc) => {
	if (!doc.tree) return [];
	return nodesOfType(doc.tree, 'containerDirective').flatMap((node) => {
		const problem = blockDirectiveProblem(node);
		return problem ? [{ file: doc.file, ...startOf(node), rule: 'directives', severity: 'error' as const, ...problem }] : [];
	});
};
