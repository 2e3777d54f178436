import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { SocialCardError, type CardBrand, type SocialCard } from './social-card.ts';
import type { DrawnCard } from './social-card-worker.ts';

/** The young generation of each card worker, in MB (see the pool's options). */
const CARD_WORKER_YOUNG_GENERATION_MB = 4;

/**
 * Draws social cards in worker threads. Astro renders pages on the main thread, one at a time, so cards drawn there
 * leave the other cores idle; here every core draws, and the main thread only waits for the card it needs next.
 */
export class SocialCardPool {
	private readonly pool: Piscina<{ card: SocialCard; brand: CardBrand }, DrawnCard>;

	/** `root` is the project folder: the worker is loaded from its source, which Node runs without a bundler. */
	constructor(root: string = process.cwd(), threads: number = availableParallelism()) {
		this.pool = new Piscina({
			filename: pathToFileURL(join(root, 'src/lib/social-card-worker.ts')).href,
			// A worker that waits for tasks in Atomics.wait never turns its event loop, where Node frees the native memory of
			// collected objects: resvg's 3 MB of pixels per card piled up (200 cards: 926 MB with Atomics, 374 MB without).
			atomics: 'disabled',
			minThreads: 0,
			maxThreads: threads,
			// Idle workers exit soon, so their memory is free again before the search index is built.
			idleTimeout: 1000,
			// resvg's 3 MB of pixels per card live outside the JS heap, so V8 does not count them; they are freed only when a
			// collection finds the small objects holding them. With a 4 MB young generation (V8 lets it grow several times
			// larger by default) each worker's heap stays near 40 MB instead of 130 MB and the pixels go sooner: 200 cards
			// in two workers peaked at +200 MB against +280 MB, with no more CPU (docs/performance.md, session 5).
			resourceLimits: { maxYoungGenerationSizeMb: CARD_WORKER_YOUNG_GENERATION_MB },
		});
	}

	/** The card as PNG; a card the font cannot draw rejects with its SocialCardError (message and hint). */
	async draw(card: SocialCard, brand: CardBrand): Promise<Buffer> {
		const drawn = await this.pool.run({ card, brand });
		if ('error' in drawn) throw new SocialCardError(drawn.error.message, drawn.error.hint);
		return Buffer.from(drawn.png.buffer, drawn.png.byteOffset, drawn.png.byteLength);
	}

	/** Stop the workers (tests; a build lets idle workers exit on their own). */
	close(): Promise<void> {
		return this.pool.destroy();
	}
}
