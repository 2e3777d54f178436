import { describe, expect, it } from 'vitest';
import { escapeHtml, unescapeHtml } from '../../../src/lib/html.ts';

describe('HTML escaping', () => {
	it('escapes HTML and turns it back in one pass', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
		expect(unescapeHtml(escapeHtml(`<a href="x" onclick='y'>&`))).toBe(`<a href="x" onclick='y'>&`);
		expect(unescapeHtml('&amp;lt;')).toBe('&lt;');
	});
});
