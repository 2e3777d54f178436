import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh temporary folder for each test of the suite this is called in, removed after the test. Call it at suite
 * level; the function it returns gives the current test's folder.
 */
export function temporaryFolderPerTest(prefix: string): () => string {
	let folder: string | undefined;
	beforeEach(async () => {
		folder = await mkdtemp(join(tmpdir(), prefix));
	});
	afterEach(async () => {
		if (folder) await rm(folder, { recursive: true, force: true });
		folder = undefined;
	});
	return () => {
		if (!folder) throw new Error(`The temporary folder "${prefix}…" exists only while a test of its suite runs.`);
		return folder;
	};
}
