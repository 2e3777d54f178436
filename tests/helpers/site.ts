import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from 'playwright-core';
import { compareText } from '../../src/lib/compare.ts';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** Folder of the built site the browser tests run against (`npm test` builds it first). */
export const DIST = resolve('dist');

/** What every context starts with unless a test says otherwise: a desktop window and Playwright's media defaults. */
const CONTEXT_DEFAULTS = {
	viewport: { width: 1280, height: 900 },
	colorScheme: 'light',
	reducedMotion: 'no-preference',
	forcedColors: 'none',
	contrast: 'no-preference',
} as const satisfies BrowserContextOptions;

/** A served build plus a browser, shared by the tests of one file. */
export interface SiteHarness {
	url: string;
	browser: Browser;
	/** A new context of its own, for a test that needs what a pooled page cannot give (see `open`). */
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
	/**
	 * Open a path of the site in a page lent from the harness's pool, one pool per set of context options; give it back
	 * with `release(page)`. On this machine a new page costs about a second of CPU for its renderer process before it
	 * loads anything, more than loading a path takes, so the tests of a file share their pages.
	 *
	 * Before a page is lent again it is reset: the site origin's storage cleared (cookies, localStorage,
	 * sessionStorage, IndexedDB, Cache Storage, service workers), the context's cookies cleared and its permissions
	 * granted anew from the options, every listener and route of the page and its context removed, media emulation and
	 * viewport back to the options, the mouse back at 0,0; then `path` loads as a fresh document.
	 *
	 * A test that needs a page nobody used takes `newContext()` instead: init scripts (`addInitScript`), exposed
	 * functions or bindings, a clock (`page.clock`), popups or new pages (`waitForEvent('page')`, a second page in the
	 * same context), history (`goBack`, `goForward`), routes that must apply to the first load, or any other context
	 * setting the reset does not undo (geolocation, offline, extra HTTP headers, timeouts). The HTTP cache is kept: the
	 * site's files do not change during a run.
	 */
	open(path: string, options?: BrowserContextOptions): Promise<Page>;
	/** Give a page from `open` back to the pool, for the next test to use after the reset `open` describes. */
	release(page: Page): void;
	close(): Promise<void>;
}

/** A page the pool lends, alone in a context made from `settings`. */
interface PooledPage {
	page: Page;
	/** The context's options, `CONTEXT_DEFAULTS` filled in: what the reset restores. */
	settings: BrowserContextOptions;
	/** A DevTools session of the page, to clear the origin's storage. */
	devtools: CDPSession;
}

/** The same key for equal context options, in whatever order their fields were written. */
function optionsKey(settings: BrowserContextOptions): string {
	return JSON.stringify(settings, (_, value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value).sort(([a], [b]) => compareText(a, b)))
			: value,
	);
}

/**
 * Undo what the last test did to a pooled page (see `SiteHarness.open`), short of the navigation. The storage is
 * cleared while the last test's document is still open: going to about:blank first would start a new renderer
 * process, the cost the pool avoids, and the site writes storage only on the reader's input, which has ended.
 */
async function resetPage({ page, settings, devtools }: PooledPage, origin: string): Promise<void> {
	const context = page.context();
	page.removeAllListeners();
	context.removeAllListeners();
	await page.unrouteAll({ behavior: 'ignoreErrors' });
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	await devtools.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
	await context.clearCookies();
	await context.clearPermissions();
	if (settings.permissions) await context.grantPermissions(settings.permissions);
	const { colorScheme, reducedMotion, forcedColors, contrast, viewport } = settings;
	await page.emulateMedia({ media: null, colorScheme, reducedMotion, forcedColors, contrast });
	if (viewport) await page.setViewportSize(viewport);
	await page.mouse.move(0, 0);
}

/** Serve dist/ on loopback and launch Chromium; fails with a hint when the site was not built. */
export async function startSite(): Promise<SiteHarness> {
	if (!existsSync(resolve(DIST, 'index.html'))) {
		throw Object.assign(new Error('dist/ has no built site.'), {
			hint: 'Run `npm run build` first (`npm test` does it for you).',
		});
	}
	const server: StaticServer = await serveStatic(DIST);
	const browser = await launchBrowser();
	const newContext = (options?: BrowserContextOptions) => browser.newContext({ ...CONTEXT_DEFAULTS, ...options });
	/** Pages given back, by the key of their options. */
	const idle = new Map<string, PooledPage[]>();
	/** Pages lent out, found by the page a test gives back. */
	const lent = new Map<Page, { pooled: PooledPage; key: string }>();

	const takePage = async (settings: BrowserContextOptions, key: string): Promise<PooledPage> => {
		const reused = idle.get(key)?.pop();
		if (reused) {
			await resetPage(reused, server.url);
			return reused;
		}
		const page = await (await newContext(settings)).newPage();
		return { page, settings, devtools: await page.context().newCDPSession(page) };
	};

	return {
		url: server.url,
		browser,
		newContext,
		open: async (path, options) => {
			const settings = { ...CONTEXT_DEFAULTS, ...options };
			const key = optionsKey(settings);
			const pooled = await takePage(settings, key);
			lent.set(pooled.page, { pooled, key });
			await pooled.page.goto(`${server.url}${path}`);
			return pooled.page;
		},
		release: (page) => {
			const loan = lent.get(page);
			if (!loan) {
				throw Object.assign(new Error(`release(): ${page.url()} was not lent by site.open(), or was given back already.`), {
					hint: 'Close a page of site.newContext() with its context.close(), and give each page of site.open() back once.',
				});
			}
			lent.delete(page);
			// A page the test closed itself cannot be lent again; the next open() makes a new one.
			if (!page.isClosed()) idle.set(loan.key, [...(idle.get(loan.key) ?? []), loan.pooled]);
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
