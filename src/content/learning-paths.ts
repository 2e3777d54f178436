import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { parse } from 'yaml';
import { descriptionText, kebabCaseId } from './docs-schema.ts';
import { validateList, type ListProblem } from './yaml-list.ts';

/** The learning paths, relative to the project root: the one source for path pages, "Part N of M" and the section pages. */
export const PATHS_FILE = 'content/paths.yaml';

/** Build the schema of one learning path. */
export function createLearningPathSchema() {
	return z
		.object({
			/** Kebab-case id; the path's page is /paths/<id>/. */
			id: kebabCaseId('wolfi-foundations').describe('Kebab-case id; the path page is /paths/<id>/.'),
			/** Title of the path, shown on its page, on the home page and on every guide it leads through. */
			title: z.string().min(1, 'A title is required.').describe('Title of the path.'),
			/** What a reader can do at the end of the path, in one or two sentences. */
			description: descriptionText('What the reader will be able to do at the end of the path.'),
			/** The top-level section the path belongs to (a folder under content/docs, e.g. `container-images`). */
			section: z.string().min(1, 'A section is required.').describe('Top-level section folder under content/docs.'),
			/** Guide ids in reading order: paths under content/docs without extension, e.g. `open-source/wolfi/overview`. */
			guides: z
				.array(z.string().min(1))
				.min(2, 'A path leads through at least two guides.')
				.describe('Guide ids in reading order (paths under content/docs without extension).'),
		})
		.strict();
}

/** One learning path as content/paths.yaml states it. */
export type LearningPathEntry = z.output<ReturnType<typeof createLearningPathSchema>>;

/** The schema of the collection: a path as written, plus its place in the file, which the loader adds. */
export function createLearningPathCollectionSchema() {
	return createLearningPathSchema().extend({
		/** 0-based place of the path in content/paths.yaml; collections come back sorted by id, the site keeps file order. */
		position: z.number().int().nonnegative(),
	});
}

/**
 * Load content/paths.yaml into the collection, one entry per path, with its place in the file. Unlike Astro's file
 * loader, which logs unreadable YAML and carries on with no paths, a broken file stops the build with its error.
 */
export function learningPathsLoader(file = PATHS_FILE): Loader {
	return {
		name: 'academy-learning-paths',
		async load({ config, store, parseData, watcher, logger }) {
			const absolute = fileURLToPath(new URL(file, config.root));
			const sync = async () => {
				let data: unknown;
				try {
					data = parse(await readFile(absolute, 'utf8')) ?? [];
				} catch (error) {
					throw new AstroError(`${file}: ${(error as Error).message}`, 'Fix the YAML: each path starts with "- id: ...".');
				}
				if (!Array.isArray(data)) {
					throw new AstroError(`${file}: expected a YAML list of learning paths.`, 'Start each path with "- id: ...".');
				}
				store.clear();
				for (const [position, entry] of data.entries()) {
					const id = (entry as { id?: unknown } | null)?.id;
					if (typeof id !== 'string') {
						throw new AstroError(`${file}: path ${position + 1} has no id.`, 'Give each path a kebab-case "id".');
					}
					const parsed = await parseData({ id, data: { ...(entry as object), position }, filePath: file });
					store.set({ id, data: parsed, filePath: file });
				}
			};
			await sync();
			watcher?.add(absolute);
			watcher?.on('change', (changed) => {
				if (changed !== absolute) return;
				sync().catch((error: Error) => logger.error(error.message));
			});
		},
	};
}

/** What the paths are checked against besides their schema. */
export interface LearningPathContext {
	/** Top-level section folders a path can belong to. */
	sections: readonly string[];
	/** Ids of the published guides (paths under content/docs without extension). */
	guides: ReadonlySet<string>;
	/** Ids of the drafts, when known, to say so rather than suggest another guide. */
	drafts?: ReadonlySet<string>;
}

/** The published guide whose id is closest to an unknown one, when one is reasonably close. */
export function closestGuide(unknown: string, guides: ReadonlySet<string>): string | undefined {
	if (guides.size === 0) return undefined;
	const best = closest(unknown, [...guides]);
	// Past half the id, a suggestion is noise rather than help.
	return distance(unknown, best) <= Math.max(3, Math.ceil(unknown.length / 2)) ? best : undefined;
}

/**
 * Check the learning paths: the schema, unique ids, a known section, and guides that exist, each once per path. An
 * unknown guide is reported with the closest published guide, so a typo or a renamed file is a one-line fix.
 */
export function validateLearningPaths(
	data: unknown,
	context: LearningPathContext,
): { paths: LearningPathEntry[]; problems: ListProblem[] } {
	const { entries, problems } = validateList(data, createLearningPathSchema(), context.sections, {
		entries: 'learning paths',
		fieldsHint: 'Each path needs id, title, description, section and guides (see the comment at the top of the file).',
		sameIdHint: 'Give each path its own id.',
	});
	for (const { index, entry: learningPath } of entries) {
		const listed = new Set<string>();
		learningPath.guides.forEach((guide, position) => {
			if (listed.has(guide)) {
				problems.push({
					at: [index, 'guides', position],
					message: `"${learningPath.id}" lists "${guide}" twice.`,
					hint: 'A path leads through each guide once; remove the second entry.',
				});
			}
			listed.add(guide);
			if (context.guides.has(guide)) return;
			if (context.drafts?.has(guide)) {
				problems.push({
					at: [index, 'guides', position],
					message: `"${learningPath.id}" lists "${guide}", which is a draft.`,
					hint: 'Publish the guide (remove draft: true) in the same pull request, or leave it out of the path until then.',
				});
				return;
			}
			const suggestion = closestGuide(guide, context.guides);
			problems.push({
				at: [index, 'guides', position],
				message: `"${learningPath.id}" lists "${guide}", which is not a published guide.`,
				hint:
					(suggestion ? `Did you mean "${suggestion}"? ` : '') +
					'Guide ids are paths under content/docs without extension, e.g. "open-source/wolfi/overview"; drafts cannot be part of a path.',
			});
		});
	}
	return { paths: entries.map(({ entry }) => entry), problems };
}
