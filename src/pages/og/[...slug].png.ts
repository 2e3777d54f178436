import type { GetStaticPaths } from 'astro';
import { getGuideIndex } from '../../data/docs.ts';
import { getImageCatalog } from '../../data/images.ts';
import { drawSocialCardsAhead, socialCardPng, socialCardVersion } from '../../data/social-cards.ts';
import { socialCardPath, type SocialCard } from '../../lib/social-card.ts';
import { socialCardPages } from '../../page-models/social-card.ts';

/** One Open Graph image per guide and image page: `/a/b/` has `/og/a/b.png`. */
export const getStaticPaths = (async () => {
	const [site, catalog] = await Promise.all([getGuideIndex(), getImageCatalog()]);
	const version = socialCardVersion();
	const pages = socialCardPages(site, catalog.images);
	// The dev server draws a card when it is asked for; a build draws them all, so start now, off the main thread.
	if (!import.meta.env.DEV) drawSocialCardsAhead(pages.map(({ card }) => card));
	return pages.map(({ href, card }) => ({
		params: { slug: socialCardPath(href).slice('/og/'.length, -'.png'.length) },
		props: { card },
		// The same card text drawn by the same code gives the same image, so an incremental build keeps the file.
		cacheKey: JSON.stringify([version, card]),
	}));
}) satisfies GetStaticPaths;

/** The card as PNG, drawn at build time (or read from the card cache). */
export async function GET({ props }: { props: { card: SocialCard } }) {
	return new Response(new Uint8Array(await socialCardPng(props.card)), { headers: { 'content-type': 'image/png' } });
}
