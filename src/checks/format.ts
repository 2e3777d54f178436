import type { Problem } from './types.ts';

/** One line a problem, as `path:line:column  rule  message  (hint)`, which editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
	const where = `${problem.file}:${problem.line}:${problem.column}`;
	return `${where}  ${problem.rule}  ${problem.message}${problem.hint ? `  (${problem.hint})` : ''}`;
}

const escapeData = (value: string) => value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (value: string) => escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** A GitHub Actions workflow command that shows the problem on the pull request's changed line. */
export function formatAnnotation(problem: Problem): string {
	const properties = [
		`file=${escapeProperty(problem.file)}`,
		`line=${problem.line}`,
		`col=${problem.column}`,
		`title=${escapeProperty(problem.rule)}`,
	].join(',');
	return `::${problem.severity} ${properties}::${escapeData(problem.hint ? `${problem.message} ${problem.hint}` : problem.message)}`;
}

/** The closing line: how many files, errors and warnings. */
export function formatCheckSummary(problems: readonly Problem[], checkedFiles: number): string {
	const errors = problems.filter((problem) => problem.severity === 'error').length;
	const warnings = problems.length - errors;
	const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
	return `${plural(checkedFiles, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}
