import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { withFolderLock } from './folder-lock.ts';

/** Longest wait for another test file to finish with the clipboard. */
const WAIT_MS = 120_000;

/**
 * The lock of the Chromium this file talks to: the run's shared one (named by its endpoint), or one per process when
 * the file launched its own.
 */
function lockPath(): string {
	const browser = inject('chromiumEndpoint') ?? `process-${process.pid}`;
	return join(tmpdir(), `academy-clipboard-${createHash('sha256').update(browser).digest('hex').slice(0, 16)}`);
}

/**
 * Run `use` while no other test file copies or reads the clipboard. Chromium keeps one clipboard for all its contexts,
 * and the browser files of a run share one Chromium on two workers, so without this a copy in one file can land
 * between another file's copy and its read (a CI run read a kubectl command where it expected a guide's Markdown).
 */
export async function withClipboard<T>(use: () => Promise<T>): Promise<T> {
	return withFolderLock({ path: lockPath(), name: 'The clipboard lock', waitMs: WAIT_MS }, use);
}
