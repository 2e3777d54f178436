import type { APIContext } from 'astro';

/** Allow crawling and point crawlers at the sitemap. */
export function GET(context: APIContext) {
	const sitemap = new URL('sitemap-index.xml', context.site);
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	});
}
