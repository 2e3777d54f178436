import type { Fact } from '../images/model.ts';

/** A badge's colour: safer answer, riskier answer, or no answer. */
export type BadgeTone = 'success' | 'caution' | 'default';

/** A fact as a badge: its text, its colour and, as a tooltip, the rule and what the rule saw. */
export interface FactBadgeModel {
	text: string;
	tone: BadgeTone;
	title: string;
}

/** Texts of a badge for each answer, and which answer is the safer one. */
export interface FactBadgeLabels {
	yes: string;
	no: string;
	unknown: string;
	/** The answer that is good news (false for "runs as root", true for "signed"). */
	good: boolean;
}

/**
 * The one rule for badge colours, on the catalog and on image pages: green for the safer answer, amber for the
 * riskier one, neutral when the data cannot tell.
 */
export function badgeTone(value: boolean | null, good: boolean): BadgeTone {
	return value === null ? 'default' : value === good ? 'success' : 'caution';
}

/** A derived fact as a badge. */
export function factBadge(fact: Fact, labels: FactBadgeLabels): FactBadgeModel {
	return {
		text: fact.value === null ? labels.unknown : fact.value ? labels.yes : labels.no,
		tone: badgeTone(fact.value, labels.good),
		title: `${fact.rule}${fact.evidence.length ? ` Evidence: ${fact.evidence.join(', ')}.` : ''}`,
	};
}
