import { expect, it } from 'vitest';
import { describeAccessibility, PHONE_VIEWPORT } from '../helpers/accessibility.ts';
import { wcagViolations } from '../helpers/site.ts';

// The dark colour scheme is in accessibility-dark.test.ts.
describeAccessibility('light', (site) => {
	it('has no violations with the phone menu open', async () => {
		const page = await site().open('/images/python/', { viewport: PHONE_VIEWPORT });
		await page.click('[data-menu-button]');
		expect(await wcagViolations(page)).toEqual([]);
		site().release(page);
	});
});
