import { docEntriesFromFiles } from '../content/docs-from-files.ts';
import { loadTags } from '../content/tags.ts';
import { buildGuideIndex, type GuideIndex } from '../data/guide-index.ts';
import type { ImageRepository } from '../images/model.ts';
import { docPath, imagePath } from '../lib/routes.ts';
import { ancestorFolders } from '../lib/sidebar.ts';
import { SOCIAL_CARD_SIZE, socialCardPath, type SocialCard } from '../lib/social-card.ts';
import { sections, siteConfig } from '../site.config.ts';

/** The Open Graph image of a page, as its meta tags state it. */
export interface SocialCardImage {
	/** URL path of the PNG, e.g. `/og/container-images/non-root-users.png`. */
	src: string;
	/** What the card shows, for og:image:alt and twitter:image:alt. */
	alt: string;
	width: number;
	height: number;
}

/** A guide's card: its title, under the labels of the sections above it (`Open source · Wolfi`). */
export function guideSocialCard(site: GuideIndex, href: string, title: string): SocialCard {
	const where = ancestorFolders(href).map((folder) => site.groups.get(folder)?.label ?? folder);
	return { title, section: where.join(' · ') || siteConfig.title };
}

/** An image page's card: the image name, in the Images section. */
export function imageSocialCard(name: string): SocialCard {
	return { title: name, section: sections.find((section) => section.path === 'images')?.label ?? 'Images' };
}

/** Where a page's card is and how to describe it. */
export function socialCardImage(href: string, card: SocialCard): SocialCardImage {
	return {
		src: socialCardPath(href),
		alt: `${card.title} (${card.section}), ${siteConfig.title}`,
		...SOCIAL_CARD_SIZE,
	};
}

/** Every page that has a card: each guide (the home entry is not one) and each image page. */
export function socialCardPages(site: GuideIndex, images: readonly ImageRepository[]): { href: string; card: SocialCard }[] {
	const guides = site.docs
		.filter((entry) => entry.id !== 'index')
		.map((entry) => {
			const href = docPath(entry.id);
			return { href, card: guideSocialCard(site, href, entry.data.title) };
		});
	return [...guides, ...images.map((image) => ({ href: imagePath(image.name), card: imageSocialCard(image.name) }))];
}

/**
 * The guide pages and their cards as the guide files state them, known before Astro has bundled the pages that read
 * the content layer: what the og route will ask for, unless a file is broken (that build then reports it). Dates and
 * learning paths do not show on a card, so they are left out.
 */
export function guideSocialCardsFromFiles(contentDir: string = siteConfig.contentDir): { href: string; card: SocialCard }[] {
	const docs = docEntriesFromFiles(contentDir).filter((entry) => !entry.data.draft);
	return socialCardPages(buildGuideIndex(docs, { sections, gitDates: new Map(), tags: loadTags(), learningPaths: [] }), []);
}
