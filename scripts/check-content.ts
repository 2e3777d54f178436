// Content checks for guides and image overviews: `npm run check:content [-- files...] [--no-spelling]`.
// Prints one line a problem (path:line:column  rule  message  (hint)), GitHub annotations when GITHUB_ACTIONS is set,
// and exits 1 when any error was found (warnings alone do not fail), 2 on a usage error.
import { parseArgs } from 'node:util';
import { formatAnnotation, formatCheckSummary, formatProblem } from '../src/checks/format.ts';
import { runChecks } from '../src/checks/runner.ts';
import { describeError } from '../src/lib/errors.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { root: { type: 'string', default: process.cwd() }, 'no-spelling': { type: 'boolean', default: false } },
});

try {
	const { problems, checkedFiles } = await runChecks({
		root: values.root,
		files: positionals.length > 0 ? positionals : undefined,
		spelling: !values['no-spelling'],
		// SOURCE_DATE_EPOCH pins "today" (the age of reviewed dates), so a run can be repeated exactly.
		now: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : undefined,
	});
	for (const problem of problems) {
		console.log(formatProblem(problem));
		if (process.env.GITHUB_ACTIONS) console.log(formatAnnotation(problem));
	}
	console.log(formatCheckSummary(problems, checkedFiles));
	process.exitCode = problems.some((problem) => problem.severity === 'error') ? 1 : 0;
} catch (error) {
	console.error(describeError(error));
	process.exitCode = 2;
}
