import { describe, expect, it } from 'vitest';
import { formatHeadersFile, IMMUTABLE_CACHE, MAX_HEADER_LINE, securityHeaders } from '../../../src/hosting/headers.ts';

describe('_headers', () => {
	it('puts the security headers on every path and immutable caching on hashed assets', () => {
		const file = formatHeadersFile([
			['Content-Security-Policy', "default-src 'self'"],
			['X-Content-Type-Options', 'nosniff'],
		]);
		expect(file.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
			'/*',
			"  Content-Security-Policy: default-src 'self'",
			'  X-Content-Type-Options: nosniff',
			'/_astro/*',
			`  Cache-Control: ${IMMUTABLE_CACHE}`,
			'',
		]);
	});

	it('refuses a line Cloudflare Pages would reject, with a hint', () => {
		const policy = `script-src 'self' ${"'sha256-x' ".repeat(MAX_HEADER_LINE / 10)}`;
		expect(() => formatHeadersFile(securityHeaders(policy))).toThrow(
			expect.objectContaining({
				message: expect.stringContaining('Cloudflare Pages accepts at most 2000'),
				hint: expect.any(String),
			}),
		);
	});

	it('sends the policy, HSTS, nosniff, a referrer policy, a permissions policy and no framing', () => {
		expect(Object.keys(Object.fromEntries(securityHeaders('x')))).toEqual([
			'Content-Security-Policy',
			'Strict-Transport-Security',
			'X-Content-Type-Options',
			'X-Frame-Options',
			'Referrer-Policy',
			'Permissions-Policy',
			'Cross-Origin-Opener-Policy',
		]);
	});
});
