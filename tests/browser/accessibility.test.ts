import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, wcagViolations, type SiteHarness } from '../helpers/site.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

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
			const page = await site.open(path, { colorScheme: scheme });
			expect(await wcagViolations(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('has no violations with the search dialog open and showing results', async () => {
		const page = await site.open('/software-supply-chain/sboms/', { colorScheme: 'dark' });
		await page.click('[data-search-button]');
		await page.fill('#search-input', 'cosign');
		await page.locator('.search-results > li').first().waitFor();
		expect(await wcagViolations(page)).toEqual([]);
		await page.context().close();
	});
});
