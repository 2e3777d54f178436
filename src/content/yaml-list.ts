import type { z } from 'astro/zod';

/** A problem with a YAML list file: where (a YAML path into the file, empty for the whole file), what, and the fix. */
export interface ListProblem {
	at: (string | number)[];
	message: string;
	hint: string;
}

/** What a list file is called in messages, and how to fix its common mistakes. */
export interface ListWording {
	/** The entries, e.g. "learning paths", for "expected a YAML list of …". */
	entries: string;
	/** The hint for an entry that does not match its schema: which fields it needs. */
	fieldsHint: string;
	/** The hint for an id used twice. */
	sameIdHint: string;
}

/**
 * Check a list read from YAML (wanted guides, learning paths): each entry against its schema, each schema issue at its
 * field, no id used twice, and a section from `sections`. Returns the entries that match, with their place in the
 * list, for the checks that depend on the rest of the site.
 */
export function validateList<T extends { id: string; section: string }>(
	data: unknown,
	schema: z.ZodType<T>,
	sections: readonly string[],
	wording: ListWording,
): { entries: { index: number; entry: T }[]; problems: ListProblem[] } {
	if (!Array.isArray(data)) {
		return {
			entries: [],
			problems: [{ at: [], message: `expected a YAML list of ${wording.entries}.`, hint: 'Start each entry with "- id: ...".' }],
		};
	}
	const entries: { index: number; entry: T }[] = [];
	const problems: ListProblem[] = [];
	const seen = new Set<string>();
	data.forEach((value, index) => {
		const result = schema.safeParse(value);
		if (!result.success) {
			for (const issue of result.error.issues) {
				problems.push({
					at: [index, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')],
					message: `${issue.path.map(String).join('.') || '(entry)'}: ${issue.message}`,
					hint: wording.fieldsHint,
				});
			}
			return;
		}
		const entry = result.data;
		if (seen.has(entry.id)) {
			problems.push({ at: [index, 'id'], message: `the id "${entry.id}" is used twice.`, hint: wording.sameIdHint });
		}
		seen.add(entry.id);
		if (!sections.includes(entry.section)) {
			problems.push({
				at: [index, 'section'],
				message: `"${entry.id}" names the unknown section "${entry.section}".`,
				hint: `Use one of: ${sections.join(', ')}.`,
			});
		}
		entries.push({ index, entry });
	});
	return { entries, problems };
}
