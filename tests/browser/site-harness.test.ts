import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type SiteHarness } from '../helpers/site.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const GUIDE = '/software-supply-chain/sboms/';

/** Open a path with `options` once, let `use` do what a test would, give the page back and open it again. */
async function reuse(path: string, options: BrowserContextOptions, use: (page: Page) => Promise<void>): Promise<Page> {
	const first = await site.open(path, options);
	await use(first);
	site.release(first);
	const second = await site.open(path, options);
	// Without the same page, nothing below would test the reset.
	expect(second, 'the pool lends the page it got back').toBe(first);
	return second;
}

describe('pages lent by site.open()', () => {
	it('clear localStorage, sessionStorage, cookies and IndexedDB of the last user', async () => {
		const page = await reuse(GUIDE, {}, async (page) => {
			// Clearing the site's origin leaves other hosts' cookies, which a test can set through the context.
			await page.context().addCookies([{ name: 'left-behind', value: 'elsewhere', url: 'http://localhost/' }]);
			await page.evaluate(async () => {
				localStorage.setItem('left-behind', 'local');
				sessionStorage.setItem('left-behind', 'session');
				document.cookie = 'left-behind=cookie; path=/';
				await new Promise<void>((resolve, reject) => {
					const request = indexedDB.open('left-behind');
					request.onupgradeneeded = () => request.result.createObjectStore('store');
					request.onsuccess = () => {
						request.result.close();
						resolve();
					};
					request.onerror = () => reject(request.error);
				});
			});
		});
		const left = await page.evaluate(async () => ({
			localStorage: localStorage.getItem('left-behind'),
			sessionStorage: sessionStorage.getItem('left-behind'),
			cookie: document.cookie,
			indexedDB: (await indexedDB.databases()).map((database) => database.name),
		}));
		expect(left).toEqual({ localStorage: null, sessionStorage: null, cookie: '', indexedDB: [] });
		expect(await page.context().cookies()).toEqual([]);
		site.release(page);
	});

	it('drop the listeners and routes of the last user', async () => {
		const heard: string[] = [];
		const routed: string[] = [];
		const page = await reuse(GUIDE, {}, async (page) => {
			page.on('request', (request) => heard.push(`page request ${request.url()}`));
			page.context().on('request', (request) => heard.push(`context request ${request.url()}`));
			await page.route('**/*', (route) => (routed.push(`page ${route.request().url()}`), route.continue()));
			await page.context().route('**/*', (route) => (routed.push(`context ${route.request().url()}`), route.continue()));
			// Until the network is quiet: the favicon comes after the load event.
			await page.reload({ waitUntil: 'networkidle' });
			expect(heard.length, 'the listeners work before the page is given back').toBeGreaterThan(0);
			expect(routed.length, 'the routes work before the page is given back').toBeGreaterThan(0);
			heard.length = 0;
			routed.length = 0;
		});
		await page.reload();
		expect(heard).toEqual([]);
		expect(routed).toEqual([]);
		site.release(page);
	});

	it('bring the viewport, colour scheme, permissions and mouse back to the options', async () => {
		const options = { colorScheme: 'dark' as const, permissions: ['clipboard-read'] };
		const page = await reuse(GUIDE, options, async (page) => {
			await page.setViewportSize({ width: 390, height: 844 });
			await page.emulateMedia({ colorScheme: 'light', media: 'print' });
			await page.context().clearPermissions();
			await page.context().grantPermissions(['geolocation']);
			await page.mouse.move(300, 200);
		});
		await page.evaluate(() =>
			document.addEventListener('mousedown', (event) => (document.body.dataset.pressedAt = `${event.clientX},${event.clientY}`), {
				once: true,
			}),
		);
		// Pressed but not released: a click at 0,0 could follow a link.
		await page.mouse.down();
		const pressedAt = await page.evaluate(() => document.body.dataset.pressedAt);
		await page.mouse.up();
		const state = await page.evaluate(async () => ({
			width: window.innerWidth,
			dark: matchMedia('(prefers-color-scheme: dark)').matches,
			print: matchMedia('print').matches,
			clipboard: (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })).state,
			geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
		}));
		// Headless Chromium denies a permission nobody granted instead of prompting.
		expect(state).toEqual({ width: 1280, dark: true, print: false, clipboard: 'granted', geolocation: 'denied' });
		expect(pressedAt, 'the mouse is back at 0,0').toBe('0,0');
		site.release(page);
	});

	it('lend a page of other options from a pool of its own', async () => {
		const desktop = await site.open(GUIDE);
		site.release(desktop);
		const phone = await site.open(GUIDE, { viewport: { width: 390, height: 844 } });
		expect(phone).not.toBe(desktop);
		expect(await phone.evaluate(() => window.innerWidth)).toBe(390);
		site.release(phone);
	});

	it('refuse a page that was not lent, or was given back already', async () => {
		const page = await site.open(GUIDE);
		site.release(page);
		expect(() => site.release(page)).toThrow(/was not lent by site\.open\(\), or was given back already/);
	});
});

describe('the shared Chromium', () => {
	it('opens no address-bar popup pages beside the site (they cost a renderer per context)', async () => {
		const page = await site.open(GUIDE);
		const browserSession = await site.browser.newBrowserCDPSession();
		const { targetInfos } = await browserSession.send('Target.getTargets');
		await browserSession.detach();
		site.release(page);
		const browserPages = targetInfos.filter((target) => target.url.startsWith('chrome://')).map((target) => target.url);
		expect(browserPages).toEqual([]);
		expect(targetInfos.some((target) => target.url.endsWith(GUIDE))).toBe(true);
	});
});
