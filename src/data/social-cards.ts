import { readFileSync } from 'node:fs';
import type { Font } from 'satori';
import { toAstroError } from '../content/errors.ts';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';
import { loadCardFonts, renderSocialCard, type CardBrand, type SocialCard } from '../lib/social-card.ts';
import { siteConfig } from '../site.config.ts';

/** The site mark drawn on every card: the favicon. */
const MARK_FILE = 'public/favicon.svg';

let renderer: { brand: CardBrand; fonts: Font[]; cache: ContentCache } | undefined;

/** Changes whenever a card could look different for the same text: the layout code, the packages or the mark. */
export function socialCardVersion(): string {
	return versionOf(['src/lib/social-card.ts', 'package-lock.json', MARK_FILE]);
}

/** The PNG of a card: from the cache when the same card was drawn before with the same code, fonts and mark. */
export async function socialCardPng(card: SocialCard): Promise<Buffer> {
	renderer ??= {
		brand: { siteName: siteConfig.title, host: new URL(siteConfig.url).host, markSvg: readFileSync(MARK_FILE, 'utf8') },
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
