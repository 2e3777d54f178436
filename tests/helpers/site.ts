import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Folder of the built site the browser tests run against (`npm test` builds it first). */
export const DIST = resolve('dist');

/** A served build plus a browser, shared by the tests of one file. */
export interface SiteHarness {
	url: string;
	browser: Browser;
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
	close(): Promise<void>;
}

/** Serve dist/ on loopback and launch Chromium; fails with a hint when the site was not built. */
export async function startSite(): Promise<SiteHarness> {
	if (!existsSync(resolve(DIST, 'index.html'))) {
		throw new Error('dist/ has no built site. Hint: run `npm run build` first (`npm test` does it for you).');
	}
	const server: StaticServer = await serveStatic(DIST);
	const browser = await launchBrowser();
	return {
		url: server.url,
		browser,
		newContext: (options) => browser.newContext({ viewport: { width: 1280, height: 900 }, ...options }),
		close: async () => {
			await browser.close();
			await server.close();
		},
	};
}
