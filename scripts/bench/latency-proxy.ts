// A slower link for the sync benchmark, at the TCP level: every chunk the client sends reaches the server `delayMs`
// later, in order, over one upstream connection per client connection, and the server's answers come back at once. Each
// HTTP request therefore starts `delayMs` late, as over a link with that latency, and the proxy never parses HTTP: an
// HTTP-level proxy in the bench process parsed every request and response again, CPU that a real link does not cost
// the client.
import { connect, createServer, type Socket } from 'node:net';
import { AcademyError } from '../../src/lib/errors.ts';

/** A running latency proxy. */
export interface LatencyProxy {
	/** `http://127.0.0.1:PORT` to use in place of the target's URL. */
	url: string;
	/** Stop listening and cut every connection. */
	close(): Promise<void>;
}

/** Start a proxy on a free loopback port that delays everything sent to `target` (`http://host:port`) by `delayMs`. */
export async function startLatencyProxy(target: URL, delayMs: number): Promise<LatencyProxy> {
	const sockets = new Set<Socket>();
	const server = createServer({ allowHalfOpen: true }, (client) => {
		const upstream = connect({ host: target.hostname, port: Number(target.port), allowHalfOpen: true });
		const track = (socket: Socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		};
		track(client);
		track(upstream);
		// Timers of one duration fire in the order they were set, so chunks arrive in the order they were sent.
		client.on('data', (chunk: Buffer) => setTimeout(() => upstream.write(chunk), delayMs));
		client.on('end', () => setTimeout(() => upstream.end(), delayMs));
		upstream.pipe(client);
		const cut = () => {
			client.destroy();
			upstream.destroy();
		};
		client.on('error', cut);
		upstream.on('error', cut);
		client.on('close', cut);
		upstream.on('close', cut);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address !== 'object')
		throw new AcademyError('The latency proxy has no address.', 'Check that the loopback interface is up.');
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}
