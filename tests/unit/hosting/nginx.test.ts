import { describe, expect, it } from 'vitest';
import { formatNginxConfig } from '../../../src/hosting/nginx.ts';
import { IMMUTABLE_CACHE } from '../../../src/hosting/headers.ts';

const headers = [
	['Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'"],
	['X-Content-Type-Options', 'nosniff'],
] as const;

describe('nginx configuration', () => {
	it('adds every header on every response, and caches hashed assets through one variable', () => {
		const config = formatNginxConfig(headers, []);
		expect(config).toContain(`add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;`);
		expect(config).toContain('add_header X-Content-Type-Options "nosniff" always;');
		expect(config).toContain(`location /_astro/ {\n\tset $academy_cache_control "${IMMUTABLE_CACHE}";`);
		// A location with its own add_header would drop the server's headers.
		expect(config.split('location')[1]).not.toContain('add_header');
		expect(config).toContain('gzip_static on;');
		expect(config).toContain('error_page 404 /404.html;');
		expect(config).not.toContain('# Old URLs');
	});

	it('serves Markdown twins as text/markdown and text in UTF-8', () => {
		const config = formatNginxConfig(headers, []);
		expect(config).toContain('location ~ \\.md$ {\n\ttypes { }\n\tdefault_type text/markdown;');
		expect(config).toContain('charset utf-8;');
		const charsetTypes = /^charset_types (.*);$/m.exec(config)?.[1]?.split(' ');
		expect(charsetTypes).toEqual(expect.arrayContaining(['text/markdown', 'text/plain', 'application/json']));
	});

	it('redirects each alias, with and without its trailing slash', () => {
		const config = formatNginxConfig(headers, [{ from: '/old/path/', to: '/new/' }]);
		expect(config).toContain('location = "/old/path/" { return 301 "/new/"; }');
		expect(config).toContain('location = "/old/path" { return 301 "/new/"; }');
	});

	it('refuses values nginx would expand or that would end the directive', () => {
		expect(() => formatNginxConfig([['X-Test', 'a$b']], [])).toThrow('X-Test contains a character');
		expect(() => formatNginxConfig(headers, [{ from: '/a b/', to: '/c/' }])).toThrow(
			expect.objectContaining({
				message: 'The redirect path "/a b/" cannot become an nginx location.',
				hint: expect.any(String),
			}),
		);
		expect(() => formatNginxConfig(headers, [{ from: '/a/', to: '/$host/' }])).toThrow('"/$host/" cannot become');
	});
});
