import { describe, expect, it } from 'vitest';
import { fileToUrlPath, findBrokenLinks } from '../../../src/lib/link-check.ts';

const page = (path: string, html: string) => ({ path, html });

describe('internal link check', () => {
	it('maps output files to URL paths', () => {
		expect(fileToUrlPath('a/b/index.html')).toBe('/a/b/');
		expect(fileToUrlPath('index.html')).toBe('/');
		expect(fileToUrlPath('404.html')).toBe('/404.html');
	});

	const pages = [
		page(
			'/',
			'<a href="/guide/">ok</a><a href="/guide/#setup">ok</a><a href="/missing/">bad</a><a href="https://example.com/x">ext</a>',
		),
		page(
			'/guide/',
			'<h2 id="setup">Setup</h2><a href="#setup">self</a><a href="#nope">bad</a><a href="../">up</a><img src="/logo.svg">',
		),
		page(
			'/other/',
			'<a href="/guide">no slash</a><a href="mailto:a@b.c">m</a><script>const a = \'<a href="/js-only/">\'</script>',
		),
	];

	it('reports missing pages, missing fragments and near misses, and nothing else', () => {
		expect(findBrokenLinks(pages, new Set(['/logo.svg']))).toEqual([
			{ page: '/', link: '/missing/', reason: 'no page or file at /missing/' },
			{ page: '/guide/', link: '#nope', reason: '/guide/ has no element with id "nope"' },
			{ page: '/other/', link: '/guide', reason: 'no page or file at /guide (did you mean /guide/?)' },
		]);
	});

	it('treats a missing asset as broken', () => {
		expect(findBrokenLinks([page('/guide/', '<img src="/logo.svg">')], new Set())).toEqual([
			{ page: '/guide/', link: '/logo.svg', reason: 'no page or file at /logo.svg' },
		]);
	});
});
