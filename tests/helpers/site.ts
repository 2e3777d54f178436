import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Folder of the built site the browser tests run against (`npm test` builds it first). */
export const DIST = resolve('dist');

/** A served build plus a browser, shared by the tests of one file. */
export interface SiteHarness {
	url: string;
	browser: Browser;
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
	/** Open a path of the site in a fresh context; close it with `page.context().close()`. */
	open(path: string, options?: BrowserContextOptions): Promise<Page>;
	close(): Promise<void>;
}

/** Serve dist/ on loopback and launch Chromium; fails with a hint when the site was not built. */
export async function startSite(): Promise<SiteHarness> {
	if (!existsSync(resolve(DIST, 'index.html'))) {
		throw new Error('dist/ has no built site. Hint: run `npm run build` first (`npm test` does it for you).');
	}
	const server: StaticServer = await serveStatic(DIST);
	const browser = await launchBrowser();
	const newContext = (options?: BrowserContextOptions) =>
		browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	return {
		url: server.url,
		browser,
		newContext,
		open: async (path, options) => {
			const page = await (await newContext(options)).newPage();
			await page.goto(`${server.url}${path}`);
			return page;
		},
		close: async () => {
			await browser.close();
			await server.close();
		},
	};
}

/** The WCAG 2.2 A and AA rule tags the accessibility checks run. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Run axe with the WCAG 2.2 A/AA rules and return readable violations (rule, impact, first targets).
 *
 * Axe runs in the page itself (legacy mode) instead of collecting results per frame and merging them in an extra blank
 * page: about a third less time per run here, and the same rules on the same nodes for a page without frames. A page
 * with a frame fails instead, since legacy mode would leave a cross-origin frame untested. Only violations are
 * collected node by node (`resultTypes`): axe still runs every rule on every node, but lists one example each of the
 * passes and incomplete results the tests never read.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
	const frames = page.frames().length;
	if (frames > 1) {
		throw Object.assign(new Error(`${page.url()} has ${frames - 1} frame(s); wcagViolations checks pages without frames.`), {
			hint: 'Drop setLegacyMode(true) in tests/helpers/site.ts so axe tests every frame.',
		});
	}
	// options() replaces every option set before it, so it comes before withTags().
	const results = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(WCAG_22_AA)
		.setLegacyMode(true)
		.analyze();
	return results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.nodes
				.slice(0, 3)
				.map((n) => n.target.join(' '))
				.join(' | ')}`,
	);
}
