import { readFileSync } from 'node:fs';
import { AstroError } from 'astro/errors';
import type { Font } from 'satori';
import { buildCacheDir, ContentCache, versionOf } from '../lib/content-cache.ts';
import { docPath } from '../lib/routes.ts';
import { ancestorFolders } from '../lib/sidebar.ts';
import { loadCardFonts, renderSocialCard, SocialCardError, type CardBrand, type SocialCard } from '../lib/social-card.ts';
import { sections, siteConfig } from '../site.config.ts';
import { getSiteIndex } from './docs.ts';
import { getImageIndex } from './images.ts';

/** The site mark drawn on every card: the favicon. */
const MARK_FILE = 'public/favicon.svg';

/** A page that has a social card, and what its card shows. */
export interface CardPage {
	/** URL path of the page, e.g. `/container-images/non-root-users/`. */
	href: string;
	card: SocialCard;
}

/** Every guide and image page with the card it gets: the title, and the section (with the sub-section for guides). */
export async function getCardPages(): Promise<CardPage[]> {
	const [site, images] = await Promise.all([getSiteIndex(), getImageIndex()]);
	const guides = site.docs
		.filter((entry) => entry.id !== 'index')
		.map((entry) => {
			const href = docPath(entry.id);
			const where = ancestorFolders(href).map((folder) => site.groups.get(folder)?.label ?? folder);
			return { href, card: { title: entry.data.title, section: where.join(' · ') || siteConfig.title } };
		});
	const imageSection = sections.find((section) => section.path === 'images')?.label ?? 'Images';
	const imagePages = images.images.map((image) => ({
		href: `/images/${image.name}/`,
		card: { title: image.name, section: imageSection },
	}));
	return [...guides, ...imagePages];
}

let renderer: { brand: CardBrand; fonts: Font[]; cache: ContentCache } | undefined;

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
		if (error instanceof SocialCardError) throw new AstroError(error.message, error.hint);
		throw error;
	}
}

/** Changes whenever a card could look different for the same text: the layout code, the packages or the mark. */
export function socialCardVersion(): string {
	return versionOf(['src/lib/social-card.ts', 'package-lock.json', MARK_FILE]);
}
