import { z } from 'astro/zod';
import { loadTags, suggestTag } from './tags.ts';

/** Shortest and longest description that still reads well in search results and link previews. */
export const DESCRIPTION_LENGTH = { min: 50, max: 170 } as const;

/** A primary document a guide's facts were checked against: a specification, or a tool's own source or docs. */
export const sourceSchema = z
	.object({
		/** What the document is, specific enough to find the fact again. */
		title: z
			.string()
			.min(1, 'Each source needs a title that says what the document is.')
			.describe('What the document is, e.g. "cosign verify flags (cmd/cosign/cli/options/verify.go)".'),
		/** Where to read it: an https URL, pinned to a tag or commit where the host allows it. */
		url: z
			.url({ protocol: /^https$/, error: 'Each source url must be a full https:// URL.' })
			.describe('https URL of the document, pinned to a release tag or commit when possible.'),
	})
	.strict();

/** A description of `DESCRIPTION_LENGTH` (of a wanted guide, a learning path), documented as `what`. */
export function descriptionText(what: string) {
	return z
		.string()
		.min(DESCRIPTION_LENGTH.min, `The description must be at least ${DESCRIPTION_LENGTH.min} characters.`)
		.max(DESCRIPTION_LENGTH.max, `The description must be at most ${DESCRIPTION_LENGTH.max} characters.`)
		.describe(what);
}

/** A lower-case kebab-case id (of a wanted guide, a learning path); `example` shows the form in the error. */
export function kebabCaseId(example: string) {
	return z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `The id must be lower-case kebab-case, e.g. "${example}".`);
}

/** One tool or specification version a guide was written for, as "<tool> <version>". */
export const testedWithEntrySchema = z
	.string()
	.regex(/^\S+ v?\d[\w.+~-]*$/, 'Write each entry as "<tool> <version>", for example "cosign 3.0.2" or "SLSA 1.1".');

/** A tag id from the vocabulary; an unknown one is refused with the closest known tag as a suggestion. */
export function vocabularyTag(knownTags: readonly string[]) {
	return z.string().superRefine((value, ctx) => {
		if (knownTags.includes(value)) return;
		const suggestion = suggestTag(value, knownTags);
		ctx.addIssue({
			code: 'custom',
			message:
				`Unknown tag "${value}".` +
				(suggestion ? ` Did you mean "${suggestion}"?` : '') +
				' Tags come from content/tags.yaml; propose a new one there in your pull request.',
		});
	});
}

/** Build the front matter schema of a guide, checked against the given tag vocabulary. */
export function createDocsSchema(knownTags: readonly string[] = loadTags().map((tag) => tag.id)) {
	const tag = vocabularyTag(knownTags);

	return z
		.object({
			/** Page title, shown as the h1 and in the browser tab. Keep it under about 60 characters. */
			title: z.string().min(1, 'A title is required.').describe('Page title, shown as the h1 and in the browser tab.'),
			/** One or two sentences for search results and link previews (50 to 170 characters). */
			description: z
				.string()
				.min(
					DESCRIPTION_LENGTH.min,
					`The description must be at least ${DESCRIPTION_LENGTH.min} characters: say what the reader will learn.`,
				)
				.max(
					DESCRIPTION_LENGTH.max,
					`The description must be at most ${DESCRIPTION_LENGTH.max} characters: shorten it to one or two sentences.`,
				)
				.describe(
					`Summary for search results and link previews, ${DESCRIPTION_LENGTH.min} to ${DESCRIPTION_LENGTH.max} characters.`,
				),
			/** Topics from the controlled vocabulary in content/tags.yaml. */
			tags: z.array(tag).default([]).describe('Topics from content/tags.yaml (2 to 5 for a guide).'),
			/** First publication date, as YYYY-MM-DD. */
			date: z.coerce
				.date({ error: 'date must be a date written as YYYY-MM-DD.' })
				.optional()
				.describe('First publication date, YYYY-MM-DD.'),
			/** Last meaningful update; when absent, the date of the file's last git commit is used. */
			updated: z.coerce
				.date({ error: 'updated must be a date written as YYYY-MM-DD.' })
				.optional()
				.describe('Last update, YYYY-MM-DD; defaults to the last git commit of the file.'),
			/** Drafts are built in development but left out of production builds, the sitemap and search. */
			draft: z.boolean().default(false).describe('Leave the page out of production builds.'),
			/** How the page appears in the sidebar. */
			sidebar: z
				.object({
					/** Position among its siblings; lower comes first, unordered pages follow in title order. */
					order: z.number().int().optional().describe('Position among siblings; lower first.'),
					/** Shorter text for the sidebar than the title. */
					label: z.string().optional().describe('Sidebar text when it should differ from the title.'),
					/** Keep the page out of the sidebar (it is still built and searchable). */
					hidden: z.boolean().default(false).describe('Hide the page from the sidebar.'),
				})
				.strict()
				.default({ hidden: false })
				.describe('Sidebar placement: order, label, hidden.'),
			/** GitHub user names or full names of the people who wrote the page. */
			authors: z.array(z.string().min(1)).default([]).describe('Names or GitHub handles of the authors.'),
			/** Old URLs (site-relative, e.g. /old/path/) that must redirect to this page. */
			aliases: z
				.array(
					z
						.string()
						.regex(
							/^\/[^\s?#]*$/,
							'Each alias must be a site-relative path starting with "/", without query or fragment, e.g. /old/path/.',
						),
				)
				.default([])
				.describe('Old site-relative URLs that redirect here.'),
			/** The primary documents the guide's facts were checked against: specifications and the tools' own source or docs. */
			sources: z
				.array(sourceSchema)
				.default([])
				.describe('Primary documents the facts were checked against (required for a published guide).'),
			/** Tool versions the commands were written for, as "<tool> <version>". */
			testedWith: z
				.array(testedWithEntrySchema)
				.default([])
				.describe('Tool or specification versions the commands and facts were written for, e.g. "cosign 3.0.2".'),
			/** When the whole guide was last checked against its sources; a check warns after 12 months. */
			reviewed: z.coerce
				.date({ error: 'reviewed must be a date written as YYYY-MM-DD.' })
				.optional()
				.describe('Date of the last full check against the sources, YYYY-MM-DD.'),
			/** Show the table of contents (on by default). */
			toc: z.boolean().default(true).describe('Show the table of contents.'),
		})
		.strict()
		.superRefine((data, ctx) => {
			// A draft may still be researched; a published guide says what it was checked against.
			if (data.draft) return;
			const missing = (field: string, fix: string) =>
				ctx.addIssue({ code: 'custom', path: [field], message: `A published guide needs ${field}: ${fix}` });
			if (data.sources.length === 0)
				missing('sources', 'list the primary documents its facts were checked against (title and https url).');
			if (data.testedWith.length === 0)
				missing('testedWith', 'name the tool or specification versions it was written for, e.g. "cosign 3.0.2".');
			if (!data.reviewed) missing('reviewed', 'give the date of its last full check against the sources, YYYY-MM-DD.');
		});
}

/** Front matter of a guide after defaults are applied. */
export type DocsFrontmatter = z.output<ReturnType<typeof createDocsSchema>>;
