import { toAstroError } from '../content/errors.ts';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';
import { logoFile } from '../lib/logo.ts';
import { type CardBrand, type SocialCard } from '../lib/social-card.ts';
import { SocialCardPool } from '../lib/social-card-pool.ts';
import { siteConfig } from '../site.config.ts';

let renderer: { brand: CardBrand; cache: ContentCache; pool: SocialCardPool } | undefined;

/** Cards being drawn ahead of Astro asking for them, by card text. */
const drawing = new Map<string, Promise<Buffer>>();

/** Changes whenever a card could look different for the same text: the layout code, the packages or the mark (the logo, as on the favicon). */
export function socialCardVersion(): string {
	return versionOf(['src/lib/social-card.ts', 'package-lock.json', 'src/lib/logo.ts']);
}

function cardRenderer(): NonNullable<typeof renderer> {
	renderer ??= {
		brand: { siteName: siteConfig.title, host: new URL(siteConfig.url).host, markSvg: logoFile() },
		cache: new ContentCache(buildCacheDir('academy-social-cards'), socialCardVersion()),
		pool: new SocialCardPool(),
	};
	return renderer;
}

/**
 * Start drawing, in worker threads, every card the cache does not hold yet. Astro asks for one card at a time and
 * renders pages on the main thread, so cards started early are drawn on the other cores meanwhile.
 */
export function prefetchSocialCards(cards: readonly SocialCard[]): void {
	const { brand, cache, pool } = cardRenderer();
	for (const card of cards) {
		const key = JSON.stringify(card);
		if (drawing.has(key) || cache.has({ card, brand }, '.png')) continue;
		const png = cache.get({ card, brand }, '.png', () => pool.draw(card, brand));
		// A failure is reported by socialCardPng, when Astro asks for this card; until then it is not unhandled.
		png.catch(() => undefined);
		drawing.set(key, png);
	}
}

/** The PNG of a card: from the cache when the same card was drawn before with the same code, fonts and mark. */
export async function socialCardPng(card: SocialCard): Promise<Buffer> {
	const { brand, cache, pool } = cardRenderer();
	const key = JSON.stringify(card);
	const started = drawing.get(key);
	drawing.delete(key);
	try {
		return await (started ?? cache.get({ card, brand }, '.png', () => pool.draw(card, brand)));
	} catch (error) {
		throw toAstroError(error);
	}
}
