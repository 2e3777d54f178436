import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** This run's folder for the demo registry store (tests/helpers/registry/demo-store.ts). */
		demoStoreFolder: string;
	}
}

/**
 * Give the whole run one empty folder for the demo registry store, removed when the run ends: the first test file
 * that needs the demo images seeds them into it, and files in other projects and workers copy that store instead of
 * seeding again. The root config lists this file, so it runs once per run, not once per project.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const folder = await mkdtemp(join(tmpdir(), 'academy-demo-store-'));
	project.provide('demoStoreFolder', folder);
	// A rerun in watch mode may follow an edit of the demo images or the registry client: it seeds them again.
	project.onTestsRerun(async () => {
		await rm(folder, { recursive: true, force: true });
		await mkdir(folder);
	});
	return () => rm(folder, { recursive: true, force: true });
}
