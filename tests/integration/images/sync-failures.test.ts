// A sync in which repositories fail never deletes their files, also when the registry's location changed (a mirror,
// a new port), so that the previous entries were recorded from somewhere else.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoImage } from '../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { DEMO_RECORDED_AS } from '../../../src/images/demo/seed.ts';
import { readSnapshot } from '../../../src/images/snapshot.ts';
import { syncImages } from '../../../src/images/sync.ts';
import { parseRegistryLocation } from '../../../src/registry/index.ts';
import { loadImage, startMockRegistry, type MockRegistry } from '../../helpers/registry/mock-registry.ts';

const NAMES = ['curl', 'jq', 'static'];
const noWait = { sleep: async () => {}, baseDelayMs: 1, retries: 1 };

let first: MockRegistry;
let out: string;

async function files(): Promise<Map<string, string>> {
	const names = (await readdir(out)).sort();
	return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(out, name), 'utf8')] as const)));
}

/** Push the demo images named to a mock registry, under chainguard/. */
function seed(registry: MockRegistry, names: readonly string[]): void {
	for (const name of names)
		loadImage(
			registry,
			`chainguard/${name}`,
			buildDemoImage(
				DEMO_IMAGES.find((image) => image.name === name)!,
				DEMO_RECORDED_AS,
			),
		);
}

function sync(url: string, repositories = NAMES) {
	return syncImages({
		location: parseRegistryLocation(`${url}/chainguard`),
		repositories,
		tags: ['latest'],
		outDir: out,
		mode: 'exact',
		transport: noWait,
		now: () => new Date(Date.UTC(2025, 6, 1)),
	});
}

beforeEach(async () => {
	first = await startMockRegistry();
	seed(first, NAMES);
	out = await mkdtemp(join(tmpdir(), 'sca-failures-'));
	expect((await sync(first.url)).outcomes.filter((outcome) => outcome.status === 'failed')).toEqual([]);
});
afterEach(async () => {
	await first.close();
	await rm(out, { recursive: true, force: true });
});

describe('a sync in which repositories fail', () => {
	it('writes nothing when every repository fails after the registry moved', async () => {
		const before = await files();
		// The registry moved to a new port where nothing is pushed yet: every repository answers 404.
		const moved = await startMockRegistry();
		try {
			const report = await sync(moved.url);
			expect(report.outcomes.map((outcome) => [outcome.name, outcome.status, outcome.keptPrevious])).toEqual(
				NAMES.map((name) => [name, 'failed', true]),
			);
			expect(report.write).toEqual({ changed: false, written: [], removed: [] });
		} finally {
			await moved.close();
		}
		expect(await files()).toEqual(before);
	});

	it('keeps the files of the repositories that failed when others synced from the new location', async () => {
		const before = await files();
		const moved = await startMockRegistry();
		try {
			seed(moved, ['jq']);
			const report = await sync(moved.url);
			expect(report.outcomes.map((outcome) => [outcome.name, outcome.status])).toEqual([
				['curl', 'failed'],
				['jq', 'updated'],
				['static', 'failed'],
			]);
			expect(report.write.removed).toEqual([]);
			const snapshot = await readSnapshot(out);
			expect(snapshot.metadata.repositories).toEqual(NAMES);
			// jq is recorded from where it was read now; the others keep their files, recorded from the old place.
			const registries = new Map(snapshot.images.map((image) => [image.name, image.registry]));
			expect(registries).toEqual(
				new Map([
					['curl', first.host],
					['jq', moved.host],
					['static', first.host],
				]),
			);
			const after = await files();
			for (const name of ['curl.json', 'static.json']) expect(after.get(name), name).toBe(before.get(name));
		} finally {
			await moved.close();
		}
	});

	it('does not reuse an entry recorded from another registry, even when its digests match', async () => {
		const mirror = await startMockRegistry();
		try {
			seed(mirror, NAMES);
			const report = await sync(mirror.url);
			expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['updated', 'updated', 'updated']);
			expect((await readSnapshot(out)).images.map((image) => image.reference)).toEqual(
				NAMES.map((name) => `${mirror.host}/chainguard/${name}`),
			);
		} finally {
			await mirror.close();
		}
	});
});
