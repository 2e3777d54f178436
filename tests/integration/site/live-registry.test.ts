import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startLocalRegistry, type LocalRegistry } from '../../../src/images/demo/local-registry.ts';
import { seedDemoImages } from '../../../src/images/demo/seed.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { DIST } from '../../helpers/site.ts';
import { buildSite, type BuildResult } from './build.ts';

// The guides are the same as in dist/, so these builds start from its content caches.
const SHARED = { reuseContentCaches: true };

describe('live registry mode', () => {
	let registry: LocalRegistry;
	const builds: BuildResult[] = [];
	/** Build with the shared highlight cache and remember the build, to delete it after the file. */
	const build = async (env: Record<string, string>) => {
		const result = await buildSite(env, SHARED);
		builds.push(result);
		return result;
	};

	beforeAll(async () => {
		registry = await startLocalRegistry();
		// Every demo image: the guides link to all of them, and the link check fails the build on a missing page.
		await seedDemoImages(registry.url);
	});
	afterAll(async () => {
		for (const result of builds) result.remove();
		await registry?.stop();
	});

	it('builds the same image page as the committed snapshot', async () => {
		const result = await build({
			IMAGES_REGISTRY: `${registry.url}/chainguard`,
			IMAGES_TAGS: 'all',
			IMAGES_RECORD_AS: 'cgr.dev/chainguard',
		});
		expect(result.code, result.output.slice(-3000)).toBe(0);
		expect(result.output).toMatch(new RegExp(`Pulled ${DEMO_IMAGES.length} images live`));
		const live = readFileSync(join(result.outDir, 'images/python/index.html'), 'utf8');
		const snapshot = readFileSync(join(DIST, 'images/python/index.html'), 'utf8');
		expect(live).toBe(snapshot);
		expect(readFileSync(join(result.outDir, 'images/index.html'), 'utf8')).toContain('pulled live during this build');
	});

	it('fails with a hint when the registry cannot be reached, unless told to fall back to the snapshot', async () => {
		// A port nobody listens on: the connection is refused at once.
		const closedPort = await freePort();
		const unreachable = {
			IMAGES_REGISTRY: `http://127.0.0.1:${closedPort}/chainguard`,
			IMAGES_REPOS: 'python',
			IMAGES_TAGS: 'latest',
		};
		const failed = await build(unreachable);
		expect(failed.code).not.toBe(0);
		expect(failed.output).toContain(`Could not load images live from IMAGES_REGISTRY=http://127.0.0.1:${closedPort}/chainguard`);
		expect(failed.output).toContain('set IMAGES_FALLBACK=snapshot');
		const fallback = await build({ ...unreachable, IMAGES_FALLBACK: 'snapshot' });
		expect(fallback.code, fallback.output.slice(-3000)).toBe(0);
		expect(fallback.output).toContain('Using the committed snapshot (IMAGES_FALLBACK=snapshot)');
		expect(readFileSync(join(fallback.outDir, 'images/python/index.html'), 'utf8')).toBe(
			readFileSync(join(DIST, 'images/python/index.html'), 'utf8'),
		);
	});
});
