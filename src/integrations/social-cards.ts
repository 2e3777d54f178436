import type { AstroIntegration } from 'astro';
import { describeError } from '../lib/errors.ts';

/**
 * Start drawing the guides' social cards when the build starts; `startDrawing` starts them and says how many. The hook
 * does not wait for it, so the card list can be worked out in a worker thread while the build goes on. Astro
 * reaches the og route only after bundling and rendering the first pages, with the main thread busy throughout; cards
 * started here are drawn by worker threads on the idle core meanwhile, and the og route takes each one from them (or
 * from the cache) instead of drawing it again.
 */
export function socialCardsIntegration(startDrawing: () => Promise<number>): AstroIntegration {
	return {
		name: 'academy-social-cards',
		hooks: {
			'astro:build:start': ({ logger }) => {
				startDrawing().then(
					(started) => {
						if (started > 0) logger.info(`Drawing ${started} guide social card(s) in worker threads while the site is bundled.`);
					},
					// Only a head start: the og route draws every card it needs either way, and reports what is wrong.
					(error: unknown) => logger.debug(`No social cards drawn ahead: ${describeError(error)}`),
				);
			},
		},
	};
}
