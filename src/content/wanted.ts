import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { descriptionText, kebabCaseId, sourceSchema, vocabularyTag } from './docs-schema.ts';
import { loadTags } from './tags.ts';
import { validateList, type ListProblem } from './yaml-list.ts';

/** The list of guides the Academy wants written, relative to the project root. */
export const WANTED_FILE = 'content/wanted.yaml';

/** How much the reader (and the writer) should already know. */
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;

/** Build the schema of one wanted guide, checked against the given tag vocabulary. */
export function createWantedGuideSchema(knownTags: readonly string[] = loadTags().map((tag) => tag.id)) {
	return z
		.object({
			/** Kebab-case id, used as `npm run new -- --wanted <id>` and as the file name of the guide. */
			id: kebabCaseId('verify-helm-charts').describe('Kebab-case id; also the file name of the guide.'),
			/** Working title; the writer may improve it. */
			title: z.string().min(1, 'A title is required.').describe('Working title of the guide.'),
			/** Section folder under content/docs, e.g. `software-supply-chain` or `open-source/melange`. */
			section: z.string().min(1, 'A section is required.').describe('Section folder under content/docs.'),
			/** What the guide should teach, as its description front matter will say it. */
			description: descriptionText('What the guide teaches; becomes its description.'),
			/** Topics from content/tags.yaml. */
			tags: z.array(vocabularyTag(knownTags)).min(1).max(5).describe('Topics from content/tags.yaml.'),
			/** beginner, intermediate or advanced: helps first-time contributors pick one. */
			difficulty: z.enum(DIFFICULTIES).describe('beginner, intermediate or advanced.'),
			/** Primary documents to start the research from; they become the guide's first `sources`. */
			sources: z.array(sourceSchema).min(1, 'Give at least one primary source to start from.'),
		})
		.strict();
}

/** One guide the Academy wants written. */
export type WantedGuide = z.output<ReturnType<typeof createWantedGuideSchema>>;

/** The planned file path of a wanted guide below content/docs, without extension. */
export function wantedGuideId(guide: Pick<WantedGuide, 'section' | 'id'>): string {
	return `${guide.section}/${guide.id}`;
}

/** What the wanted list is checked against besides its schema. */
export interface WantedContext {
	/** Section folders a guide can go into. */
	sections: readonly string[];
	/** Ids (paths without extension) of the guides that exist. */
	existingGuides: ReadonlySet<string>;
}

/**
 * Check the wanted list: the schema, unique ids, a real section, and no entry whose guide is written already (it must
 * leave the list in the pull request that adds the guide, or the contribute page would advertise finished work).
 */
export function validateWantedGuides(
	data: unknown,
	context: WantedContext,
	knownTags?: readonly string[],
): { guides: WantedGuide[]; problems: ListProblem[] } {
	const { entries, problems } = validateList(data, createWantedGuideSchema(knownTags), context.sections, {
		entries: 'wanted guides',
		fieldsHint: 'Each entry needs id, title, section, description, tags, difficulty and sources (see CONTRIBUTING.md).',
		sameIdHint: 'Give each wanted guide its own id.',
	});
	for (const { index, entry: guide } of entries) {
		if (context.existingGuides.has(wantedGuideId(guide))) {
			problems.push({
				at: [index],
				message: `"${guide.id}" is written already (content/docs/${wantedGuideId(guide)}).`,
				hint: 'Remove the entry from content/wanted.yaml in the pull request that adds the guide.',
			});
		}
	}
	return { guides: entries.map(({ entry }) => entry), problems };
}

/** Read and parse the wanted list of a project; a missing file is an empty list, broken YAML an error. */
export function readWantedFile(root: string): unknown {
	const file = path.join(root, WANTED_FILE);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return [];
	}
	return parse(text) ?? [];
}
