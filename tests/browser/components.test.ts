import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docPathForFile } from '../../src/lib/routes.ts';
import { startSite, type SiteHarness } from '../helpers/site.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** Two guides that use Tabs with the same sync key, found in the content so the test follows the guides. */
function pagesSharingASyncKey(): { key: string; pages: [string, string] } {
	const byKey = new Map<string, string[]>();
	for (const file of readdirSync('content/docs', { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.mdx'))
		.sort()) {
		for (const match of readFileSync(join('content/docs', file), 'utf8').matchAll(/<Tabs syncKey="([^"]+)"/g)) {
			const href = docPathForFile(file);
			const pages = byKey.get(match[1]!) ?? byKey.set(match[1]!, []).get(match[1]!)!;
			if (!pages.includes(href)) pages.push(href);
		}
	}
	const [key, pages] = [...byKey].find(([, pages]) => pages.length >= 2)!;
	return { key, pages: [pages[0]!, pages[1]!] };
}

describe('Tabs', () => {
	it('switches with arrow keys, shows one panel at a time and remembers a synced choice on the next page', async () => {
		const { key, pages } = pagesSharingASyncKey();
		const page = await site.open(pages[0]);
		const tabs = page.locator(`academy-tabs[data-sync-key="${key}"]`).first();
		const tabButtons = tabs.locator('[role="tab"]');
		expect(await tabButtons.count()).toBeGreaterThan(1);
		await tabButtons.first().focus();
		await page.keyboard.press('ArrowRight');
		const second = tabButtons.nth(1);
		expect(await second.getAttribute('aria-selected')).toBe('true');
		expect(await second.evaluate((node) => node === document.activeElement)).toBe(true);
		expect(await tabs.locator('[role="tabpanel"]:visible').count()).toBe(1);
		const panel = tabs.locator(`#${await second.getAttribute('aria-controls')}`);
		expect(await panel.isVisible()).toBe(true);
		const label = (await second.innerText()).trim();

		await page.goto(`${site.url}${pages[1]}`);
		const synced = page.locator(`academy-tabs[data-sync-key="${key}"]`).first();
		expect((await synced.locator('[role="tab"][aria-selected="true"]').innerText()).trim()).toBe(label);
		site.release(page);
	});

	it('shows every panel under its label without JavaScript', async () => {
		const { key, pages } = pagesSharingASyncKey();
		const page = await site.open(pages[0], { javaScriptEnabled: false });
		const tabs = page.locator(`academy-tabs[data-sync-key="${key}"]`).first();
		const panels = tabs.locator('.tab-panel');
		expect(await panels.count()).toBeGreaterThan(1);
		expect(await tabs.locator('.tab-panel:visible').count()).toBe(await panels.count());
		site.release(page);
	});
});

describe('other components', () => {
	it('renders callouts as labelled asides and steps as a numbered list', async () => {
		const withSteps = readdirSync('content/docs', { recursive: true, encoding: 'utf8' }).find(
			(file) => file.endsWith('.mdx') && readFileSync(join('content/docs', file), 'utf8').includes('<Steps>'),
		)!;
		const page = await site.open(docPathForFile(withSteps));
		expect(await page.locator('.steps ol > li').count()).toBeGreaterThan(1);
		await page.goto(`${site.url}/software-supply-chain/sboms/`);
		const callout = page.locator('aside.callout').first();
		expect(await callout.getAttribute('aria-label')).toBeTruthy();
		site.release(page);
	});
});
