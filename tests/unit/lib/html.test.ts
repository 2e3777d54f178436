import { describe, expect, it } from 'vitest';
import { escapeHtml, idFromName, unescapeHtml } from '../../../src/lib/html.ts';

describe('HTML escaping', () => {
	it('escapes HTML and turns it back in one pass', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
		expect(unescapeHtml(escapeHtml(`<a href="x" onclick='y'>&`))).toBe(`<a href="x" onclick='y'>&`);
		expect(unescapeHtml('&amp;lt;')).toBe('&lt;');
	});
});

describe('idFromName', () => {
	it('keeps letters, digits and dashes and spells out the rest, so distinct names keep distinct ids', () => {
		expect(idFromName('python-3.12-dev')).toBe('python-3_2e_12-dev');
		expect(idFromName('libstdc++')).toBe('libstdc_2b__2b_');
		expect(idFromName('py3.12-pip')).not.toBe(idFromName('py3_2e_12-pip'));
	});
});
