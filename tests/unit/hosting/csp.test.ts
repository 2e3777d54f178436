import { describe, expect, it } from 'vitest';
import {
	astroCspConfig,
	cspHash,
	formatCspHeader,
	inlineCode,
	inlineHashes,
	type InlineHashes,
	type CspDirectives,
} from '../../../src/hosting/csp.ts';

describe('cspHash', () => {
	it('hashes like the CSP specification example', () => {
		// CSP Level 3, "hash-source" example: the hash of the script text alert('Hello, world.');
		expect(cspHash(`alert('Hello, world.');`)).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
	});
});

describe('inlineCode', () => {
	it('finds inline scripts and styles, but not script files or text that only looks like a tag', () => {
		const html =
			'<!doctype html><html><head><script>a()</script><script type="module" src="/_astro/x.js"></script>' +
			'<style>p{color:red}</style></head><body><p>&lt;script&gt;not code&lt;/script&gt;</p>' +
			'<template><script>b()</script></template><script type="module">c()</script></body></html>';
		expect(inlineCode(html)).toEqual({ scripts: ['a()', 'b()', 'c()'], styles: ['p{color:red}'] });
	});
});

describe('inlineHashes', () => {
	it('lists each hash once, sorted, across pages', async () => {
		const hashes = await inlineHashes(['<script>x()</script><style>a{}</style>', '<script>x()</script><script>y()</script>']);
		expect(hashes.scripts).toEqual([cspHash('x()'), cspHash('y()')].sort());
		expect(hashes.styles).toEqual([cspHash('a{}')]);
	});

	it("does not parse again a page whose hashes an earlier build gave, and hands every page's hashes on", async () => {
		const pages = ['<script>x()</script>', '<style>a{}</style>'];
		const first = new Map<string, InlineHashes>();
		const hashes = await inlineHashes(pages, new Map(), first);
		expect(first.size, 'one entry per distinct page').toBe(2);
		// What an earlier build recorded is taken as it is: a page found there is not parsed again.
		const earlier = new Map(
			[...first].map(([digest, page]) => [digest, { ...page, scripts: [...page.scripts, 'sha256-earlier' as const] }]),
		);
		const next = new Map<string, InlineHashes>();
		expect((await inlineHashes(pages, earlier, next)).scripts).toEqual([...hashes.scripts, 'sha256-earlier'].sort());
		expect([...next.keys()]).toEqual([...first.keys()]);
		// A page not seen before is parsed.
		expect((await inlineHashes(['<script>z()</script>'], earlier)).scripts).toEqual([cspHash('z()')]);
	});
});

describe('the policy for headers and for Astro', () => {
	const directives: CspDirectives = [
		['default-src', ["'self'"]],
		['script-src', ["'self'"]],
		['style-src', ["'self'"]],
		['style-src-attr', ["'unsafe-inline'"]],
		['frame-ancestors', ["'none'"]],
	];

	it('adds the hashes to script-src and style-src of the header', () => {
		const header = formatCspHeader({ scripts: [cspHash('x()')], styles: [cspHash('a{}')] }, directives);
		expect(header).toBe(
			`default-src 'self'; script-src 'self' '${cspHash('x()')}'; style-src 'self' '${cspHash('a{}')}'; ` +
				`style-src-attr 'unsafe-inline'; frame-ancestors 'none'`,
		);
	});

	it('gives Astro the same sources and leaves out what a meta policy cannot carry', () => {
		expect(astroCspConfig(directives)).toEqual({
			algorithm: 'SHA-256',
			directives: ["default-src 'self'"],
			scriptDirective: { resources: ["'self'"] },
			styleDirective: {
				resources: [
					{ resource: "'self'", kind: 'element' },
					{ resource: "'unsafe-inline'", kind: 'attribute' },
				],
			},
		});
	});

	it('says which directive is missing', () => {
		expect(() => astroCspConfig([['default-src', ["'self'"]]])).toThrow('no script-src directive');
	});
});
