import { fileURLToPath } from 'node:url';
import { formatProblem } from '../../../src/checks/format.ts';
import type { Problem } from '../../../src/checks/types.ts';

/** A small site with a passing and a failing guide per rule. */
export const FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/checks/site/', import.meta.url));

/** "Today" for the fixture site, so that the age of its reviewed dates never depends on when the tests run. */
export const FIXTURE_NOW = new Date('2025-06-01T00:00:00Z');

/** The problems of one fixture file, as the lines the CLI prints. */
export function linesFor(problems: readonly Problem[], file: string): string[] {
	return problems.filter((problem) => problem.file === `content/docs/${file}`).map(formatProblem);
}
