import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from '../../../src/images/demo/local-registry.ts';
import { seedDemoImages } from '../../../src/images/demo/seed.ts';
import { withFolderLock } from '../folder-lock.ts';

const execFileAsync = promisify(execFile);

/** Longest wait for another test file that is seeding the store: a seeding takes about 14 s on an idle machine. */
const SEED_WAIT_MS = 300_000;

/**
 * The registry storage folder under `folder` that `seed` filled, seeding it first if no caller has. Callers in other
 * workers wait for the one seeding, and `seed` fills a folder that is renamed to the store only once it is complete, so
 * a seeding that failed halfway leaves no store behind and the next caller seeds again.
 */
export async function seededStore(folder: string, seed: (storageRoot: string) => Promise<void>): Promise<string> {
	const store = join(folder, 'store');
	return withFolderLock({ path: join(folder, 'lock'), name: 'The demo registry store lock', waitMs: SEED_WAIT_MS }, async () => {
		if (existsSync(store)) return store;
		const seeding = await mkdtemp(join(folder, 'seeding-'));
		try {
			await seed(seeding);
			await rename(seeding, store);
			return store;
		} catch (error) {
			await rm(seeding, { recursive: true, force: true });
			throw error;
		}
	});
}

/** A copy of the registry storage folder `store` in a new temporary folder, sharing no file with it. */
export async function copyStore(store: string): Promise<string> {
	const copy = await mkdtemp(join(tmpdir(), 'sca-demo-store-'));
	try {
		// GNU cp: fs.cp took 4 CPU s for the demo store's 7,000 entries, cp a fraction of one. Copies, not hard links:
		// docker-registry rewrites a tag's link file in place, which would change the store under every other copy.
		// --reflink=auto clones where the file system can (btrfs, XFS), sharing blocks until one side writes.
		await execFileAsync('cp', ['--archive', '--reflink=auto', `${store}/.`, copy]);
		return copy;
	} catch (error) {
		await rm(copy, { recursive: true, force: true });
		throw error;
	}
}

/** Push every demo image, with its demo signatures, into a docker-registry serving `storageRoot`. */
async function seedDemoStore(storageRoot: string): Promise<void> {
	const registry = await startLocalRegistry({ storageRoot });
	try {
		await seedDemoImages(registry.url);
	} finally {
		await registry.stop();
	}
}

/**
 * docker-registry holding every demo image as seedDemoImages pushes them, on a private copy of the run's store: the
 * demo images are seeded once per test run instead of once per file, and a test may push or delete freely. stop()
 * removes the copy too.
 */
export async function startDemoRegistry(): Promise<LocalRegistry> {
	const folder = inject('demoStoreFolder');
	if (!folder) {
		throw Object.assign(new Error('This test run has no folder for the demo registry store.'), {
			hint: 'Run the file with the project config (vitest.config.ts lists tests/helpers/registry/demo-store-setup.ts in its global setup).',
		});
	}
	const copy = await copyStore(await seededStore(folder, seedDemoStore));
	try {
		const registry = await startLocalRegistry({ storageRoot: copy });
		return {
			...registry,
			stop: async () => {
				await registry.stop();
				await rm(copy, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await rm(copy, { recursive: true, force: true });
		throw error;
	}
}
