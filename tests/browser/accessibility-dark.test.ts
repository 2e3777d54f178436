import { expect, it } from 'vitest';
import { describeAccessibility } from '../helpers/accessibility.ts';
import { wcagViolations } from '../helpers/site.ts';

// The light colour scheme is in accessibility-light.test.ts.
describeAccessibility('dark', (site) => {
	it('has no violations with the search dialog open and showing results', async () => {
		const page = await site().open('/software-supply-chain/sboms/', { colorScheme: 'dark' });
		await page.click('[data-search-button]');
		await page.fill('#search-input', 'cosign');
		await page.locator('.search-results > li').first().waitFor();
		expect(await wcagViolations(page)).toEqual([]);
		site().release(page);
	});
});
