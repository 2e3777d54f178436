import { describe, expect, it } from 'vitest';
import { projectModule, runInWorker } from '../../../src/lib/run-in-worker.ts';

describe('runInWorker', () => {
	it("resolves with the function's result, computed in another thread", async () => {
		const id = await runInWorker<number>(projectModule('tests/helpers/thread-id.ts'), 'threadId');
		expect(id).toBeGreaterThan(0);
		expect(await runInWorker(projectModule('src/lib/routes.ts'), 'docPath', ['open-source/wolfi/index'])).toBe(
			'/open-source/wolfi/',
		);
	});

	it('rejects with the error and its hint, or names the missing function', async () => {
		const bad = runInWorker(projectModule('src/lib/cli-options.ts'), 'wholeNumberOption', [
			'--runs',
			'x',
			{ min: 1 },
			'--runs 3',
		]);
		await expect(bad).rejects.toThrow('--runs must be');
		await expect(bad).rejects.toMatchObject({ hint: '--runs 3' });
		await expect(runInWorker(projectModule('src/lib/routes.ts'), 'noSuchFunction')).rejects.toThrow(
			'exports no function named noSuchFunction',
		);
	});
});
