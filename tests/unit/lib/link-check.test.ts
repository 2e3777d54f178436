import { describe, expect, it } from 'vitest';
import { checkLinks, fileToUrlPath, type BuiltPage } from '../../../src/lib/link-check.ts';

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
		expect(checkLinks(pages, new Set(['/logo.svg'])).broken).toEqual([
			{ page: '/', link: '/missing/', reason: 'no page or file at /missing/' },
			{ page: '/guide/', link: '#nope', reason: '/guide/ has no element with id "nope"' },
			{ page: '/other/', link: '/guide', reason: 'no page or file at /guide (did you mean /guide/?)' },
		]);
	});

	it('treats a missing asset as broken', () => {
		expect(checkLinks([page('/guide/', '<img src="/logo.svg">')], new Set()).broken).toEqual([
			{ page: '/guide/', link: '/logo.svg', reason: 'no page or file at /logo.svg' },
		]);
	});
});

describe('incremental link check', () => {
	const site = [
		page('/', '<a href="/guide/#setup">setup</a><a href="/other/">other</a>'),
		page('/guide/', '<h2 id="setup">Setup</h2><h2 id="use">Use</h2><img src="/logo.svg">'),
		page('/other/', '<p id="top">No links to the guide</p><a href="/">home</a>'),
	];
	const assets = new Set(['/logo.svg']);
	const passed = checkLinks(site, assets);

	/** Check the changed site against the state of the pass above; it must find what a full check finds. */
	function recheck(pages: BuiltPage[], changedAssets = assets) {
		const result = checkLinks(pages, changedAssets, passed.state);
		expect(result.broken, 'the incremental check finds what a full check finds').toEqual(checkLinks(pages, changedAssets).broken);
		return result;
	}

	it('checks every page the first time, and none when nothing changed', () => {
		expect(passed).toMatchObject({ broken: [], checked: 3 });
		expect(recheck(site)).toMatchObject({ broken: [], checked: 0, state: passed.state });
	});

	it('checks an edited page again, and only that page when its ids stay', () => {
		const edited = [site[0]!, site[1]!, page('/other/', '<p id="top">Now a broken link</p><a href="/gone/">gone</a>')];
		expect(recheck(edited)).toMatchObject({
			checked: 1,
			broken: [{ page: '/other/', link: '/gone/', reason: 'no page or file at /gone/' }],
		});
	});

	it('checks again the unchanged pages that link to a page whose ids changed', () => {
		const renamed = [
			site[0]!,
			page('/guide/', '<h2 id="set-up">Set up</h2><h2 id="use">Use</h2><img src="/logo.svg">'),
			site[2]!,
		];
		expect(recheck(renamed)).toMatchObject({
			checked: 2,
			broken: [{ page: '/', link: '/guide/#setup', reason: '/guide/ has no element with id "setup"' }],
		});
	});

	it('checks again the pages that link to a page or asset that vanished', () => {
		expect(recheck([site[0]!, site[1]!])).toMatchObject({
			checked: 1,
			broken: [{ page: '/', link: '/other/', reason: 'no page or file at /other/' }],
		});
		expect(recheck(site, new Set())).toMatchObject({
			checked: 1,
			broken: [{ page: '/guide/', link: '/logo.svg', reason: 'no page or file at /logo.svg' }],
		});
	});

	it('checks again the links to a path where a page now stands instead of a file', () => {
		const before = checkLinks([page('/', '<a href="/doc/#part">part</a>')], new Set(['/doc/']));
		const pages = [page('/', '<a href="/doc/#part">part</a>'), page('/doc/', '<p id="other">x</p>')];
		const result = checkLinks(pages, new Set(), before.state);
		expect(result.broken).toEqual([{ page: '/', link: '/doc/#part', reason: '/doc/ has no element with id "part"' }]);
	});
});
