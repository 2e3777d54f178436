import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type SiteHarness } from '../helpers/site.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** Run axe with the WCAG 2.2 A/AA rules and return readable violations (rule, impact, first targets). */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
	return results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.nodes
				.slice(0, 3)
				.map((n) => n.target.join(' '))
				.join(' | ')}`,
	);
}

/** Open a page in a fresh context with the given colour scheme. */
async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
	const context = await site.newContext({ colorScheme });
	const page = await context.newPage();
	await page.goto(`${site.url}${path}`);
	return page;
}

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
	for (const [name, path, scheme] of [
		['home page', '/', 'light'],
		['article, light', '/software-supply-chain/sboms/', 'light'],
		['article, dark', '/software-supply-chain/sboms/', 'dark'],
		['section page', '/container-images/', 'light'],
		['404 page', '/this-page-does-not-exist/', 'light'],
		['tag page', '/tags/sbom/', 'dark'],
	] as const) {
		it(`has no violations on the ${name}`, async () => {
			const page = await open(path, scheme);
			expect(await violations(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('has no violations with the search dialog open and showing results', async () => {
		const page = await open('/software-supply-chain/sboms/', 'dark');
		await page.click('[data-search-button]');
		await page.fill('#search-input', 'cosign');
		await page.locator('.search-results > li').first().waitFor();
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});
});
