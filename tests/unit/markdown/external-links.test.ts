import { describe, expect, it } from 'vitest';
import { isExternalHref } from '../../../src/markdown/external-links.ts';

describe('external links', () => {
	it('recognises external links', () => {
		expect(isExternalHref('https://sigstore.dev/')).toBe(true);
		expect(isExternalHref('/images/static/')).toBe(false);
	});
});
