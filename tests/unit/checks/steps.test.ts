import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_STEPS, formatCheckSummary, runCheckSteps, spawnStep } from '../../../src/checks/steps.ts';

let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

describe('npm run check', () => {
	it('runs the content checks first and the slow type check last', () => {
		expect(CHECK_STEPS[0]!.command).toContain('check:content');
		expect(CHECK_STEPS.at(-1)!.command).toContain('astro');
	});

	it('runs every step even after one fails, and reports each', { timeout: 30_000 }, () => {
		folder = mkdtempSync(path.join(tmpdir(), 'check-steps-'));
		const marker = path.join(folder, 'second-step-ran');
		const results = runCheckSteps(
			[
				{ label: 'Fails', command: [process.execPath, '-e', 'process.exit(3)'] },
				{ label: 'Runs anyway', command: [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`] },
			],
			spawnStep,
		);
		expect(results.map((result) => [result.step.label, result.status])).toEqual([
			['Fails', 3],
			['Runs anyway', 0],
		]);
		expect(existsSync(marker)).toBe(true);
		const summary = formatCheckSummary(results.map((result) => ({ ...result, seconds: 1 })));
		expect(summary).toBe(
			['✗ Fails (1.0 s)', '✓ Runs anyway (1.0 s)', '1 of 2 checks failed: fix the problems listed above each ✗ step.'].join('\n'),
		);
	});

	it('counts a command that cannot start as failed', () => {
		const [result] = runCheckSteps([{ label: 'Missing', command: ['academy-no-such-command'] }], spawnStep);
		expect(result!.status).toBe(1);
	});
});
