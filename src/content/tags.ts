import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import { closest, distance } from 'fastest-levenshtein';
import { parse } from 'yaml';

/** One entry of the controlled tag vocabulary in `content/tags.yaml`. */
export interface TagDefinition {
	id: string;
	label: string;
	description: string;
}

/** Path of the vocabulary file, the single source of truth for tags (commands run from the project root). */
export const TAGS_FILE = resolve('content/tags.yaml');

let cached: TagDefinition[] | undefined;

/** Load the tag vocabulary once per process; it is tiny and never changes during a build. */
export function loadTags(file = TAGS_FILE): TagDefinition[] {
	if (file === TAGS_FILE && cached) return cached;
	const parsed: unknown = parse(readFileSync(file, 'utf8'));
	if (!Array.isArray(parsed)) {
		throw new AstroError(`${file}: expected a YAML list of tags.`, 'Each entry needs id, label and description.');
	}
	const tags = parsed.map((entry, index) => {
		const { id, label, description } = (entry ?? {}) as Record<string, unknown>;
		if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
			throw new AstroError(`${file}: entry ${index + 1} has no valid "id".`, 'Use lower-case kebab-case, e.g. "supply-chain".');
		}
		if (typeof label !== 'string' || typeof description !== 'string') {
			throw new AstroError(`${file}: tag "${id}" needs a "label" and a "description".`, 'Add the missing field to the entry.');
		}
		return { id, label, description };
	});
	if (file === TAGS_FILE) cached = tags;
	return tags;
}

/** Suggest the known tag closest to an unknown one, or undefined when nothing is reasonably close. */
export function suggestTag(unknown: string, known: readonly string[]): string | undefined {
	if (known.length === 0) return undefined;
	const best = closest(unknown, known as string[]);
	// A suggestion further away than half the word is noise, not help.
	return distance(unknown, best) <= Math.max(2, Math.ceil(unknown.length / 2)) ? best : undefined;
}
