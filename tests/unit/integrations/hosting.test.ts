import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cspHash } from '../../../src/hosting/csp.ts';
import { hostingIntegration } from '../../../src/integrations/hosting.ts';

type Hook = (params: Record<string, unknown>) => Promise<void> | void;
const quiet = { info: () => {}, warn: () => {}, debug: () => {}, error: () => {} };

let work: string;
const cacheDirBefore = process.env.ACADEMY_CACHE_DIR;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'academy-hosting-'));
	process.env.ACADEMY_CACHE_DIR = join(work, 'cache');
});
afterEach(() => {
	if (cacheDirBefore === undefined) delete process.env.ACADEMY_CACHE_DIR;
	else process.env.ACADEMY_CACHE_DIR = cacheDirBefore;
	rmSync(work, { recursive: true, force: true });
});

describe('the hosting step', () => {
	it('hashes the pages, then waits for the files other steps are still writing before it compresses every file', async () => {
		const site = join(work, 'dist');
		const page = `<html><head><script>startSearch()</script></head><body>${'<p>Wolfi is an undistro.</p>'.repeat(50)}</body></html>`;
		mkdirSync(site);
		writeFileSync(join(site, 'index.html'), page);
		writeFileSync(join(site, '_redirects'), '');
		const index = 'export const pages = ["/"];\n'.repeat(100);
		const searchIndex = async () => {
			await sleep(200);
			writeFileSync(join(site, 'search-index.js'), index);
		};
		const hooks = hostingIntegration({ filesWrittenBy: [searchIndex] }).hooks as Record<string, Hook>;
		await hooks['astro:build:done']!({ dir: pathToFileURL(`${site}/`), logger: quiet });
		expect(readFileSync(join(site, '_headers'), 'utf8')).toContain(cspHash('startSearch()'));
		expect(existsSync(join(site, 'index.html.gz'))).toBe(true);
		expect(existsSync(join(site, 'search-index.js.gz')), 'the late file is compressed too').toBe(true);
	});
});
