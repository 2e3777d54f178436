import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logoFile } from '../../../src/lib/logo.ts';
import { loadCardFonts, renderSocialCard, SocialCardError, type CardBrand } from '../../../src/lib/social-card.ts';
import { SocialCardDrawer, type CardDrawerOptions } from '../../../src/lib/social-card-drawer.ts';

const BRAND: CardBrand = { siteName: 'Supply Chain Academy', host: 'academy.test', markSvg: logoFile() };
const card = (title: string) => ({ title, section: 'Open source' });

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
/** Options with a fresh card cache; each test has its own version, so no test takes another's cards in flight. */
function withCache(version: string): CardDrawerOptions {
	const cacheDir = mkdtempSync(join(tmpdir(), 'academy-cards-'));
	folders.push(cacheDir);
	return { brand: BRAND, cacheDir, cacheVersion: version, threads: 2 };
}

describe('SocialCardDrawer', () => {
	it('draws ahead in worker threads the same bytes as on the main thread, each card its own', async () => {
		const cards = ['Wolfi FAQ', 'Non-root users', 'Open source — Wolfi, melange and apko'].map(card);
		const drawer = new SocialCardDrawer({ brand: BRAND, cacheDir: undefined, cacheVersion: 'same-bytes', threads: 2 });
		expect(drawer.drawAhead(cards)).toBe(3);
		const inWorkers = await Promise.all(cards.map((each) => drawer.png(each)));
		const fonts = loadCardFonts();
		for (const [index, each] of cards.entries()) {
			const onMain = await renderSocialCard(each, BRAND, fonts);
			expect(inWorkers[index]!.equals(onMain), `"${each.title}" drawn in a worker and on the main thread`).toBe(true);
		}
		expect(inWorkers[0]!.equals(inWorkers[1]!), 'two cards with different titles').toBe(false);
	}, 60_000);

	it('starts each card once per process, for every drawer of the same cache, and keeps it in the cache', async () => {
		const options = withCache('shared');
		const [first, second, third] = ['Melange', 'apko', 'Wolfi'].map(card) as [
			ReturnType<typeof card>,
			ReturnType<typeof card>,
			ReturnType<typeof card>,
		];
		// The config's integration and the bundled og route each load their own copy of the drawer.
		const early = new SocialCardDrawer(options);
		const late = new SocialCardDrawer(options);
		expect(early.drawAhead([first, second, first])).toBe(2);
		expect(late.drawAhead([first, second, third]), 'only the card nobody started').toBe(1);
		const pngs = await Promise.all([first, second, third].map((each) => late.png(each)));
		expect(readdirSync(options.cacheDir!).filter((file) => file.endsWith('.png'))).toHaveLength(3);
		expect(new SocialCardDrawer(options).drawAhead([first, second, third]), 'all cached').toBe(0);
		expect((await new SocialCardDrawer(options).png(second)).equals(pngs[1]!), 'read back from the cache').toBe(true);
	}, 60_000);

	it('rejects a card the font cannot draw with its SocialCardError, in a worker as on the main thread', async () => {
		const unsupported = { title: 'Wolfi 日本語', section: 'Open source' };
		const ahead = new SocialCardDrawer(withCache('error-ahead'));
		expect(ahead.drawAhead([unsupported, card('Fine after a failure')])).toBe(2);
		const onMain = new SocialCardDrawer(withCache('error-main'));
		for (const drawer of [ahead, onMain]) {
			const attempt = drawer.png(unsupported);
			await expect(attempt).rejects.toBeInstanceOf(SocialCardError);
			await expect(attempt).rejects.toThrow('"Wolfi 日本語" needs the character "日本語"');
			await expect(attempt).rejects.toMatchObject({ hint: expect.stringContaining('CARD_FONT_FILES') });
		}
		expect((await ahead.png(card('Fine after a failure'))).length, 'the worker goes on after a failed card').toBeGreaterThan(
			1000,
		);
	}, 60_000);
});
