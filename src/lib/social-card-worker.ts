import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { ContentCache } from './content-cache.ts';
import { postableError, type PostedError } from './run-in-worker.ts';
import { loadCardFonts, renderSocialCard, type CardBrand, type SocialCard } from './social-card.ts';

/** What a worker is given when it starts: its whole share of the cards, and the card cache to draw into. */
export interface CardBatch {
	cards: SocialCard[];
	brand: CardBrand;
	cacheDir: string | undefined;
	cacheVersion: string;
}

/** What a worker reports for the card at `index` of its batch: the PNG, or the card's error with its hint. */
export type CardOutcome = { index: number; png: Uint8Array } | { index: number; error: PostedError };

const { cards, brand, cacheDir, cacheVersion } = workerData as CardBatch;
const cache = new ContentCache(cacheDir, cacheVersion);
const fonts = loadCardFonts();

for (const [index, card] of cards.entries()) {
	let outcome: CardOutcome;
	try {
		outcome = { index, png: await cache.get({ card, brand }, '.png', () => renderSocialCard(card, brand, fonts)) };
	} catch (error) {
		outcome = { index, error: postableError(error) };
	}
	parentPort!.postMessage(outcome);
	// resvg's 3 MB of pixels per card are native memory that Node frees from its event loop once the small objects
	// holding them are collected; a loop that never yields would pile them up (docs/performance.md, session 4).
	await nextTurn();
}
