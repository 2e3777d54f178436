import { spawnSync } from 'node:child_process';
/** One step of `npm run check`: what it checks and the command that does it. */
export interface CheckStep {
	label: string;
	command: readonly string[];
}

/** How a step ended. */
export interface CheckStepResult {
	step: CheckStep;
	status: number;
	seconds: number;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The checks in the order they run: the fast content checks first (most contributor mistakes are there), the slow type
 * check last, so the quick answers come before the slow one.
 */
export const CHECK_STEPS: readonly CheckStep[] = [
	{
		label: 'Content (front matter, links, headings, code blocks, spelling, wanted list, learning paths)',
		command: [npm, 'run', '--silent', 'check:content'],
	},
	{ label: 'Front matter reference in CONTRIBUTING.md', command: [npm, 'run', '--silent', 'docs:frontmatter', '--', '--check'] },
	{ label: 'Formatting (Prettier)', command: [npm, 'run', '--silent', 'format:check'] },
	{ label: 'Types (astro check)', command: [npm, 'exec', '--', 'astro', 'check'] },
];

/** Run every step, whatever the earlier ones returned, and collect how each ended. */
export function runCheckSteps(
	steps: readonly CheckStep[],
	run: (step: CheckStep) => { status: number; seconds: number },
): CheckStepResult[] {
	return steps.map((step) => ({ step, ...run(step) }));
}

/** Run a step's command with the terminal attached, printing a heading first; a command that cannot start counts as failed. */
export function spawnStep(step: CheckStep): { status: number; seconds: number } {
	console.log(`\n── ${step.label}: ${step.command.join(' ')}`);
	const started = performance.now();
	const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit' });
	return { status: result.status ?? 1, seconds: (performance.now() - started) / 1000 };
}

/** One line a step with ✓ or ✗ and its time, then the verdict. */
export function formatCheckSummary(results: readonly CheckStepResult[]): string {
	const failed = results.filter((result) => result.status !== 0);
	const lines = results.map(
		(result) => `${result.status === 0 ? '✓' : '✗'} ${result.step.label} (${result.seconds.toFixed(1)} s)`,
	);
	lines.push(
		failed.length === 0
			? `All ${results.length} checks passed.`
			: `${failed.length} of ${results.length} checks failed: fix the problems listed above each ✗ step.`,
	);
	return lines.join('\n');
}
