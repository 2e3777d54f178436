import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from '../../../src/lib/page-title.ts';

describe('documentTitle', () => {
	it('adds the site name when the whole title fits', () => {
		expect(documentTitle('SBOMs with syft and jq', 'Supply Chain Academy')).toBe('SBOMs with syft and jq | Supply Chain Academy');
	});

	it('keeps the page title alone when the site name would make it too long', () => {
		const title = 'Running minimal images on Kubernetes with a strict security context';
		expect(`${title} | Supply Chain Academy`.length).toBeGreaterThan(MAX_TITLE_LENGTH);
		expect(documentTitle(title, 'Supply Chain Academy')).toBe(title);
	});
});
