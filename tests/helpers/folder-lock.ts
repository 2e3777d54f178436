import { mkdir, rmdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a lock guards, and how long a caller waits for it before giving up. */
export interface FolderLock {
	/** The lock folder; its parent must exist. */
	path: string;
	/** What the lock guards, to start the timeout message: "The clipboard lock". */
	name: string;
	/** Longest wait for another holder to release the lock. */
	waitMs: number;
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

/** Run `use` while holding `lock`, which test files in other workers wait for; fails with a hint after `lock.waitMs`. */
export async function withFolderLock<T>(lock: FolderLock, use: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + lock.waitMs;
	while (!(await tryToLock(lock.path))) {
		if (Date.now() > deadline) {
			throw Object.assign(new Error(`${lock.name} ${lock.path} was held for over ${lock.waitMs / 1000} s.`), {
				hint: 'A test run that was killed may have left it: remove the folder and run again.',
			});
		}
		await sleep(50);
	}
	try {
		return await use();
	} finally {
		await rmdir(lock.path);
	}
}
