import { beforeAll, describe, expect, it } from 'vitest';
import type { Font } from 'satori';
import {
	loadCardFonts,
	renderSocialCard,
	SOCIAL_CARD_SIZE,
	SocialCardError,
	socialCardPath,
	socialCardTree,
	titleFontSize,
	type CardBrand,
	type CardElement,
} from '../../../src/lib/social-card.ts';
import { logoFile } from '../../../src/lib/logo.ts';

const BRAND: CardBrand = {
	siteName: 'Supply Chain Academy',
	host: 'academy.test',
	markSvg: logoFile(),
};

/** Every string in a card tree, in document order. */
function texts(node: CardElement | string): string[] {
	if (typeof node === 'string') return [node];
	const children = node.props.children;
	if (children === undefined) return [];
	return typeof children === 'string' ? [children] : children.flatMap(texts);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
	expect(png.subarray(1, 4).toString('latin1'), 'PNG signature').toBe('PNG');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('socialCardPath', () => {
	it('publishes a page’s card under /og/ with the page path: /a/b/ → /og/a/b.png', () => {
		expect(socialCardPath('/container-images/non-root-users/')).toBe('/og/container-images/non-root-users.png');
		expect(socialCardPath('/images/nginx/')).toBe('/og/images/nginx.png');
	});
});

describe('socialCardTree', () => {
	it('shows the site name, the title, the section and the host, in that order, and the mark as an image', () => {
		const tree = socialCardTree({ title: 'Non-root users', section: 'Container images' }, BRAND);
		expect(texts(tree)).toEqual(['Supply Chain Academy', 'Non-root users', 'Container images', 'academy.test']);
		expect(JSON.stringify(tree)).toContain(`data:image/svg+xml;base64,${Buffer.from(BRAND.markSvg).toString('base64')}`);
	});

	it('sets long titles in smaller type', () => {
		expect(titleFontSize('Wolfi FAQ')).toBeGreaterThan(titleFontSize('The apk package manager in Wolfi and the world file'));
		expect(titleFontSize('x'.repeat(71))).toBeLessThan(titleFontSize('x'.repeat(70)));
	});
});

describe('renderSocialCard', () => {
	let fonts: Font[];
	beforeAll(() => {
		fonts = loadCardFonts();
	});

	it('loads Inter from node_modules: regular and bold, Latin and Latin Extended', () => {
		expect(fonts.map((font) => `${font.name} ${font.weight}`)).toEqual(['Inter 400', 'Inter 400', 'Inter 700', 'Inter 700']);
		const empty = fonts.filter((font) => font.data.byteLength < 10_000).map((font) => `${font.name} ${font.weight}`);
		expect(empty, 'font files with (almost) no data').toEqual([]);
	});

	it('draws a 1200×630 PNG, the same bytes every time', async () => {
		const card = { title: 'Open source — Wolfi, melange and apko', section: 'Open source' };
		const first = await renderSocialCard(card, BRAND, fonts);
		expect(pngSize(first)).toEqual(SOCIAL_CARD_SIZE);
		expect((await renderSocialCard(card, BRAND, fonts)).equals(first), 'a second render of the same card').toBe(true);
		const other = await renderSocialCard({ ...card, title: 'Wolfi FAQ' }, BRAND, fonts);
		expect(other.equals(first), 'a card with another title').toBe(false);
	}, 30_000);

	it('fails, naming the title and the character, rather than leave out a character the font lacks', async () => {
		const attempt = renderSocialCard({ title: 'Wolfi 日本語', section: 'Open source' }, BRAND, fonts);
		await expect(attempt).rejects.toBeInstanceOf(SocialCardError);
		await expect(attempt).rejects.toThrow('"Wolfi 日本語" needs the character "日本語"');
	}, 30_000);
});
