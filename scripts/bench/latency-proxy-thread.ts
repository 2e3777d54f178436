// The latency proxy on a thread of its own: a real link delays packets without the client's event loop, so the bench
// must not make the sync wait for the proxy's timers and sockets on its main thread. Its CPU still counts as the bench
// process's (`process.cpuUsage` covers every thread).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { once } from 'node:events';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.ts';

/** What the thread is told: where to forward, and how late. */
interface ProxyThreadData {
	target: string;
	delayMs: number;
}

/** Start `startLatencyProxy` on a worker thread; `close` stops the proxy and the thread. */
export async function startLatencyProxyThread(target: URL, delayMs: number): Promise<LatencyProxy> {
	const worker = new Worker(new URL(import.meta.url), { workerData: { target: target.href, delayMs } satisfies ProxyThreadData });
	const [url] = (await once(worker, 'message')) as [string];
	return {
		url,
		close: async () => {
			worker.postMessage('close');
			await once(worker, 'exit');
		},
	};
}

if (!isMainThread && parentPort) {
	const port = parentPort;
	const { target, delayMs } = workerData as ProxyThreadData;
	const proxy = await startLatencyProxy(new URL(target), delayMs);
	port.once('message', async () => {
		await proxy.close();
		port.close();
	});
	port.postMessage(proxy.url);
}
