import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docPathForFile } from '../../src/lib/routes.ts';
import { startSite, type SiteHarness } from '../helpers/site.ts';
import { withClipboard } from '../helpers/clipboard.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** A guide that uses Tabs, found in the content so the test follows the guides. */
function pageWithTabs(): string {
	const file = readdirSync('content/docs', { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.mdx'))
		.sort()
		.find((name) => readFileSync(join('content/docs', name), 'utf8').includes('<Tabs'));
	if (!file) throw new Error('No guide uses <Tabs>; the CSP test needs one to switch tabs.');
	return docPathForFile(file);
}

/**
 * A browser context that records every Content Security Policy violation: the `securitypolicyviolation` events of
 * each page and any console message that names the policy (Chromium reports blocked code and ignored directives there).
 */
async function watchedContext(options: Parameters<SiteHarness['newContext']>[0] = {}) {
	const context = await site.newContext(options);
	const violations: string[] = [];
	await context.exposeBinding('reportCspViolation', ({ page }, text: string) => violations.push(`${page.url()}: ${text}`));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
			report(
				`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
			);
		});
	});
	const watch = (page: Page) =>
		page.on('console', (message) => {
			if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
				violations.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
			}
		});
	context.on('page', watch);
	return { context, violations };
}

/**
 * Load a path in a page and check that the response carries the policy as a header, the way a host serves it. A test
 * loads its second path in the same page: a new page would cost a renderer process.
 */
async function visit(page: Page, path: string): Promise<Page> {
	const response = await page.goto(`${site.url}${path}`);
	const policy = response?.headers()['content-security-policy'] ?? '';
	expect(policy, `${path} is served with a Content-Security-Policy header`).toContain("frame-ancestors 'none'");
	expect(policy.match(/script-src [^;]*/)?.[0], path).not.toContain("'unsafe-inline'");
	return page;
}

describe('Content Security Policy', () => {
	it('blocks nothing the site does: theme, search with filters, tabs, copy buttons', async () => {
		const { context, violations } = await watchedContext({ permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await visit(await context.newPage(), '/');

		// The inline theme script ran (it is allowed by its hash) and the theme switch works.
		expect(await page.getAttribute('html', 'data-theme-choice')).toBe('auto');
		await page.selectOption('theme-select select', 'dark');
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');

		// Search loads Pagefind's JavaScript, worker and WebAssembly, then filters by section.
		await page.click('[data-search-button]');
		await page.locator('#search-input').fill('sbom');
		await expect.poll(() => page.locator('.search-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		const section = page.locator('[data-filters] select[name="section"]');
		const value = await section.locator('option').nth(1).getAttribute('value');
		await section.selectOption(value!);
		await expect.poll(() => page.locator('.search-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		await page.keyboard.press('Escape');

		// Tabs and the copy button of a code block.
		await page.goto(`${site.url}${pageWithTabs()}`);
		const tabs = page.locator('academy-tabs [role="tab"]');
		await tabs.nth(1).click();
		expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
		await withClipboard(async () => {
			const copy = page.locator('figure.code-block button[data-copy]').first();
			await copy.click();
			await expect.poll(() => copy.textContent(), { timeout: 10_000 }).toBe('Copied');
			// "Copy page" fetches the Markdown twin and writes it through a pending ClipboardItem.
			const copyPage = page.locator('.page-copy');
			await copyPage.click();
			await expect.poll(() => copyPage.textContent(), { timeout: 10_000 }).toBe('Copied');
		});

		expect(violations).toEqual([]);
		await context.close();
	});

	it('blocks nothing on a phone (menu) or in the image catalog (filters)', async () => {
		const { context, violations } = await watchedContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
		});
		const page = await visit(await context.newPage(), '/software-supply-chain/sboms/');
		const menu = page.locator('[data-menu-button]');
		await menu.click();
		expect(await menu.getAttribute('aria-expanded')).toBe('true');
		await page.keyboard.press('Escape');

		const catalog = await visit(page, '/images/');
		const all = await catalog.locator('[data-image-list] > li:visible').count();
		await catalog.selectOption('select[name="arch"]', 'arm64');
		await catalog.fill('input[name="q"]', 'python');
		await expect.poll(() => catalog.locator('[data-image-list] > li:visible').count()).toBeLessThan(all);

		expect(violations).toEqual([]);
		await context.close();
	});

	it('blocks nothing in the learning-path progress or the image sidebar filter', async () => {
		const { context, violations } = await watchedContext();
		const guide = await visit(await context.newPage(), '/software-supply-chain/sboms/');
		const read = guide.getByRole('checkbox', { name: 'Mark this guide as read' });
		await read.check();
		expect(await guide.locator('[data-progress-text]').first().textContent()).toMatch(/^1 of \d+ read$/);

		const image = await visit(guide, '/images/python/');
		const sidebar = image.getByRole('navigation', { name: 'Images' });
		await sidebar.getByLabel('Filter images').fill('no-such-image');
		await expect.poll(() => sidebar.getByRole('status').textContent()).toBe('Nothing matches.');

		expect(violations).toEqual([]);
		await context.close();
	});

	it('reports a violation when inline code without a hash runs (the watch works)', async () => {
		const { context, violations } = await watchedContext();
		const page = await visit(await context.newPage(), '/');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true';
			document.body.append(script);
		});
		await expect.poll(() => violations.length).toBeGreaterThan(0);
		expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
		await context.close();
	});
});
