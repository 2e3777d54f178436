import { createHash } from 'node:crypto';
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from '../../../scripts/bench/latency-proxy.ts';
import { startLatencyProxyThread } from '../../../scripts/bench/latency-proxy-thread.ts';

const DELAY_MS = 50;
/** A large answer, so it crosses the proxy in many chunks. */
const BIG = Buffer.alloc(4 * 1024 * 1024, 'abcdefghijklmnopqrstuvwxyz0123456789');

let server: Server;
let origin: string;
let connections = 0;

beforeAll(async () => {
	server = createServer((incoming, outgoing) => {
		const hash = createHash('sha256');
		incoming.on('data', (chunk: Buffer) => hash.update(chunk));
		incoming.on('end', () => {
			outgoing.setHeader('x-request-sha256', hash.digest('hex'));
			outgoing.end(incoming.url === '/big' ? BIG : 'ok');
		});
	});
	server.on('connection', () => connections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

/** One request on `agent`: its answer, body and milliseconds from start to the body's end. */
async function timed(base: string, agent: Agent, path = '/', body?: Buffer[]) {
	const started = performance.now();
	return new Promise<{ response: IncomingMessage; body: Buffer; ms: number }>((resolve, reject) => {
		const outgoing = request(`${base}${path}`, { method: body ? 'POST' : 'GET', agent }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ response, body: Buffer.concat(chunks), ms: performance.now() - started }));
		});
		outgoing.on('error', reject);
		outgoing.setNoDelay(true);
		// A pause between chunks, so each reaches the proxy as a chunk of its own.
		const send = async () => {
			for (const chunk of body ?? []) {
				outgoing.write(chunk);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			outgoing.end();
		};
		send().catch(reject);
	});
}

// The bench runs the proxy on a worker thread of its own; the same checks hold there.
describe.each([
	{ where: 'in this thread', start: startLatencyProxy },
	{ where: 'on a worker thread', start: startLatencyProxyThread },
])('the TCP latency proxy, $where', ({ start }) => {
	let proxy: LatencyProxy;
	beforeAll(async () => {
		proxy = await start(new URL(origin), DELAY_MS);
	});
	afterAll(async () => {
		await proxy.close();
	});

	it('makes every request on a kept-alive connection at least the delay slower', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const direct = await timed(origin, agent);
			const before = connections;
			const proxied = [];
			for (let round = 0; round < 3; round++) proxied.push((await timed(proxy.url, agent)).ms);
			expect(connections - before, 'the three requests shared one upstream connection').toBe(1);
			// libuv's clock has millisecond steps, so a timer may fire up to 1 ms before performance.now() says it is due.
			for (const ms of proxied)
				expect(ms, `proxied ${proxied.join(', ')} ms, direct ${direct.ms} ms`).toBeGreaterThanOrEqual(DELAY_MS - 1);
		} finally {
			agent.destroy();
		}
	});

	it('passes a request sent in many chunks, and a large answer, through unchanged and in order', async () => {
		const agent = new Agent({ keepAlive: false });
		const chunks = Array.from({ length: 30 }, (_, index) => Buffer.from(`chunk ${index};`));
		const sent = await timed(proxy.url, agent, '/echo', chunks);
		expect(sent.response.headers['x-request-sha256']).toBe(createHash('sha256').update(Buffer.concat(chunks)).digest('hex'));
		const big = await timed(proxy.url, agent, '/big');
		expect(big.body.length).toBe(BIG.length);
		expect(big.body.equals(BIG), 'the answer arrived byte for byte').toBe(true);
	});

	it('closes with connections still open', async () => {
		const other = await start(new URL(origin), DELAY_MS);
		const agent = new Agent({ keepAlive: true });
		await timed(other.url, agent);
		await other.close();
		await expect(timed(other.url, agent)).rejects.toThrow(/ECONNREFUSED|socket hang up|ECONNRESET/);
		agent.destroy();
	});
});
