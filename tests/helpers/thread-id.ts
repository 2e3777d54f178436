import { threadId as currentThreadId } from 'node:worker_threads';

/** The id of the thread that calls it: 0 on the main thread (tests of runInWorker). */
export function threadId(): number {
	return currentThreadId;
}
