import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Font } from 'satori';
import { AcademyError } from './errors.ts';

/** What a social card shows. */
export interface SocialCard {
	/** The page's title: the largest text, up to three lines, cut with an ellipsis beyond. */
	title: string;
	/** Where the page sits, e.g. `Open source · Wolfi` or `Images`. */
	section: string;
}

/** What every card of a site shares. */
export interface CardBrand {
	siteName: string;
	/** The host shown in the corner, e.g. `supplychainacademy.dev`. */
	host: string;
	/** The site mark as SVG text, drawn next to the site name. */
	markSvg: string;
}

/** Where a page's card is published: `/a/b/` → `/og/a/b.png`. */
export function socialCardPath(pagePath: string): string {
	return `/og/${pagePath.replace(/^\/+|\/+$/g, '')}.png`;
}

/** The size Open Graph and X (`summary_large_image`) recommend: 1.91:1. */
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

const ACCENT = '#1d4ed8';
const INK = '#0f172a';
const MUTED = '#475569';

/** An element of the tree satori lays out: the shape React elements have, without React. */
export interface CardElement {
	type: string;
	props: { style?: Record<string, string | number>; children?: (CardElement | string)[] | string; [attribute: string]: unknown };
}

const element = (
	type: string,
	style: Record<string, string | number>,
	children?: CardElement['props']['children'],
	attributes: Record<string, unknown> = {},
): CardElement => ({ type, props: { style, ...(children === undefined ? {} : { children }), ...attributes } });

/** A title's font size: long titles get smaller type, so most fit in three lines without being cut. */
export function titleFontSize(title: string): number {
	if (title.length <= 40) return 72;
	if (title.length <= 70) return 60;
	return 52;
}

/** The layout of a card: the site mark and name at the top, the title in the middle, the section and host at the bottom. */
export function socialCardTree(card: SocialCard, brand: CardBrand): CardElement {
	const mark = `data:image/svg+xml;base64,${Buffer.from(brand.markSvg).toString('base64')}`;
	return element(
		'div',
		{ display: 'flex', width: '100%', height: '100%', background: '#ffffff', fontFamily: 'Inter', color: INK },
		[
			element('div', { width: 24, height: '100%', flexShrink: 0, background: ACCENT }),
			element(
				'div',
				{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '64px 72px' },
				[
					element('div', { display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 700 }, [
						element('img', { width: 72, height: 72, marginRight: 24 }, undefined, { src: mark, width: 72, height: 72 }),
						brand.siteName,
					]),
					element(
						'div',
						{ display: 'block', fontSize: titleFontSize(card.title), fontWeight: 700, lineHeight: 1.15, lineClamp: 3 },
						card.title,
					),
					element('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 30 }, [
						element('div', { display: 'flex', color: ACCENT, fontWeight: 700 }, card.section),
						element('div', { display: 'flex', color: MUTED, fontSize: 26 }, brand.host),
					]),
				],
			),
		],
	);
}

/** Files of the card font (Inter, from the @fontsource/inter package): Latin and Latin Extended, regular and bold. */
export const CARD_FONT_FILES = [400, 700].flatMap((weight) =>
	['latin', 'latin-ext'].map((subset) => ({
		weight: weight as 400 | 700,
		file: `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`,
	})),
);

/** Load the card fonts from node_modules: the build never fetches a font from the network. */
export function loadCardFonts(root: string = process.cwd()): Font[] {
	const require = createRequire(join(root, 'package.json'));
	return CARD_FONT_FILES.map(({ weight, file }) => ({
		name: 'Inter',
		data: readFileSync(require.resolve(file)),
		weight,
		style: 'normal' as const,
	}));
}

/** A card whose text needs a glyph the card font does not have; `hint` says what to do. */
export class SocialCardError extends AcademyError {
	override readonly name = 'SocialCardError';
}

/**
 * The layout and drawing libraries, loaded with the first card drawn: about 150 ms of loading that a thread drawing
 * none (the build's main thread, whose cards come from the cache or from worker threads) never pays.
 */
let renderers: Promise<[typeof import('satori'), typeof import('@resvg/resvg-js')]> | undefined;

/** Render a card to PNG: satori lays it out as SVG with the text as paths, resvg draws it. */
export async function renderSocialCard(card: SocialCard, brand: CardBrand, fonts: Font[]): Promise<Buffer> {
	const [{ default: satori }, { Resvg }] = await (renderers ??= Promise.all([import('satori'), import('@resvg/resvg-js')]));
	const svg = await satori(socialCardTree(card, brand) as Parameters<typeof satori>[0], {
		...SOCIAL_CARD_SIZE,
		fonts,
		// Without this, satori would leave out characters the font lacks and the card would show a different title.
		loadAdditionalAsset: async (_language, segment) => {
			throw new SocialCardError(
				`The social card of "${card.title}" needs the character "${segment}", which the card font (Inter, Latin subsets) does not have.`,
				'Add a @fontsource subset that covers it to CARD_FONT_FILES in src/lib/social-card.ts, or write the title without it.',
			);
		},
	});
	return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
