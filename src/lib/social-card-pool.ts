import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { SocialCardError, type CardBrand, type SocialCard } from './social-card.ts';
import type { DrawnCard } from './social-card-worker.ts';

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
