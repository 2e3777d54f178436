// Benchmark the image sync against a local docker-registry: cold sync and no-change resync, direct and through a
// loopback TCP proxy that delays everything the client sends, so every request starts that much later; then once more
// with blob downloads redirected to a static store (nginx, behind its own such proxy): the Registry HTTP API V2 lets a
// registry answer a blob GET with 307 and the blob's location ("Fetch Blob"), which docker-registry does with its
// redirect middleware or a cloud storage driver.
// Run: npm run bench:sync [-- --repos 200 --latency 50 --concurrency 64]
import { request as httpRequest } from 'node:http';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mapBounded, parseRegistryLocation, RegistryClient, RegistryTransport } from '../src/registry/index.ts';
import { buildDemoImage, pushBuiltImage } from '../src/images/demo/builder.ts';
import { DEMO_IMAGES, type DemoImage } from '../src/images/demo/definitions.ts';
import { DOCKER_REGISTRY_GOGC, startLocalRegistry } from '../src/images/demo/local-registry.ts';
import { DEMO_RECORDED_AS } from '../src/images/demo/seed.ts';
import { MAX_CONCURRENCY } from '../src/images/cli.ts';
import { DEFAULT_TAGS } from '../src/images/repositories-config.ts';
import { syncImages } from '../src/images/sync.ts';
import { wholeNumberOption } from '../src/lib/cli-options.ts';
import { AcademyError } from '../src/lib/errors.ts';
import { startNginx } from '../tests/helpers/nginx.ts';
import { flagsOrExit } from './bench/cli.ts';
import { startLatencyProxyThread } from './bench/latency-proxy-thread.ts';
import { treeCpuSeconds } from './bench/measure.ts';

const { repoCount, latencyMs, concurrency } = flagsOrExit(() => {
	const { values } = parseArgs({
		options: {
			repos: { type: 'string', default: '200' },
			latency: { type: 'string', default: '50' },
			// Requests in flight: at +50 ms a request holds its slot for the delay plus its CPU time, so 32 slots leave both
			// cores idle part of the time (7,802 × 50 ms / 32 = 12.2 s of waiting against about 17 s of CPU work); 64 hide it.
			concurrency: { type: 'string', default: '64' },
		},
	});
	return {
		repoCount: wholeNumberOption('--repos', values.repos, { min: 1 }, 'For example: --repos 200.'),
		latencyMs: wholeNumberOption('--latency', values.latency, { min: 0 }, 'Milliseconds, for example: --latency 50.'),
		// The sync command's own bound.
		concurrency: wholeNumberOption(
			'--concurrency',
			values.concurrency,
			{ min: 1, max: MAX_CONCURRENCY },
			'For example: --concurrency 64.',
		),
	};
});
const NAMESPACE = 'bench';

/**
 * Bench repositories: the node demo image renamed, two tags (latest, latest-dev), two platforms, signed and attested by
 * the demo authority in cosign's tag layout (as cgr.dev publishes), so every sync verifies 20 signed layers per image.
 */
function benchImage(index: number): DemoImage {
	const template = DEMO_IMAGES.find((image) => image.name === 'node')!;
	return { ...template, name: `app-${String(index).padStart(4, '0')}`, vex: false };
}

/** Median milliseconds of five `GET /v2/` to `baseUrl`, each on a connection of its own. */
async function requestMs(baseUrl: string): Promise<number> {
	const times: number[] = [];
	for (let round = 0; round < 5; round++) {
		const started = performance.now();
		await new Promise<void>((resolve, reject) => {
			const outgoing = httpRequest(`${baseUrl}/v2/`, { agent: false }, (response) => {
				response.resume();
				response.on('end', resolve);
			});
			outgoing.on('error', reject);
			outgoing.end();
		});
		times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[2]!;
}

/** One sync of every bench repository from `baseUrl`, with its figures; `servers` are the pids whose CPU it costs. */
async function measure(label: string, baseUrl: string, outDir: string, servers: readonly number[]) {
	const serverCpuBefore = treeCpuSeconds(servers);
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
		'server CPU s': Number((treeCpuSeconds(servers) - serverCpuBefore).toFixed(2)),
		'peak RSS MiB': Math.round(peakRss / 1024 / 1024),
	};
}

const work = await mkdtemp(join(tmpdir(), 'sca-bench-'));
const storageRoot = join(work, 'storage');
const registry = await startLocalRegistry({ storageRoot });
const stack: Array<{ close: () => Promise<void> }> = [{ close: () => registry.stop() }];
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
	const proxy = await startLatencyProxyThread(new URL(registry.url), latencyMs);
	stack.push(proxy);
	// The blob store: nginx serving the registry's storage folder, behind the same latency, and a second registry on the
	// same storage that redirects every blob GET there.
	// nginx's workers run as an unprivileged user when started as root: the folder must be readable to them.
	await chmod(work, 0o755);
	const include = join(work, 'blob-store.conf');
	await writeFile(include, 'sendfile on;\n');
	const blobStore = await startNginx([{ root: storageRoot, include }]);
	stack.push({ close: () => blobStore.stop() });
	const blobProxy = await startLatencyProxyThread(new URL(blobStore.urls[0]!), latencyMs);
	stack.push(blobProxy);
	const redirecting = await startLocalRegistry({ storageRoot, blobRedirectBase: blobProxy.url });
	stack.push({ close: () => redirecting.stop() });
	const redirectingProxy = await startLatencyProxyThread(new URL(redirecting.url), latencyMs);
	stack.push(redirectingProxy);
	const [directMs, proxiedMs] = [await requestMs(registry.url), await requestMs(proxy.url)];
	// The proxy holds each request back by a timer, so it can never be faster than the latency (libuv's clock has
	// millisecond steps: a timer may fire up to 1 ms before performance.now() says it is due).
	if (proxiedMs < latencyMs - 1)
		throw new AcademyError(
			`One request took ${proxiedMs.toFixed(1)} ms through the latency proxy (${directMs.toFixed(1)} ms direct), less than ${latencyMs} ms.`,
			'The latency proxy must hold back every request; see scripts/bench/latency-proxy.ts.',
		);
	const direct = [registry.pid];
	const redirected = [redirecting.pid, blobStore.pid];
	const rows = [
		await measure('cold, direct', registry.url, join(work, 'direct'), direct),
		await measure('no change, direct', registry.url, join(work, 'direct'), direct),
		await measure(`cold, +${latencyMs} ms`, proxy.url, join(work, 'latency'), direct),
		await measure(`no change, +${latencyMs} ms`, proxy.url, join(work, 'latency'), direct),
		await measure(`cold, +${latencyMs} ms, blobs redirected`, redirectingProxy.url, join(work, 'redirected'), redirected),
		await measure(`no change, +${latencyMs} ms, blobs redirected`, redirectingProxy.url, join(work, 'redirected'), redirected),
	];
	console.table(rows);
	console.log(
		`concurrency ${concurrency}; node ${process.version}; targets: cold at +50 ms < 20 s, no-change ≤ 1.1 requests/tag. ` +
			`Server CPU is docker-registry, run with GOGC=${DOCKER_REGISTRY_GOGC} (and nginx for redirected blobs). Client CPU is this process: the sync, with every ` +
			`signed layer verified, and the latency proxies, which forward each chunk the client sends ${latencyMs} ms later at ` +
			`the TCP level (one GET /v2/: ${directMs.toFixed(1)} ms direct, ${proxiedMs.toFixed(1)} ms through the proxy).`,
	);
} finally {
	for (const server of stack.reverse()) await server.close();
	await rm(work, { recursive: true, force: true });
}
