import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Run a benchmark script as `npm run` does, with the given flags. */
function runScript(script: string, flags: string[]) {
	return spawnSync(process.execPath, [`scripts/${script}`, ...flags], { encoding: 'utf8', timeout: 60_000 });
}

describe('benchmark flags', () => {
	it.each([
		['bench-sync.ts', ['--repos', '0'], '--repos must be a positive whole number, got "0". Hint: For example: --repos 200.'],
		['bench-verify.ts', ['--rounds', 'x'], '--rounds must be a positive whole number, got "x". Hint: For example: --rounds 200.'],
		['bench-images.ts', ['--images=0'], '--images must be a positive whole number, got "0". Hint: For example: --images 1000.'],
		['bench-verify.ts', ['--bogus'], "Unknown option '--bogus'"],
	])('%s %j: says what is wrong and how to write it, without a stack trace, and exits with 1', (script, flags, message) => {
		const run = runScript(script, flags);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe(message);
		expect(run.stdout).toBe('');
	});
});
