import { createHash } from 'node:crypto';
import { mkdir, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

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

/** Take the lock if nobody holds it: mkdir either creates the folder or fails because it exists, across processes. */
async function tryToLock(lock: string): Promise<boolean> {
	try {
		await mkdir(lock);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

/**
 * Run `use` while no other test file copies or reads the clipboard. Chromium keeps one clipboard for all its contexts,
 * and the browser files of a run share one Chromium on two workers, so without this a copy in one file can land
 * between another file's copy and its read (a CI run read a kubectl command where it expected a guide's Markdown).
 */
export async function withClipboard<T>(use: () => Promise<T>): Promise<T> {
	const lock = lockPath();
	const deadline = Date.now() + WAIT_MS;
	while (!(await tryToLock(lock))) {
		if (Date.now() > deadline) {
			throw Object.assign(new Error(`The clipboard lock ${lock} was held for over ${WAIT_MS / 1000} s.`), {
				hint: 'A test run that was killed may have left it: remove the folder and run again.',
			});
		}
		await sleep(50);
	}
	try {
		return await use();
	} finally {
		await rmdir(lock);
	}
}
