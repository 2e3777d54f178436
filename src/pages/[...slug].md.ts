import type { GetStaticPaths } from 'astro';
import { getGuideTwins } from '../data/twins.ts';

/** One Markdown twin per published guide, next to its page: `/a/b/` has `/a/b.md`. */
export const getStaticPaths = (async () =>
	(await getGuideTwins()).map((twin) => ({
		params: { slug: twin.twinHref.slice(1, -'.md'.length) },
		props: { markdown: twin.markdown },
	}))) satisfies GetStaticPaths;

/** The guide as plain Markdown, for machine readers and the "View as Markdown" link. */
export function GET({ props }: { props: { markdown: string } }) {
	return new Response(props.markdown, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
}
