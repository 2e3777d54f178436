import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, wcagViolations, type SiteHarness } from '../helpers/site.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** Desktop and phone (390 px, where the header, sidebar and code blocks change layout). */
const WIDTHS = [
	{ name: 'desktop', viewport: { width: 1280, height: 900 } },
	{ name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
	for (const [name, path] of [
		['home page', '/'],
		['guide', '/software-supply-chain/sboms/'],
		['learning path', '/paths/sign-attest-verify/'],
		['image page', '/images/python/'],
	] as const) {
		for (const width of WIDTHS) {
			for (const scheme of ['light', 'dark'] as const) {
				it(`has no violations on the ${name} (${width.name}, ${scheme})`, async () => {
					const page = await site.open(path, { colorScheme: scheme, viewport: width.viewport });
					expect(await wcagViolations(page)).toEqual([]);
					await page.context().close();
				});
			}
		}
	}

	for (const [name, path, scheme] of [
		['section page', '/container-images/', 'light'],
		['list of learning paths', '/paths/', 'dark'],
		['404 page', '/this-page-does-not-exist/', 'light'],
		['tag page', '/tags/sbom/', 'dark'],
	] as const) {
		it(`has no violations on the ${name}`, async () => {
			const page = await site.open(path, { colorScheme: scheme });
			expect(await wcagViolations(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('has no violations with the phone menu open', async () => {
		const page = await site.open('/images/python/', { viewport: WIDTHS[1].viewport });
		await page.click('[data-menu-button]');
		expect(await wcagViolations(page)).toEqual([]);
		await page.context().close();
	});

	it('has no violations with the search dialog open and showing results', async () => {
		const page = await site.open('/software-supply-chain/sboms/', { colorScheme: 'dark' });
		await page.click('[data-search-button]');
		await page.fill('#search-input', 'cosign');
		await page.locator('.search-results > li').first().waitFor();
		expect(await wcagViolations(page)).toEqual([]);
		await page.context().close();
	});
});
