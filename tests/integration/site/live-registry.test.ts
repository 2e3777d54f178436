import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startLocalRegistry, type LocalRegistry } from '../../../src/images/demo/local-registry.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { buildDemoImage, pushBuiltImage } from '../../../src/images/demo/builder.ts';
import { RegistryClient, RegistryTransport, parseRegistryLocation } from '../../../src/registry/index.ts';
import { copySnapshotWithout } from '../../helpers/demo-images.ts';
import { startDemoRegistry } from '../../helpers/registry/demo-store.ts';
import { DIST } from '../../helpers/site.ts';
import { buildSite, type BuildResult } from './build.ts';

// The guides are the same as in dist/, so these builds start from its content caches.
const SHARED = { reuseContentCaches: true };

const builds: BuildResult[] = [];
/** Build with the run's content caches and remember the build, to delete it after the file. */
async function build(env: Record<string, string>): Promise<BuildResult> {
	const result = await buildSite(env, SHARED);
	builds.push(result);
	return result;
}
afterAll(() => {
	for (const result of builds) result.remove();
});

describe('live registry mode', () => {
	let registry: LocalRegistry;

	beforeAll(async () => {
		// Every demo image: the guides link to all of them, and the link check fails the build on a missing page.
		registry = await startDemoRegistry();
	});
	afterAll(async () => {
		await registry?.stop();
	});

	it('builds the same image page as the committed snapshot, verifying the demo signatures on the way', async () => {
		const result = await build({
			IMAGES_REGISTRY: `${registry.url}/chainguard`,
			IMAGES_TAGS: 'all',
			IMAGES_RECORD_AS: 'registry.demo.invalid/chainguard',
		});
		expect(result.code, result.output.slice(-3000)).toBe(0);
		expect(result.output).toMatch(new RegExp(`Pulled ${DEMO_IMAGES.length} images live`));
		expect(result.output).toMatch(/\d+ signed layers checked against the demo trust root/);
		const live = readFileSync(join(result.outDir, 'images/python/index.html'), 'utf8');
		const snapshot = readFileSync(join(DIST, 'images/python/index.html'), 'utf8');
		expect(live).toBe(snapshot);
		expect(readFileSync(join(result.outDir, 'images/index.html'), 'utf8')).toContain('pulled live during this build');
	});

	it('fails with a hint naming IMAGES_FALLBACK=snapshot when the registry cannot be reached', async () => {
		// A port nobody listens on: the connection is refused at once. With IMAGES_FALLBACK=snapshot the same settings
		// build the committed snapshot: reproducible.test.ts checks that build (its Lithuanian one) against dist/.
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
	});
});

describe('live mode with a registry that has none of the images the guides mention', () => {
	let registry: LocalRegistry;

	beforeAll(async () => {
		registry = await startLocalRegistry();
		// One image of the team's own, under its own name: the guides link to none of it.
		const webapp = { ...DEMO_IMAGES.find((image) => image.name === 'static')!, name: 'webapp', publicImage: false };
		const client = new RegistryClient(parseRegistryLocation(`${registry.url}/ns`), new RegistryTransport());
		await pushBuiltImage(client, 'ns/webapp', buildDemoImage(webapp, { registry: registry.host, namespace: 'ns' }));
	});
	afterAll(async () => {
		await registry?.stop();
	});

	it('gives a working site: links to absent images become their names, listed in one warning', async () => {
		const result = await build({ IMAGES_REGISTRY: `${registry.url}/ns`, IMAGES_REPOS: 'webapp' });
		expect(result.code, result.output.slice(-3000)).toBe(0);
		const degraded = result.output.split('\n').filter((line) => line.includes("are not in this build's catalog"));
		expect(degraded, 'one warning for all links to absent images').toHaveLength(1);
		expect(result.output).toMatch(/^ {2}python: .*\/container-images\/multi-stage-python\//m);
		expect(result.output).toMatch(
			/25 image overview\(s\) in content\/images\/ are skipped because this registry has no such image/,
		);
		expect(result.output).not.toMatch(/broken internal link/);
		const guide = readFileSync(join(result.outDir, 'container-images/multi-stage-python/index.html'), 'utf8');
		expect(guide).toContain('data-missing-image="python"');
		expect(guide).not.toContain('href="/images/python/');
		expect(existsSync(join(result.outDir, 'images/webapp/index.html'))).toBe(true);
		expect(existsSync(join(result.outDir, 'images/python/index.html'))).toBe(false);
		// No signing policy names this registry: the page says so instead of showing a badge it cannot back.
		const page = readFileSync(join(result.outDir, 'images/webapp/index.html'), 'utf8');
		expect(page).toContain('Signature not checked');
		expect(page).not.toContain('data-demo-notice');
	});

	it('still fails a snapshot build that lacks an image the site links to, degrading nothing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'academy-partial-'));
		copySnapshotWithout(dir, 'jre');
		const result = await build({ IMAGES_SNAPSHOT_DIR: dir });
		rmSync(dir, { recursive: true, force: true });
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('there is no image "jre" in the image data');
		expect(result.output).not.toMatch(/shown as plain text/);
	});
});
