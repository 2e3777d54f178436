import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/lib/compare.ts';
import { copyStore, seededStore } from '../../helpers/registry/demo-store.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

/** A tag link as docker-registry's filesystem storage lays it out, the file it rewrites in place on a push. */
const TAG_LINK = 'docker/registry/v2/repositories/chainguard/jq/_manifests/tags/latest/current/link';

/** Every file and folder under `root`, with each file's content, sorted by path. */
async function tree(root: string): Promise<[string, string | null][]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	const listed = await Promise.all(
		entries.map(async (entry) => {
			const path = join(entry.parentPath, entry.name);
			return [relative(root, path), entry.isFile() ? await readFile(path, 'utf8') : null] as [string, string | null];
		}),
	);
	return listed.sort(([a], [b]) => compareText(a, b));
}

/** A seed that writes a tag link and an empty uploads folder, slowly enough for callers to overlap, and counts its runs. */
function countingSeed(): { seed: (storageRoot: string) => Promise<void>; runs: () => number } {
	let runs = 0;
	return {
		seed: async (storageRoot) => {
			runs++;
			await sleep(100);
			await mkdir(join(storageRoot, 'docker/registry/v2/repositories/chainguard/jq/_uploads'), { recursive: true });
			await mkdir(join(storageRoot, TAG_LINK, '..'), { recursive: true });
			await writeFile(join(storageRoot, TAG_LINK), 'sha256:aaaa');
		},
		runs: () => runs,
	};
}

describe('the demo registry store', () => {
	const folder = temporaryFolderPerTest('sca-demo-store-test-');

	it('is seeded once for every caller, including callers that ask while it is being seeded', async () => {
		const { seed, runs } = countingSeed();
		const stores = await Promise.all([1, 2, 3].map(() => seededStore(folder(), seed)));
		expect(new Set(stores).size).toBe(1);
		expect(await seededStore(folder(), seed)).toBe(stores[0]);
		expect(runs()).toBe(1);
		expect(await readFile(join(stores[0]!, TAG_LINK), 'utf8')).toBe('sha256:aaaa');
	});

	it('is not left half-seeded by a seeding that failed, so the next caller seeds it again', async () => {
		const failing = async (storageRoot: string) => {
			await writeFile(join(storageRoot, 'half-pushed'), '');
			throw new Error('push failed');
		};
		await expect(seededStore(folder(), failing)).rejects.toThrow('push failed');
		expect(await readdir(folder()), 'what the failed seeding left').toEqual([]);
		const { seed, runs } = countingSeed();
		const store = await seededStore(folder(), seed);
		expect(runs()).toBe(1);
		expect(existsSync(join(store, 'half-pushed'))).toBe(false);
	});

	it('is copied exactly, and a copy shares no file with it', async () => {
		const store = await seededStore(folder(), countingSeed().seed);
		const copy = await copyStore(store);
		try {
			expect(await tree(copy)).toEqual(await tree(store));
			const before = await tree(store);
			// What a test's registry does to its copy: rewrite a tag link in place, delete a file.
			await writeFile(join(copy, TAG_LINK), 'sha256:bbbb');
			expect(await tree(store)).toEqual(before);
			await rm(join(copy, TAG_LINK));
			expect(await tree(store)).toEqual(before);
		} finally {
			await rm(copy, { recursive: true, force: true });
		}
	});
});
