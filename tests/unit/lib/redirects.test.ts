import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	aliasesInContent,
	collectRedirects,
	formatRedirectsFile,
	parseRedirectsFile,
	redirectPageHtml,
} from '../../../src/lib/redirects.ts';

describe('redirects from aliases', () => {
	const pages = [
		{ href: '/software-supply-chain/sboms/', aliases: ['/open-source/sbom', '/sbom/'], file: 'sboms.mdx' },
		{ href: '/container-images/', aliases: [], file: 'index.mdx' },
	];

	it('collects aliases with a trailing slash, sorted', () => {
		expect(collectRedirects(pages)).toEqual([
			{ from: '/open-source/sbom/', to: '/software-supply-chain/sboms/' },
			{ from: '/sbom/', to: '/software-supply-chain/sboms/' },
		]);
	});

	it('refuses an alias that is a real page or claimed twice', () => {
		expect(() => collectRedirects([...pages, { href: '/x/', aliases: ['/container-images/'], file: 'x.mdx' }])).toThrow(
			'x.mdx: alias "/container-images/" is the URL of an existing page.',
		);
		expect(() => collectRedirects([...pages, { href: '/y/', aliases: ['/sbom'], file: 'y.mdx' }])).toThrow(
			'y.mdx: alias "/sbom" is already claimed by sboms.mdx.',
		);
	});

	it('writes a _redirects file and a refresh page', () => {
		const redirects = collectRedirects(pages);
		expect(formatRedirectsFile(redirects)).toBe(
			'/open-source/sbom/ /software-supply-chain/sboms/ 301\n/sbom/ /software-supply-chain/sboms/ 301\n',
		);
		expect(formatRedirectsFile([])).toBe('');
		const html = redirectPageHtml(redirects[0]!, 'https://academy.test');
		expect(html).toContain('<meta http-equiv="refresh" content="0;url=/software-supply-chain/sboms/">');
		expect(html).toContain('<link rel="canonical" href="https://academy.test/software-supply-chain/sboms/">');
	});

	it('reads a _redirects file back, for the nginx configuration', () => {
		const redirects = collectRedirects(pages);
		expect(parseRedirectsFile(formatRedirectsFile(redirects))).toEqual(redirects);
		expect(parseRedirectsFile('')).toEqual([]);
		expect(() => parseRedirectsFile('/a/ /b/ 301\n/c/ /d/ 302\n', 'dist/_redirects')).toThrow(
			expect.objectContaining({ message: expect.stringContaining('dist/_redirects:2:'), hint: expect.any(String) }),
		);
	});
});

describe('aliases read before content loads', () => {
	it('finds every alias in the front matter of the guides', () => {
		const dir = mkdtempSync(join(tmpdir(), 'academy-aliases-'));
		mkdirSync(join(dir, 'a'));
		writeFileSync(join(dir, 'a/one.mdx'), '---\ntitle: One\naliases:\n  - /old/one\n  - /older/one/\n---\nBody');
		writeFileSync(join(dir, 'two.md'), '---\ntitle: Two\n---\nNo aliases');
		writeFileSync(join(dir, 'three.md'), '---\ntitle: Three\n"aliases": [/quoted/key]\n---\nBody');
		// Only front matter with an aliases key is parsed, so broken YAML elsewhere is left to the content schema.
		writeFileSync(join(dir, 'four.md'), '---\ntitle: [unclosed\n---\nBody');
		expect(aliasesInContent(dir)).toEqual(['/old/one/', '/older/one/', '/quoted/key/']);
		rmSync(dir, { recursive: true, force: true });
	});
});
