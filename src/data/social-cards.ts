import type { Font } from 'satori';
import { toAstroError } from '../content/errors.ts';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';
import { logoFile } from '../lib/logo.ts';
import { loadCardFonts, renderSocialCard, type CardBrand, type SocialCard } from '../lib/social-card.ts';
import { siteConfig } from '../site.config.ts';

let renderer: { brand: CardBrand; fonts: Font[]; cache: ContentCache } | undefined;

/** Changes whenever a card could look different for the same text: the layout code, the packages or the mark (the logo, as on the favicon). */
export function socialCardVersion(): string {
	return versionOf(['src/lib/social-card.ts', 'package-lock.json', 'src/lib/logo.ts']);
}

/** The PNG of a card: from the cache when the same card was drawn before with the same code, fonts and mark. */
export async function socialCardPng(card: SocialCard): Promise<Buffer> {
	renderer ??= {
		brand: { siteName: siteConfig.title, host: new URL(siteConfig.url).host, markSvg: logoFile() },
		fonts: loadCardFonts(),
		cache: new ContentCache(buildCacheDir('academy-social-cards'), socialCardVersion()),
	};
	const { brand, fonts, cache } = renderer;
	try {
		return await cache.get({ card, brand }, '.png', () => renderSocialCard(card, brand, fonts));
	} catch (error) {
		throw toAstroError(error);
	}
}
