import { afterAll, describe, expect, it } from 'vitest';
import { logoFile } from '../../../src/lib/logo.ts';
import { loadCardFonts, renderSocialCard, SocialCardError, type CardBrand } from '../../../src/lib/social-card.ts';
import { SocialCardPool } from '../../../src/lib/social-card-pool.ts';

const BRAND: CardBrand = { siteName: 'Supply Chain Academy', host: 'academy.test', markSvg: logoFile() };

describe('SocialCardPool', () => {
	const pool = new SocialCardPool(process.cwd(), 2);
	afterAll(() => pool.close());

	it('draws in worker threads the same bytes as on the main thread, each card its own', async () => {
		const cards = ['Wolfi FAQ', 'Non-root users', 'Open source — Wolfi, melange and apko'].map((title) => ({
			title,
			section: 'Open source',
		}));
		const inWorkers = await Promise.all(cards.map((card) => pool.draw(card, BRAND)));
		const fonts = loadCardFonts();
		for (const [index, card] of cards.entries()) {
			const onMain = await renderSocialCard(card, BRAND, fonts);
			expect(inWorkers[index]!.equals(onMain), `"${card.title}" drawn in a worker and on the main thread`).toBe(true);
		}
		expect(inWorkers[0]!.equals(inWorkers[1]!), 'two cards with different titles').toBe(false);
	}, 60_000);

	it('rejects a card the font cannot draw with its SocialCardError, message and hint intact', async () => {
		const attempt = pool.draw({ title: 'Wolfi 日本語', section: 'Open source' }, BRAND);
		await expect(attempt).rejects.toBeInstanceOf(SocialCardError);
		await expect(attempt).rejects.toThrow('"Wolfi 日本語" needs the character "日本語"');
		await expect(attempt).rejects.toMatchObject({ hint: expect.stringContaining('CARD_FONT_FILES') });
	}, 60_000);
});
