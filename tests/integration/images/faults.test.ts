// Six repositories synced through a proxy that breaks 20 % of the requests to the real docker-registry: three runs,
// each must give byte for byte the snapshot a clean sync gives. A body that stays wrong fails its repository with the
// reason, and the repository keeps its files.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoImage, pushBuiltImage, type BuiltImage } from '../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { DEMO_REGISTRY } from '../../../src/images/demo/registry.ts';
import { DEMO_RECORDED_AS } from '../../../src/images/demo/seed.ts';
import { syncImages, type SyncReport } from '../../../src/images/sync.ts';
import { RegistryClient, RegistryTransport, parseRegistryLocation, type TransportOptions } from '../../../src/registry/index.ts';
import { FAULT_KINDS, startFaultProxy, type FaultStats } from '../../helpers/registry/fault-proxy.ts';
import { bundles, buildkitLegacy } from '../../helpers/registry/format-fixtures.ts';
import { startLocalRegistry, type LocalRegistry } from '../../helpers/registry/registries.ts';

const NAMESPACE = 'faults';
const RATE = 0.2;
const RUNS = [1, 2, 3];
/** Four demo images (one with a referrer, one in Docker's media types, one with twelve tags) and two format fixtures. */
const REPOSITORIES: BuiltImage[] = [
	...['curl', 'node', 'mariadb', 'python'].map((name) =>
		buildDemoImage(
			DEMO_IMAGES.find((image) => image.name === name)!,
			DEMO_RECORDED_AS,
		),
	),
	buildkitLegacy(),
	bundles(),
];
/** More attempts than the proxy's bound on faults in a row (3), with short backoff so the runs stay quick. */
const TRANSPORT: TransportOptions = { retries: 4, baseDelayMs: 50, maxDelayMs: 400, timeoutMs: 15_000 };

let registry: LocalRegistry;
let work: string;

async function files(dir: string): Promise<Map<string, string>> {
	const names = (await readdir(dir)).sort();
	return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

function sync(url: string, outDir: string): Promise<SyncReport> {
	return syncImages({
		location: parseRegistryLocation(`${url}/${NAMESPACE}`),
		// Recorded as the demo registry, so every run also verifies the demo authority's signatures through the faults.
		recordedAs: { registry: DEMO_REGISTRY, namespace: NAMESPACE },
		repositories: REPOSITORIES.map((repository) => repository.name),
		tags: 'all',
		outDir,
		mode: 'exact',
		incremental: false,
		transport: TRANSPORT,
		now: () => new Date(Date.UTC(2025, 6, 1)),
	});
}

beforeAll(async () => {
	registry = await startLocalRegistry();
	work = await mkdtemp(join(tmpdir(), 'sca-faults-'));
	const client = new RegistryClient(parseRegistryLocation(`${registry.url}/${NAMESPACE}`), new RegistryTransport());
	for (const built of REPOSITORIES) await pushBuiltImage(client, `${NAMESPACE}/${built.name}`, built);
});
afterAll(async () => {
	await registry?.stop();
	await rm(work, { recursive: true, force: true });
});

describe('a sync through a proxy that breaks 20 % of the requests', () => {
	it('gives the snapshot of a clean sync in each of three runs', async () => {
		const clean = join(work, 'clean');
		const cleanReport = await sync(registry.url, clean);
		expect(cleanReport.outcomes.filter((outcome) => outcome.status !== 'updated')).toEqual([]);
		const expected = await files(clean);
		expect(expected.size).toBe(REPOSITORIES.length + 1);
		expect(cleanReport.verification.checked, 'signed layers verified in the clean sync').toBeGreaterThan(0);
		const totals: FaultStats = {
			requests: 0,
			faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as FaultStats['faults'],
		};
		const figures: string[] = [];
		for (const seed of RUNS) {
			const proxy = await startFaultProxy({ target: registry.url, rate: RATE, seed });
			try {
				const out = join(work, `run-${seed}`);
				const report = await sync(proxy.url, out);
				expect(
					report.outcomes.filter((outcome) => outcome.status !== 'updated'),
					`run ${seed}: repositories not synced`,
				).toEqual([]);
				const got = await files(out);
				for (const [name, text] of expected) expect(got.get(name), `run ${seed}: ${name}`).toBe(text);
				expect([...got.keys()]).toEqual([...expected.keys()]);
				const injected = Object.values(proxy.stats.faults).reduce((sum, count) => sum + count, 0);
				totals.requests += proxy.stats.requests;
				for (const kind of FAULT_KINDS) totals.faults[kind] += proxy.stats.faults[kind];
				figures.push(
					`run ${seed}: ${report.outcomes.length} repositories synced, ${proxy.stats.requests} requests, ${injected} faults ` +
						`(${((injected / proxy.stats.requests) * 100).toFixed(1)} %: ${FAULT_KINDS.map((kind) => `${kind} ${proxy.stats.faults[kind]}`).join(', ')}), ` +
						`${report.retries} retries, ${report.damagedBodies} after a damaged body, ${report.verification.checked} signed layers verified`,
				);
			} finally {
				await proxy.close();
			}
		}
		// The figures of the runs, for the notes on this test.
		console.info(`Fault runs (rate ${RATE}, clean sync ${cleanReport.requests} requests):\n${figures.join('\n')}`);
		const injected = Object.values(totals.faults).reduce((sum, count) => sum + count, 0);
		expect(injected / totals.requests).toBeGreaterThan(RATE / 2);
		expect(
			FAULT_KINDS.filter((kind) => totals.faults[kind] === 0),
			'fault kinds never injected',
		).toEqual([]);
	});

	it('fails a repository whose body stays wrong after the retries, with the reason, and keeps its files', async () => {
		const out = join(work, 'persistent');
		await sync(registry.url, out);
		const before = await files(out);
		// Every answer about the curl repository's blobs has one byte flipped, on every attempt.
		const proxy = await startFaultProxy({ target: registry.url, rate: 0, seed: 7, alwaysFlip: `/${NAMESPACE}/curl/blobs/` });
		try {
			const report = await sync(proxy.url, out);
			const outcomes = new Map(report.outcomes.map((outcome) => [outcome.name, outcome]));
			expect(outcomes.get('curl')).toMatchObject({ status: 'failed', keptPrevious: true });
			expect(outcomes.get('curl')!.error).toMatch(/Content digest mismatch: expected sha256:[0-9a-f]{64}, got sha256:.*Hint: /);
			expect([...outcomes.values()].filter((outcome) => outcome.name !== 'curl' && outcome.status === 'failed')).toEqual([]);
			expect(report.damagedBodies).toBeGreaterThanOrEqual(TRANSPORT.retries!);
		} finally {
			await proxy.close();
		}
		expect(await files(out)).toEqual(before);
	});
});
