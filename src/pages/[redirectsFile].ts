import { getGuideIndex } from '../data/docs.ts';
import { formatRedirectsFile } from '../lib/redirects.ts';

// Files starting with "_" are not routes in src/pages, so the host redirects file comes from a parameter.
export function getStaticPaths() {
	return [{ params: { redirectsFile: '_redirects' } }];
}

/** Server-side redirects for hosts that read a `_redirects` file (the alias pages cover the others). */
export async function GET() {
	const site = await getGuideIndex();
	return new Response(formatRedirectsFile(site.redirects), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
