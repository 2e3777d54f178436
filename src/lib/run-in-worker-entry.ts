import { parentPort, workerData } from 'node:worker_threads';
import { postableError, type WorkerAnswer, type WorkerCall } from './run-in-worker.ts';

// The thread runInWorker starts: one call, one answer.
const { moduleUrl, exportName, args } = workerData as WorkerCall;
let answer: WorkerAnswer;
try {
	const module = (await import(moduleUrl)) as Record<string, (...args: unknown[]) => unknown>;
	const exported = module[exportName];
	if (typeof exported !== 'function') throw new Error(`${moduleUrl} exports no function named ${exportName}.`);
	answer = { value: await exported(...args) };
} catch (error) {
	answer = { error: postableError(error) };
}
parentPort!.postMessage(answer);
