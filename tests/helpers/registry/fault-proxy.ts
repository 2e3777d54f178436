import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
// The benchmark corpus's mulberry32: a fault sequence depends on the seed only (and on the order requests arrive in).
import { seededRandom } from '../../../scripts/bench/corpus.ts';

/** The faults the proxy injects, as the issue lists them. */
export const FAULT_KINDS = ['500', '503', '429', 'reset', 'truncate', 'flip', 'stall'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
	/** `http://127.0.0.1:PORT` of the registry behind the proxy. */
	target: string;
	/** Share of requests that get a fault, 0 to 1. */
	rate: number;
	/** Seed of the fault sequence, so a run can be repeated. */
	seed: number;
	/**
	 * Faults in a row for one request (method and path) at most: the bound that keeps a client with more retries
	 * than this from ever failing for the faults alone.
	 */
	maxConsecutive?: number;
	/** How long a stalled answer waits before it is sent. */
	stallMs?: number;
	/** Flip a byte in every answer whose path contains this (a persistent fault, for the "still wrong" case). */
	alwaysFlip?: string;
}

/** What the proxy did: requests passed, and faults injected by kind. */
export interface FaultStats {
	requests: number;
	faults: Record<FaultKind, number>;
}

export interface FaultProxy {
	url: string;
	stats: FaultStats;
	close(): Promise<void>;
}

interface Upstream {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

async function forward(target: string, request: IncomingMessage): Promise<Upstream> {
	const url = new URL(request.url ?? '/', target);
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(url, { method: request.method, headers: { ...request.headers, host: url.host } }, (answer) => {
			const chunks: Buffer[] = [];
			answer.on('data', (chunk: Buffer) => chunks.push(chunk));
			answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
			answer.on('error', reject);
		});
		outgoing.on('error', reject);
		request.pipe(outgoing);
	});
}

/** A body whose damage a client can detect: manifests and blobs are fetched by digest or named by Docker-Content-Digest. */
function contentAddressed(request: IncomingMessage): boolean {
	return request.method === 'GET' && /\/(manifests|blobs)\//.test(request.url ?? '');
}

/**
 * The faults that fit a request and its answer. A flipped byte is injected only where a client can tell (a
 * content-addressed body): a changed byte in a tag list still parses, and only TLS guards such a body in practice.
 */
function applicable(request: IncomingMessage, upstream: Upstream): FaultKind[] {
	const withBody = request.method === 'GET' && upstream.status === 200 && upstream.body.length > 1;
	return FAULT_KINDS.filter(
		(kind) => (kind !== 'truncate' || withBody) && (kind !== 'flip' || (withBody && contentAddressed(request))),
	);
}

/**
 * A loopback HTTP proxy in front of a registry that breaks a share of the requests: 500, 503, 429 with
 * Retry-After, connection resets, bodies cut short (the connection dropped mid-body, or a shorter Content-Length),
 * one flipped byte, and 2 s stalls. Faults are bounded per request, so a client with enough retries always gets
 * through.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
	const random = seededRandom(options.seed);
	const maxConsecutive = options.maxConsecutive ?? 3;
	const stallMs = options.stallMs ?? 2000;
	const consecutive = new Map<string, number>();
	const stats: FaultStats = {
		requests: 0,
		faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as FaultStats['faults'],
	};
	let truncations = 0;

	/** Send `body` with the upstream status and headers; a HEAD answer keeps the upstream Content-Length. */
	const respond = (request: IncomingMessage, response: ServerResponse, upstream: Upstream, body: Buffer) => {
		const headers = { ...upstream.headers };
		if (request.method !== 'HEAD') headers['content-length'] = String(body.length);
		delete headers['transfer-encoding'];
		response.writeHead(upstream.status, headers);
		response.end(request.method === 'HEAD' ? undefined : body);
	};

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		stats.requests++;
		const key = `${request.method} ${request.url}`;
		const upstream = await forward(options.target, request);
		const persistent = options.alwaysFlip !== undefined && (request.url ?? '').includes(options.alwaysFlip);
		const streak = consecutive.get(key) ?? 0;
		const faulty = persistent || (streak < maxConsecutive && random() < options.rate);
		if (!faulty) {
			consecutive.delete(key);
			return respond(request, response, upstream, upstream.body);
		}
		const kinds = applicable(request, upstream);
		const kind: FaultKind = persistent && kinds.includes('flip') ? 'flip' : kinds[Math.floor(random() * kinds.length)];
		consecutive.set(key, streak + 1);
		stats.faults[kind]++;
		switch (kind) {
			case '500':
			case '503':
				response.writeHead(Number(kind), { 'Content-Type': 'text/plain' });
				return response.end('injected fault\n');
			case '429': {
				const body = JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'injected throttle' }] });
				response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
				return response.end(body);
			}
			case 'reset':
				return request.socket.destroy();
			case 'truncate': {
				const half = upstream.body.subarray(0, Math.floor(upstream.body.length / 2));
				// Alternately: the connection drops mid-body, or the body arrives whole by HTTP but short.
				if (truncations++ % 2 === 0) {
					response.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(upstream.body.length) });
					response.write(half);
					return setTimeout(() => response.destroy(), 10);
				}
				return respond(request, response, upstream, half);
			}
			case 'flip': {
				const body = Buffer.from(upstream.body);
				const at = Math.floor(random() * body.length);
				body[at] ^= 0x01;
				return respond(request, response, upstream, body);
			}
			case 'stall':
				return setTimeout(() => respond(request, response, upstream, upstream.body), stallMs);
		}
	};

	const server: Server = createServer((request, response) => {
		handle(request, response).catch(() => response.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address !== 'object') throw new Error('fault proxy has no address');
	return {
		url: `http://127.0.0.1:${address.port}`,
		stats,
		close: () => {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}
