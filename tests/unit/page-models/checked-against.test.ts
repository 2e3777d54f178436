import { describe, expect, it } from 'vitest';
import { checkedAgainst, checkedAgainstSentence } from '../../../src/page-models/checked-against.ts';

const source = (n: number) => ({ title: `Source ${n}`, url: `https://example.org/${n}` });
const reviewed = new Date('2026-12-01T00:00:00Z');

describe('what a guide was checked against', () => {
	it('counts the sources and names the versions and the review date', () => {
		const sources = Array.from({ length: 9 }, (_, n) => source(n));
		expect(checkedAgainstSentence({ sources, testedWith: ['cosign 3.0.2', 'syft 1.51.0'], reviewed })).toBe(
			'Checked against 9 sources, for cosign 3.0.2 and syft 1.51.0, on 1 December 2026',
		);
		expect(
			checkedAgainstSentence({ sources, testedWith: ['apko 1.2.39', 'melange 0.59.1', 'apk-tools 2.14.10'], reviewed }),
		).toBe('Checked against 9 sources, for apko 1.2.39, melange 0.59.1 and apk-tools 2.14.10, on 1 December 2026');
	});

	it('leaves out what the front matter does not state, and says "source" for one', () => {
		expect(checkedAgainstSentence({ sources: [source(1)], testedWith: [], reviewed })).toBe(
			'Checked against 1 source on 1 December 2026',
		);
		expect(checkedAgainstSentence({ sources: [source(1), source(2)], testedWith: ['SLSA 1.2'], reviewed: undefined })).toBe(
			'Checked against 2 sources, for SLSA 1.2',
		);
	});

	it('shows nothing for a guide without sources, and the sources as links otherwise', () => {
		expect(checkedAgainst({ sources: [], testedWith: ['cosign 3.0.2'], reviewed })).toBeUndefined();
		expect(checkedAgainst({ sources: [source(1)], testedWith: [], reviewed })?.sources).toEqual([source(1)]);
	});
});
