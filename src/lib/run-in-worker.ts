import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the worker is asked to call. */
export interface WorkerCall {
	/** File URL of the module, loaded from source (Node strips the types). */
	moduleUrl: string;
	exportName: string;
	args: unknown[];
}

/** An error as a worker thread posts it: structured cloning keeps an Error's message but drops its hint. */
export interface PostedError {
	message: string;
	hint: string | undefined;
}

/** What the worker sends back: the function's result (structured-cloned), or its error. */
export type WorkerAnswer = { value: unknown } | { error: PostedError };

/** An error's message and hint, for a worker thread to post to the thread that started it. */
export function postableError(error: unknown): PostedError {
	const hint = (error as { hint?: unknown } | null)?.hint;
	return { message: error instanceof Error ? error.message : String(error), hint: typeof hint === 'string' ? hint : undefined };
}

/** The file URL of a module of this project from its path in the project, e.g. `src/lib/routes.ts`. */
export function projectModule(path: string, root: string = process.cwd()): string {
	return pathToFileURL(join(root, path)).href;
}

/**
 * Call `exportName(...args)` of a module in a new worker thread and resolve with its result, so that loading the module
 * and running the function cost the calling thread nothing. An error keeps its message and hint.
 */
export function runInWorker<T>(moduleUrl: string, exportName: string, args: unknown[] = []): Promise<T> {
	return new Promise((resolve, reject) => {
		const call: WorkerCall = { moduleUrl, exportName, args };
		const worker = new Worker(new URL(projectModule('src/lib/run-in-worker-entry.ts')), { workerData: call });
		worker.once('message', (answer: WorkerAnswer) => {
			if ('value' in answer) resolve(answer.value as T);
			else
				reject(
					Object.assign(new Error(answer.error.message), answer.error.hint === undefined ? {} : { hint: answer.error.hint }),
				);
		});
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`The worker running ${exportName} stopped (exit code ${code}) without an answer.`)),
		);
	});
}
