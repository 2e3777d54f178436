import type { DocRule } from '../types.ts';
import { placeOfField } from './frontmatter.ts';

/** How long a check against the sources stays trustworthy: tools and specs move within a year. */
export const REVIEW_MAX_AGE_DAYS = 365;

/** Warn when a published guide was last checked against its sources more than a year before `now`. */
export function createReviewedRule(now: Date): DocRule {
	return (doc) => {
		const reviewed = doc.frontmatter?.reviewed;
		if (doc.kind !== 'docs' || doc.frontmatter?.draft === true || reviewed === undefined) return [];
		const date = reviewed instanceof Date ? reviewed : new Date(String(reviewed));
		// An unreadable date is the front matter rule's error; it needs no second report here.
		if (Number.isNaN(date.getTime())) return [];
		const ageDays = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
		if (ageDays <= REVIEW_MAX_AGE_DAYS) return [];
		return [
			{
				file: doc.file,
				...placeOfField(doc, ['reviewed']),
				rule: 'reviewed',
				severity: 'warning',
				message: `The guide was last reviewed ${ageDays} days ago (${date.toISOString().slice(0, 10)}), more than ${REVIEW_MAX_AGE_DAYS}.`,
				hint: 'Check every command and fact against its sources again (and update testedWith), then set reviewed to today.',
			},
		];
	};
}
