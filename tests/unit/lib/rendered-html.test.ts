import { describe, expect, it } from 'vitest';
import { isSingleOrderedList, nextTabGroupNumber, tabPanelLabels } from '../../../src/lib/rendered-html.ts';

const panel = (label: string, body = 'x') => `<div class="tab-panel" role="tabpanel" data-tab-label="${label}">${body}</div>`;

describe('Tabs', () => {
	it('reads the labels of the tab panels, decoding entities', () => {
		expect(tabPanelLabels('<div class="tab-panel" role="tabpanel" data-tab-label="Docker &amp; Podman">x</div>')).toEqual([
			'Docker & Podman',
		]);
	});

	it('reads only its own panels, not those of a tab group nested in one of them', () => {
		const nested = `<academy-tabs class="tabs">${panel('Inner one')}${panel('Inner two')}</academy-tabs>`;
		expect(tabPanelLabels(`\n${panel('apk', nested)}\n${panel('apt')}\n`)).toEqual(['apk', 'apt']);
	});

	it('numbers tab groups per page, starting at 1 on every page', () => {
		const firstPage = {};
		const secondPage = {};
		expect([nextTabGroupNumber(firstPage), nextTabGroupNumber(firstPage)]).toEqual([1, 2]);
		expect(nextTabGroupNumber(secondPage)).toBe(1);
		expect(nextTabGroupNumber(firstPage)).toBe(3);
	});
});

describe('Steps', () => {
	it('accepts exactly one ordered list, with whitespace around it', () => {
		expect(isSingleOrderedList('\n<ol start="2">\n<li>a &lt; b</li>\n</ol>\n')).toBe(true);
	});

	it.each([
		['an unordered list', '<ul><li>a</li></ul>'],
		['two lists', '<ol><li>a</li></ol><ol><li>b</li></ol>'],
		['a list between paragraphs', '<ol><li>a</li></ol><p>then</p><ol><li>b</li></ol>'],
		['text before the list', 'First: <ol><li>a</li></ol>'],
		['nothing', ''],
	])('refuses %s', (_case, html) => {
		expect(isSingleOrderedList(html)).toBe(false);
	});
});
