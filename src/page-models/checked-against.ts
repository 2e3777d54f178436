/** What a guide says it was checked against, as its front matter states it. */
export interface CheckedAgainstInput {
	sources: readonly { title: string; url: string }[];
	testedWith: readonly string[];
	reviewed?: Date | undefined;
}

/** The "Checked against …" note at the end of a guide: one sentence, and the sources it counts. */
export interface CheckedAgainst {
	sentence: string;
	sources: { title: string; url: string }[];
}

const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** "Checked against 9 sources, for cosign 3.0.2 and syft 1.51.0, on 1 December 2026", leaving out what is not stated. */
export function checkedAgainstSentence(input: CheckedAgainstInput): string {
	const count = input.sources.length;
	let sentence = `Checked against ${count} ${count === 1 ? 'source' : 'sources'}`;
	if (input.testedWith.length > 0) sentence += `, for ${listFormat.format(input.testedWith)}`;
	if (input.reviewed) sentence += `${input.testedWith.length > 0 ? ',' : ''} on ${dateFormat.format(input.reviewed)}`;
	return sentence;
}

/** The note of a guide, or undefined when it names no sources (a draft still being researched). */
export function checkedAgainst(input: CheckedAgainstInput): CheckedAgainst | undefined {
	if (input.sources.length === 0) return undefined;
	return { sentence: checkedAgainstSentence(input), sources: input.sources.map(({ title, url }) => ({ title, url })) };
}
