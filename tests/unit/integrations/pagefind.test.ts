import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFingerprint, pagefindIntegration } from '../../../src/integrations/pagefind.ts';

const dir = mkdtempSync(join(tmpdir(), 'academy-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('search index reuse', () => {
	it('fingerprints the HTML only, so the index is reused exactly when no page changed', () => {
		mkdirSync(join(dir, 'a'));
		writeFileSync(join(dir, 'index.html'), '<h1>Home</h1>');
		writeFileSync(join(dir, 'a/index.html'), '<h1>A</h1>');
		const first = htmlFingerprint(dir, '1.6.0');
		writeFileSync(join(dir, 'style.css'), 'body{}');
		expect(htmlFingerprint(dir, '1.6.0')).toBe(first);
		expect(htmlFingerprint(dir, '1.7.0')).not.toBe(first);
		writeFileSync(join(dir, 'a/index.html'), '<h1>A, edited</h1>');
		expect(htmlFingerprint(dir, '1.6.0')).not.toBe(first);
	});
});

type Hook = (params: Record<string, unknown>) => Promise<void> | void;
const quiet = { info: () => {}, warn: () => {}, debug: () => {}, error: () => {} };

/** Run the integration's hooks the way `astro build` does, on `site` with its cache under `cacheDir`. */
function runPagefindHooks(site: string, cacheDir: string) {
	const integration = pagefindIntegration();
	const hooks = integration.hooks as Record<string, Hook>;
	hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
	hooks['astro:build:done']!({ dir: pathToFileURL(`${site}/`), logger: quiet });
	return integration;
}

describe('the search index step', () => {
	it('returns at once and writes the index in the background, for the steps that await indexWritten()', async () => {
		const site = join(dir, 'site');
		mkdirSync(site);
		writeFileSync(join(site, 'index.html'), '<html lang="en"><body><main><h1>Wolfi</h1><p>An undistro.</p></main></body></html>');
		const integration = runPagefindHooks(site, join(dir, 'cache'));
		expect(existsSync(join(site, 'pagefind/pagefind.js')), 'not written yet when the hook returns').toBe(false);
		await integration.indexWritten();
		expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
	}, 60_000);

	it('rejects indexWritten() when the index cannot be written, so the step awaiting it fails the build', async () => {
		const integration = runPagefindHooks(join(dir, 'no-such-site'), join(dir, 'cache-2'));
		await expect(integration.indexWritten()).rejects.toThrow(/no-such-site/);
	});
});
