import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, FIXTURE_ROOT } from './helpers.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
	spawnSync(process.execPath, ['scripts/check-content.ts', '--root', FIXTURE_ROOT, '--no-spelling', ...args], {
		encoding: 'utf8',
		env: { ...process.env, GITHUB_ACTIONS: '', SOURCE_DATE_EPOCH: String(FIXTURE_NOW.getTime() / 1000), ...env },
	});

// Each test starts a Node process; allow for a busy machine.
describe('check-content CLI', { timeout: 30_000 }, () => {
	it('exits 0 on a clean file and prints the summary', () => {
		const result = run([`${FIXTURE_ROOT}content/docs/headings/pass.mdx`]);
		expect(result.stdout).toBe('1 file checked: 0 errors, 0 warnings.\n');
		expect(result.status).toBe(0);
	});

	it('exits 1 on errors and adds GitHub annotations when GITHUB_ACTIONS is set', () => {
		const result = run([`${FIXTURE_ROOT}content/docs/headings/fail.mdx`], { GITHUB_ACTIONS: 'true' });
		expect(result.status).toBe(1);
		expect(result.stdout.split('\n').slice(0, 2)).toEqual([
			'content/docs/headings/fail.mdx:9:1  headings  The first section heading is h3.  (Sections start at h2: write ## instead.)',
			'::error file=content/docs/headings/fail.mdx,line=9,col=1,title=headings::The first section heading is h3. Sections start at h2: write ## instead.',
		]);
	});

	it('exits 2 with a hint on a file that is not content', () => {
		const result = run(['package.json']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('package.json is not a guide in content/docs/');
	});
});
