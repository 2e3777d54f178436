import { fileURLToPath } from 'node:url';
import { formatProblem } from '../../../src/checks/format.ts';
import type { Problem } from '../../../src/checks/types.ts';

/** A small site with a passing and a failing guide per rule. */
export const FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/checks/site/', import.meta.url));

/** The problems of one fixture file, as the lines the CLI prints. */
export function linesFor(problems: readonly Problem[], file: string): string[] {
	return problems.filter((problem) => problem.file === `content/docs/${file}`).map(formatProblem);
}
