import { describe, expect, it } from 'vitest';
import {
	matchesRowHeader,
	orderResults,
	rowSubResults,
	subResults,
	type PagefindResultData,
} from '../../../src/client/search-results.ts';

/** A result as Pagefind's API returns it; only the fields the dialog reads. */
function result(fields: Partial<PagefindResultData>): PagefindResultData {
	return {
		url: '/page/',
		excerpt: '',
		content: '',
		meta: { title: 'Page' },
		filters: {},
		sub_results: [],
		anchors: [],
		weighted_locations: [],
		...fields,
	};
}

const hit = (location: number, balanced_score = 10, weight = 1) => ({ location, balanced_score, weight });

/** The package index as Pagefind indexes it: a heading, then one row per package with the images that ship it. */
const packageIndex = result({
	url: '/images/packages/',
	meta: { title: 'Package index' },
	filters: { type: ['Package index'] },
	content: 'Package index Package Images bash bash busybox libcurl-openssl4 curl git openssl-config nginx php <script>',
	anchors: [
		{ element: 'tr', id: 'pkg-bash', location: 4 },
		{ element: 'tr', id: 'pkg-libcurl-openssl4', location: 7 },
		{ element: 'tr', id: 'pkg-openssl-config', location: 10 },
	],
	weighted_locations: [hit(7, 50, 5), hit(10, 60, 5)],
	sub_results: [{ title: 'Package index', url: '/images/packages/', excerpt: '' }],
});

describe('search results', () => {
	it('links a hit in an index row to that row, with the row header as title and the row as excerpt', () => {
		expect(rowSubResults(packageIndex)).toEqual([
			{
				title: 'openssl-config',
				url: '/images/packages/#pkg-openssl-config',
				excerpt: '<mark>openssl-config</mark> nginx php &lt;script&gt;',
			},
			{
				title: 'libcurl-openssl4',
				url: '/images/packages/#pkg-libcurl-openssl4',
				excerpt: '<mark>libcurl-openssl4</mark> curl git',
			},
		]);
	});

	it('ranks rows whose header matched above rows that only mention the term', () => {
		const bash = result({ ...packageIndex, weighted_locations: [hit(5, 90), hit(4, 20, 5)] });
		expect(rowSubResults(bash).map((sub) => sub.title)).toEqual(['bash']);
		const mention = result({ ...packageIndex, weighted_locations: [hit(5, 90)] });
		expect(matchesRowHeader(mention)).toBe(false);
		expect(matchesRowHeader(bash)).toBe(true);
	});

	it('drops the sub-result that only repeats the page (no fragment, or #_top), and keeps three headings', () => {
		const guide = result({
			url: '/guide/',
			sub_results: ['/guide/', '/guide/#_top', '/guide/#a', '/guide/#b', '/guide/#c', '/guide/#d'].map((url) => ({
				title: url,
				url,
				excerpt: '',
			})),
		});
		expect(subResults(guide).map((sub) => sub.url)).toEqual(['/guide/#a', '/guide/#b', '/guide/#c']);
		expect(subResults(packageIndex).map((sub) => sub.url)).toEqual([
			'/images/packages/#pkg-openssl-config',
			'/images/packages/#pkg-libcurl-openssl4',
		]);
	});

	it('puts the index entry of a package name above guides, below image pages ranked higher, and keeps Pagefind order otherwise', () => {
		const guides = [result({ url: '/a/', filters: { type: ['Guide'] } }), result({ url: '/b/' })];
		expect(orderResults([...guides, packageIndex]).map((item) => item.url)).toEqual(['/images/packages/', '/a/', '/b/']);
		const image = result({ url: '/images/redis/', filters: { type: ['Image'] } });
		expect(orderResults([image, ...guides, packageIndex]).map((item) => item.url)).toEqual([
			'/images/redis/',
			'/images/packages/',
			'/a/',
			'/b/',
		]);
		const mentionOnly = result({ ...packageIndex, weighted_locations: [hit(8)] });
		expect(orderResults([...guides, mentionOnly]).map((item) => item.url)).toEqual(['/a/', '/b/', '/images/packages/']);
	});
});
