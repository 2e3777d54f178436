// Benchmark the image sync against a local docker-registry: cold sync and no-change resync, direct and through a
// loopback proxy that adds latency to every request. Run: npm run bench:sync [-- --repos 200 --latency 50 --concurrency 32]
import { request as httpRequest, createServer, Agent, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mapBounded, parseRegistryLocation, RegistryClient, RegistryTransport } from '../src/registry/index.ts';
import { buildDemoImage, pushBuiltImage } from '../src/images/demo/builder.ts';
import { DEMO_IMAGES, type DemoImage } from '../src/images/demo/definitions.ts';
import { startLocalRegistry } from '../src/images/demo/local-registry.ts';
import { DEMO_RECORDED_AS } from '../src/images/demo/seed.ts';
import { DEFAULT_TAGS } from '../src/images/repositories-config.ts';
import { syncImages } from '../src/images/sync.ts';
import { AcademyError } from '../src/lib/errors.ts';

const { values } = parseArgs({
	options: {
		repos: { type: 'string', default: '200' },
		latency: { type: 'string', default: '50' },
		concurrency: { type: 'string', default: '32' },
	},
});
const repoCount = Number(values.repos);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const NAMESPACE = 'bench';

/** A proxy on a free loopback port that waits `delayMs` before forwarding each request to `target`. */
async function startLatencyProxy(target: URL, delayMs: number): Promise<{ url: string; close: () => Promise<void> }> {
	const agent = new Agent({ keepAlive: true, maxSockets: 256 });
	const server: Server = createServer((incoming, outgoing) => {
		setTimeout(() => {
			const upstream = httpRequest(
				{
					host: target.hostname,
					port: target.port,
					method: incoming.method,
					path: incoming.url,
					headers: incoming.headers,
					agent,
				},
				(response) => {
					outgoing.writeHead(response.statusCode ?? 502, response.headers);
					response.pipe(outgoing);
				},
			);
			upstream.on('error', () => outgoing.destroy());
			incoming.pipe(upstream);
		}, delayMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address !== 'object')
		throw new AcademyError('The latency proxy has no address.', 'Check that the loopback interface is up.');
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => {
			agent.destroy();
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/**
 * Bench repositories: the node demo image renamed, two tags (latest, latest-dev), two platforms, signed and attested by
 * the demo authority in cosign's tag layout (as cgr.dev publishes), so every sync verifies 20 signed layers per image.
 */
function benchImage(index: number): DemoImage {
	const template = DEMO_IMAGES.find((image) => image.name === 'node')!;
	return { ...template, name: `app-${String(index).padStart(4, '0')}`, vex: false };
}

/** CPU seconds a process has used so far (user + system), from /proc. */
async function processCpuSeconds(pid: number): Promise<number> {
	const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(label: string, baseUrl: string, outDir: string) {
	const registryCpuBefore = await processCpuSeconds(registry.pid);
	let peakRss = process.memoryUsage().rss;
	const cpuBefore = process.cpuUsage();
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
	const report = await syncImages({
		location: parseRegistryLocation(`${baseUrl}/${NAMESPACE}`),
		repositories: Array.from({ length: repoCount }, (_, index) => benchImage(index).name),
		tags: [...DEFAULT_TAGS],
		outDir,
		mode: 'exact',
		// Recorded as the demo registry, so the demo authority's policy and trust root verify every signature.
		recordedAs: DEMO_RECORDED_AS,
		signing: {},
		transport: { concurrency },
		concurrency,
	});
	clearInterval(sampler);
	const cpu = process.cpuUsage(cpuBefore);
	const tags = report.outcomes.reduce((total, outcome) => total + outcome.tags, 0);
	const failed = report.outcomes.filter((outcome) => outcome.status === 'failed');
	if (failed.length)
		throw new AcademyError(
			`${label}: ${failed.length} repositories failed, first: ${failed[0].error}`,
			'A benchmark needs every repository to sync; fix the failure first.',
		);
	return {
		phase: label,
		repositories: report.outcomes.length,
		tags,
		requests: report.requests,
		'requests/tag': Number((report.requests / tags).toFixed(3)),
		'layers verified': report.verification.checked,
		'outcomes reused': report.verification.reused,
		seconds: Number((report.durationMs / 1000).toFixed(2)),
		'client CPU s': Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
		'registry CPU s': Number(((await processCpuSeconds(registry.pid)) - registryCpuBefore).toFixed(2)),
		'peak RSS MiB': Math.round(peakRss / 1024 / 1024),
	};
}

const registry = await startLocalRegistry();
const work = await mkdtemp(join(tmpdir(), 'sca-bench-'));
let proxy: Awaited<ReturnType<typeof startLatencyProxy>> | null = null;
try {
	const seedStart = performance.now();
	const client = new RegistryClient(
		parseRegistryLocation(`${registry.url}/${NAMESPACE}`),
		new RegistryTransport({ concurrency: 16 }),
	);
	await mapBounded(
		Array.from({ length: repoCount }, (_, index) => benchImage(index)),
		8,
		(image) => pushBuiltImage(client, `${NAMESPACE}/${image.name}`, buildDemoImage(image, DEMO_RECORDED_AS)),
	);
	process.stderr.write(
		`Seeded ${repoCount} repositories (${client.transport.stats.requests} requests) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
	);
	proxy = await startLatencyProxy(new URL(registry.url), latencyMs);
	const rows = [
		await measure('cold, direct', registry.url, join(work, 'direct')),
		await measure('no change, direct', registry.url, join(work, 'direct')),
		await measure(`cold, +${latencyMs} ms`, proxy.url, join(work, 'latency')),
		await measure(`no change, +${latencyMs} ms`, proxy.url, join(work, 'latency')),
	];
	console.table(rows);
	console.log(
		`concurrency ${concurrency}; node ${process.version}; targets: cold at +50 ms < 20 s, no-change ≤ 1.1 requests/tag`,
	);
} finally {
	await proxy?.close();
	await registry.stop();
	await rm(work, { recursive: true, force: true });
}
