import { toAstroError } from '../content/errors.ts';
import { buildCacheDir, versionOf } from '../lib/content-cache.ts';
import { logoFile } from '../lib/logo.ts';
import { type SocialCard } from '../lib/social-card.ts';
import { SocialCardDrawer } from '../lib/social-card-drawer.ts';
import { siteConfig } from '../site.config.ts';

let drawer: SocialCardDrawer | undefined;

/** Changes whenever a card could look different for the same text: the layout code, the packages or the mark (the logo, as on the favicon). */
export function socialCardVersion(): string {
	return versionOf(['src/lib/social-card.ts', 'package-lock.json', 'src/lib/logo.ts']);
}

function cardDrawer(): SocialCardDrawer {
	drawer ??= new SocialCardDrawer({
		brand: { siteName: siteConfig.title, host: new URL(siteConfig.url).host, markSvg: logoFile() },
		cacheDir: buildCacheDir('academy-social-cards'),
		cacheVersion: socialCardVersion(),
	});
	return drawer;
}

/**
 * Start drawing, in worker threads, every card the cache does not hold yet; returns how many. Astro asks for one card
 * at a time and renders pages on the main thread, so cards started early are drawn on the other cores meanwhile.
 */
export function drawSocialCardsAhead(cards: readonly SocialCard[]): number {
	return cardDrawer().drawAhead(cards);
}

/** The PNG of a card: from the cache when the same card was drawn before with the same code, fonts and mark. */
export async function socialCardPng(card: SocialCard): Promise<Buffer> {
	try {
		return await cardDrawer().png(card);
	} catch (error) {
		throw toAstroError(error);
	}
}
