import type { RootContent } from 'mdast';
import { linkList, serialize, titleAndSummary, type TwinLink } from './twin.ts';

/** What llms.txt says: the site, how to read it, and its pages by section. */
export interface LlmsTxtInput {
	/** The site's name: the file's only h1. */
	title: string;
	/** One or two sentences: the blockquote right under the title. */
	summary: string;
	/** Paragraphs on how to use the files listed (Markdown written by the site, not content), before the first section. */
	notes: readonly string[];
	/** Sections of links, in order; each becomes an h2 with a list of `[title](url): description`. */
	sections: readonly { title: string; links: readonly TwinLink[] }[];
	/** Links a reader short of context can skip: the convention's `## Optional` section. */
	optional: readonly TwinLink[];
}

/**
 * The text of /llms.txt by the llms.txt convention (llmstxt.org): an h1 with the site name, a blockquote summary,
 * notes without headings, then h2 sections whose lists link `[title](url): description`, and `## Optional` last.
 * Empty sections are left out; the text ends with one newline.
 */
export function formatLlmsTxt(input: LlmsTxtInput): string {
	const sections = [...input.sections, { title: 'Optional', links: input.optional }]
		.filter((section) => section.links.length > 0)
		.flatMap((section): RootContent[] => [
			{ type: 'heading', depth: 2, children: [{ type: 'text', value: section.title }] },
			linkList(section.links),
		]);
	const notes = input.notes.map((note) => `${note.trim()}\n`);
	// The notes are the site's own Markdown, so they are joined as written; titles and descriptions are escaped.
	return [
		serialize({ type: 'root', children: titleAndSummary(input.title, input.summary) }),
		...notes,
		serialize({ type: 'root', children: sections }),
	]
		.filter((part) => part.trim() !== '')
		.join('\n');
}

/** The text of /llms-full.txt: the site's title and summary, then every guide's Markdown twin, in the order given. */
export function formatLlmsFull(title: string, summary: string, twins: readonly string[]): string {
	return [serialize({ type: 'root', children: titleAndSummary(title, summary) }), ...twins].join('\n');
}
