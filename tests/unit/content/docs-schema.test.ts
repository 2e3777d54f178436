import { describe, expect, it } from 'vitest';
import { createDocsSchema } from '../../../src/content/docs-schema.ts';

const schema = createDocsSchema(['wolfi', 'sbom', 'signing']);
const valid = {
	title: 'Wolfi overview',
	description: 'What Wolfi is, why it calls itself an undistro, and how its packages reach your images.',
	tags: ['wolfi'],
	date: '2026-11-26',
	sources: [{ title: 'Wolfi README', url: 'https://github.com/wolfi-dev/os/blob/main/README.md' }],
	testedWith: ['apk-tools 2.14.10'],
	reviewed: '2026-11-26',
};

/** The messages zod reports for a front matter object, with the field path. */
function problems(input: unknown): string[] {
	const result = schema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('guide front matter schema', () => {
	it('accepts complete front matter and applies defaults', () => {
		const data = schema.parse(valid);
		expect(data.draft).toBe(false);
		expect(data.toc).toBe(true);
		expect(data.sidebar).toEqual({ hidden: false });
		expect(data.aliases).toEqual([]);
		expect(data.date?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
	});

	it('requires sources, testedWith and reviewed of a published guide, not of a draft', () => {
		const { sources, testedWith, reviewed, ...unchecked } = valid;
		expect(problems(unchecked)).toEqual([
			'sources: A published guide needs sources: list the primary documents its facts were checked against (title and https url).',
			'testedWith: A published guide needs testedWith: name the tool or specification versions it was written for, e.g. "cosign 3.0.2".',
			'reviewed: A published guide needs reviewed: give the date of its last full check against the sources, YYYY-MM-DD.',
		]);
		expect(problems({ ...unchecked, draft: true })).toEqual([]);
		expect(problems({ ...valid, sources: [{ title: 'Plain HTTP', url: 'http://example.com/' }] })).toEqual([
			'sources.0.url: Each source url must be a full https:// URL.',
		]);
		expect(problems({ ...valid, testedWith: ['cosign'] })).toEqual([
			'testedWith.0: Write each entry as "<tool> <version>", for example "cosign 3.0.2" or "SLSA 1.1".',
		]);
	});

	it('requires a title and a description', () => {
		expect(problems({ tags: [] })).toEqual(
			expect.arrayContaining([expect.stringMatching(/^title: /), expect.stringMatching(/^description: /)]),
		);
	});

	it('rejects descriptions outside 50 to 170 characters with a hint', () => {
		expect(problems({ ...valid, description: 'Too short.' })).toEqual([
			'description: The description must be at least 50 characters: say what the reader will learn.',
		]);
		expect(problems({ ...valid, description: 'x'.repeat(171) })).toEqual([
			'description: The description must be at most 170 characters: shorten it to one or two sentences.',
		]);
	});

	it('names the closest known tag for an unknown one', () => {
		expect(problems({ ...valid, tags: ['wolfy'] })).toEqual([
			'tags.0: Unknown tag "wolfy". Did you mean "wolfi"? Tags come from content/tags.yaml; propose a new one there in your pull request.',
		]);
		expect(problems({ ...valid, tags: ['kubernetes-operators'] })[0]).not.toContain('Did you mean');
	});

	it('rejects dates that are not dates and unknown fields', () => {
		expect(problems({ ...valid, date: 'last tuesday' })).toEqual(['date: date must be a date written as YYYY-MM-DD.']);
		expect(problems({ ...valid, categroy: 'x' })[0]).toMatch(/categroy/);
	});

	it('only accepts site-relative aliases', () => {
		expect(problems({ ...valid, aliases: ['/old/path/'] })).toEqual([]);
		expect(problems({ ...valid, aliases: ['https://example.com/old'] })[0]).toMatch(
			/^aliases.0: Each alias must be a site-relative path/,
		);
	});
});
