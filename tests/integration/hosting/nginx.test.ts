import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNginxConfig } from '../../../src/hosting/nginx.ts';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE, securityHeaders } from '../../../src/hosting/headers.ts';
import { parseRedirectsFile } from '../../../src/lib/redirects.ts';
import { DIST } from '../../helpers/site.ts';
import { rawGet, startNginx, testNginxConfig, type RunningNginx } from '../../helpers/nginx.ts';

/** The Content-Security-Policy the build wrote into dist/_headers. */
function builtPolicy(): string {
	const line = readFileSync(join(DIST, '_headers'), 'utf8').match(/^ {2}Content-Security-Policy: (.+)$/m);
	if (!line) throw new Error('dist/_headers has no Content-Security-Policy line.');
	return line[1]!;
}

/** Aliases that exist only in this test: the site may have none, and the redirect rules must still be run. */
const TEST_REDIRECTS = [
	{ from: '/old/sboms/', to: '/software-supply-chain/sboms/' },
	{ from: '/wolfi-overview/', to: '/open-source/wolfi/' },
];

let nginx: RunningNginx;
let site: string;
let withAliases: string;
let work: string;

beforeAll(async () => {
	if (!existsSync(join(DIST, '_nginx.conf'))) {
		throw new Error('dist/_nginx.conf is missing. Hint: run `npm run build` first (`npm test` does it for you).');
	}
	work = mkdtempSync(join(tmpdir(), 'academy-nginx-site-'));
	const aliasConfig = join(work, 'aliases.conf');
	writeFileSync(aliasConfig, formatNginxConfig(securityHeaders(builtPolicy()), TEST_REDIRECTS));
	// The first server runs the configuration exactly as the build wrote it (the one the Dockerfile copies).
	nginx = await startNginx([
		{ root: DIST, include: join(DIST, '_nginx.conf') },
		{ root: DIST, include: aliasConfig },
	]);
	[site, withAliases] = nginx.urls as [string, string];
});

afterAll(async () => {
	await nginx?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
});

/** The security headers of a response, by name, for one readable comparison. */
function securityHeadersOf(headers: Record<string, string | string[] | undefined>): Record<string, unknown> {
	return Object.fromEntries(securityHeaders(builtPolicy()).map(([name]) => [name, headers[name.toLowerCase()]]));
}

const expectedSecurityHeaders = () => Object.fromEntries(securityHeaders(builtPolicy()));

describe('nginx with the generated configuration', () => {
	it('serves pages with the security headers and revalidation', async () => {
		for (const path of ['/', '/software-supply-chain/sboms/', '/images/']) {
			const response = await rawGet(`${site}${path}`);
			expect(response.status, path).toBe(200);
			expect(response.headers['content-type'], path).toMatch(/^text\/html/);
			expect(securityHeadersOf(response.headers), path).toEqual(expectedSecurityHeaders());
			expect(response.headers['cache-control'], path).toBe(REVALIDATE_CACHE);
			expect(response.body.toString('utf8'), path).toBe(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
		}
		const policy = builtPolicy();
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy.match(/script-src [^;]*/)?.[0]).not.toContain('unsafe-inline');
	});

	it('serves Markdown twins and llms.txt as UTF-8 text, gzipped on request', async () => {
		for (const [path, type] of [
			['/software-supply-chain/sboms.md', 'text/markdown; charset=utf-8'],
			['/llms.txt', 'text/plain; charset=utf-8'],
		] as const) {
			const response = await rawGet(`${site}${path}`);
			expect(response.status, path).toBe(200);
			expect(response.headers['content-type'], path).toBe(type);
			expect(securityHeadersOf(response.headers), path).toEqual(expectedSecurityHeaders());
			expect(response.body.equals(readFileSync(join(DIST, path))), `${path}: body`).toBe(true);
			const gzipped = await rawGet(`${site}${path}`, { 'accept-encoding': 'gzip' });
			expect(gzipped.headers['content-encoding'], path).toBe('gzip');
			expect(gunzipSync(gzipped.body).equals(readFileSync(join(DIST, path))), `${path}: .gz holds the file`).toBe(true);
		}
	});

	it('caches hashed assets for a year, immutable', async () => {
		const assets = readdirSync(join(DIST, '_astro')).filter((file) => /\.(js|css)$/.test(file));
		expect(assets.length).toBeGreaterThan(1);
		for (const asset of assets) {
			const response = await rawGet(`${site}/_astro/${asset}`);
			expect(response.status, asset).toBe(200);
			expect(response.headers['cache-control'], asset).toBe(IMMUTABLE_CACHE);
			expect(response.headers['x-content-type-options'], asset).toBe('nosniff');
		}
	});

	it('answers a missing page with the 404 page and status 404, headers included', async () => {
		for (const path of ['/no-such-page/', '/_astro/missing.js', '/_nginx.conf', '/_headers']) {
			const response = await rawGet(`${site}${path}`);
			expect(response.status, path).toBe(404);
			expect(response.body.toString('utf8'), path).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
			expect(securityHeadersOf(response.headers), path).toEqual(expectedSecurityHeaders());
		}
	});

	it('serves the precompressed .gz file to clients that accept gzip, and the plain file to others', async () => {
		for (const file of ['index.html', 'software-supply-chain/sboms/index.html', 'sitemap-index.xml', 'pagefind/pagefind.js']) {
			const url = `${site}/${file.replace(/index\.html$/, '')}`;
			const gzipped = await rawGet(url, { 'accept-encoding': 'gzip' });
			expect(gzipped.headers['content-encoding'], file).toBe('gzip');
			expect(gzipped.headers.vary, file).toBe('Accept-Encoding');
			expect(gzipped.body.equals(readFileSync(join(DIST, `${file}.gz`))), `${file}: body is the .gz file`).toBe(true);
			expect(gunzipSync(gzipped.body).equals(readFileSync(join(DIST, file))), `${file}: .gz holds the file`).toBe(true);
			const plain = await rawGet(url);
			expect(plain.headers['content-encoding'], file).toBeUndefined();
			expect(plain.body.equals(readFileSync(join(DIST, file))), `${file}: plain body`).toBe(true);
		}
	});

	it('redirects a directory URL without its trailing slash, with a relative Location', async () => {
		const response = await rawGet(`${site}/software-supply-chain/sboms`);
		expect(response.status).toBe(301);
		expect(response.headers.location).toBe('/software-supply-chain/sboms/');
	});

	it('answers every alias in dist/_redirects, and the rules it writes for aliases, with 301 to the page', async () => {
		const built = parseRedirectsFile(readFileSync(join(DIST, '_redirects'), 'utf8'));
		const cases = [
			...built.map((redirect) => ({ base: site, ...redirect })),
			...TEST_REDIRECTS.map((redirect) => ({ base: withAliases, ...redirect })),
		];
		for (const { base, from, to } of cases) {
			for (const path of [from, from.slice(0, -1)]) {
				const response = await rawGet(`${base}${path}`);
				expect(response.status, path).toBe(301);
				expect(response.headers.location, path).toBe(to);
				expect(response.headers['strict-transport-security'], path).toBeDefined();
			}
			expect((await rawGet(`${base}${to}`)).status, to).toBe(200);
		}
	});

	it("is accepted by nginx -t inside the container's main configuration (docker/nginx.conf)", () => {
		const result = testNginxConfig('docker/nginx.conf', {
			'academy/site.conf': join(DIST, '_nginx.conf'),
			'mime.types': '/etc/nginx/mime.types',
		});
		expect(result.code, result.output).toBe(0);
		const dockerfile = readFileSync('Dockerfile', 'utf8');
		expect(dockerfile).toContain('COPY docker/nginx.conf /etc/nginx/nginx.conf');
		expect(dockerfile).toContain('COPY dist/_nginx.conf /etc/nginx/academy/site.conf');
	});
});
