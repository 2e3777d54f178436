import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Font } from 'satori';
import { ContentCache } from './content-cache.ts';
import { projectModule } from './run-in-worker.ts';
import { loadCardFonts, renderSocialCard, SocialCardError, type CardBrand, type SocialCard } from './social-card.ts';
import type { CardBatch, CardOutcome } from './social-card-worker.ts';

/** The young generation of each card worker, in MB (see `drawAhead`). */
const CARD_WORKER_YOUNG_GENERATION_MB = 4;

/** Where a drawer keeps cards between builds, and what every card of the site shows besides its own text. */
export interface CardDrawerOptions {
	brand: CardBrand;
	/** Folder of drawn cards kept between builds; undefined keeps none. */
	cacheDir: string | undefined;
	/** Changes whenever the same card text could be drawn differently (layout code, packages, the mark). */
	cacheVersion: string;
	/** The project folder: the worker is loaded from its source, which Node runs without a bundler. */
	root?: string;
	threads?: number;
}

/**
 * Cards being drawn in worker threads, by card and cache. Process-wide: Astro loads the config's integrations and the
 * bundled pages as separate copies of this module, and a card the build started drawing early is awaited by the page.
 */
const IN_FLIGHT = Symbol.for('academy.socialCards.inFlight');
function inFlight(): Map<string, Promise<Buffer>> {
	const store = globalThis as { [IN_FLIGHT]?: Map<string, Promise<Buffer>> };
	return (store[IN_FLIGHT] ??= new Map());
}

/**
 * Draws social cards. A build hands over every card at once (`drawAhead`): each worker thread gets its whole share
 * when it starts and reports each card as it is done, so the workers never wait for the main thread, which is busy
 * bundling and rendering. A card asked for that nobody started (the dev server) is drawn on the asking thread.
 */
export class SocialCardDrawer {
	private readonly options: CardDrawerOptions;
	private readonly cache: ContentCache;
	private fonts: Font[] | undefined;

	constructor(options: CardDrawerOptions) {
		this.options = options;
		this.cache = new ContentCache(options.cacheDir, options.cacheVersion);
	}

	/**
	 * Start drawing, in worker threads, every card that is neither cached nor being drawn; returns how many were
	 * started. Worker `t` of `n` gets cards `t`, `t + n`, …, so cards are done roughly in the order given.
	 */
	drawAhead(cards: readonly SocialCard[]): number {
		const drawing = inFlight();
		const todo = new Map<string, SocialCard>();
		for (const card of cards) {
			const key = this.keyOf(card);
			if (!drawing.has(key) && !todo.has(key) && !this.cache.has({ card, brand: this.options.brand }, '.png')) {
				todo.set(key, card);
			}
		}
		const queued = [...todo];
		const threads = Math.min(this.options.threads ?? availableParallelism(), queued.length);
		for (let thread = 0; thread < threads; thread++) {
			this.startWorker(queued.filter((_, index) => index % threads === thread));
		}
		return queued.length;
	}

	/** The PNG of a card: from the worker drawing it, else from the cache, else drawn now on this thread. */
	async png(card: SocialCard): Promise<Buffer> {
		const key = this.keyOf(card);
		const started = inFlight().get(key);
		if (started) {
			inFlight().delete(key);
			return started;
		}
		const { brand, root } = this.options;
		return this.cache.get({ card, brand }, '.png', () => renderSocialCard(card, brand, (this.fonts ??= loadCardFonts(root))));
	}

	private keyOf(card: SocialCard): string {
		const { brand, cacheDir, cacheVersion } = this.options;
		return JSON.stringify([cacheDir, cacheVersion, brand, card]);
	}

	private startWorker(share: readonly [key: string, card: SocialCard][]): void {
		const settlers = share.map(([key]) => {
			let settle!: { resolve: (png: Buffer) => void; reject: (error: Error) => void };
			const promise = new Promise<Buffer>((resolve, reject) => (settle = { resolve, reject }));
			// A failure is reported to whoever asks for the card; a card nobody asks for must not crash the build.
			promise.catch(() => undefined);
			inFlight().set(key, promise);
			return settle;
		});
		const batch: CardBatch = {
			cards: share.map(([, card]) => card),
			brand: this.options.brand,
			cacheDir: this.options.cacheDir,
			cacheVersion: this.options.cacheVersion,
		};
		const worker = new Worker(new URL(projectModule('src/lib/social-card-worker.ts', this.options.root)), {
			workerData: batch,
			// resvg's pixels live outside the JS heap, so V8 does not count them and frees them only when a collection finds
			// the small objects holding them. A 4 MB young generation (V8 lets it grow several times larger by default)
			// keeps each worker near 40 MB instead of 130 MB: 200 cards in two workers peaked at +200 MB against +280 MB,
			// with no more CPU (docs/performance.md, session 5).
			resourceLimits: { maxYoungGenerationSizeMb: CARD_WORKER_YOUNG_GENERATION_MB },
		});
		let reported = 0;
		worker.on('message', (outcome: CardOutcome) => {
			reported++;
			const settle = settlers[outcome.index]!;
			if ('png' in outcome) settle.resolve(Buffer.from(outcome.png.buffer, outcome.png.byteOffset, outcome.png.byteLength));
			else {
				const { message, hint } = outcome.error;
				settle.reject(hint === undefined ? new Error(message) : new SocialCardError(message, hint));
			}
		});
		const failRest = (error: Error) => {
			for (const settle of settlers.slice(reported)) settle.reject(error);
		};
		worker.on('error', failRest);
		worker.on('exit', (code) =>
			failRest(new Error(`The social card worker stopped (exit code ${code}) before drawing every card.`)),
		);
	}
}
