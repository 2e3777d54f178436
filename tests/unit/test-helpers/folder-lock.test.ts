import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFolderLock } from '../../helpers/folder-lock.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

describe('withFolderLock', () => {
	const folder = temporaryFolderPerTest('sca-folder-lock-test-');

	it('gives up on a lock nobody releases, with a hint', async () => {
		const path = join(folder(), 'lock');
		await mkdir(path);
		const error = await withFolderLock({ path, name: 'The test lock', waitMs: 200 }, async () => 'in').catch((caught) => caught);
		expect(error.message).toBe(`The test lock ${path} was held for over 0.2 s.`);
		expect(error.hint).toMatch(/remove the folder/);
	});
});
