import { loadCardFonts, renderSocialCard, SocialCardError, type CardBrand, type SocialCard } from './social-card.ts';

/** What a worker sends back: the PNG, or the card's error with its hint (an error thrown across threads loses the hint). */
export type DrawnCard = { png: Uint8Array } | { error: { message: string; hint: string } };

// Parsed once per worker: satori keeps its parsed fonts for as long as it is given the same array.
const fonts = loadCardFonts();

/** Draw one card; Piscina runs this in a worker thread for each task. */
export default async function drawCard({ card, brand }: { card: SocialCard; brand: CardBrand }): Promise<DrawnCard> {
	try {
		return { png: await renderSocialCard(card, brand, fonts) };
	} catch (error) {
		if (error instanceof SocialCardError) return { error: { message: error.message, hint: error.hint } };
		throw error;
	}
}
