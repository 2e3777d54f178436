import type { z } from 'astro/zod';
import { closest } from 'fastest-levenshtein';
import { isMap, isNode, type Node as YamlNode } from 'yaml';
import { listSchemaFields } from '../schema-fields.ts';
import type { DocRule, ParsedDoc, Place, Problem } from '../types.ts';

const RULE = 'frontmatter';
const DATE_FIELDS = ['date', 'updated'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Where a front matter field is written: its value, or with `key` its name; the opening `---` when it is absent. */
export function placeOfField(doc: ParsedDoc, fieldPath: readonly PropertyKey[], key?: string): Place {
	if (!doc.yaml) return { line: 1, column: 1 };
	const { document, lineCounter, firstLine } = doc.yaml;
	const toPlace = (node: YamlNode): Place => {
		const position = lineCounter.linePos(node.range?.[0] ?? 0);
		return { line: position.line + firstLine - 1, column: position.col };
	};
	const target = document.getIn(fieldPath as unknown[], true);
	if (key !== undefined && isMap(target)) {
		const pair = target.items.find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === key);
		if (pair && isNode(pair.key)) return toPlace(pair.key);
	}
	if (isNode(target)) return toPlace(target);
	// An absent field: point at its parent, or at the start of the block.
	return fieldPath.length > 0 ? placeOfField(doc, fieldPath.slice(0, -1)) : { line: 1, column: 1 };
}

/** Show a field path the way it is written in YAML, e.g. `sidebar.order` or `tags[2]`. */
function formatPath(fieldPath: readonly PropertyKey[]): string {
	return fieldPath
		.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
		.join('');
}

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
	return fieldPath.reduce<unknown>((value, part) => (value as Record<PropertyKey, unknown> | undefined)?.[part], data);
}

/** Check a guide's front matter against the docs schema, with positions and hints from the schema's own descriptions. */
export function createFrontmatterRule(schema: z.ZodType): DocRule {
	const fields = listSchemaFields(schema);
	const fieldByPath = new Map(fields.map((field) => [field.path, field]));
	const describe = (fieldPath: readonly PropertyKey[]) => {
		const field = fieldByPath.get(fieldPath.filter((part) => typeof part === 'string').join('.'));
		return field ? `${field.path}: ${field.description}` : undefined;
	};

	return (doc) => {
		if (doc.kind !== 'docs') return [];
		const problem = (place: Place, message: string, hint?: string): Problem => ({
			file: doc.file,
			...place,
			rule: RULE,
			severity: 'error',
			message,
			hint,
		});
		if (!doc.yaml) {
			return [
				problem(
					{ line: 1, column: 1 },
					'The guide has no front matter.',
					'Start the file with a --- block holding title and description; `npm run new` writes one for you.',
				),
			];
		}
		if (!doc.frontmatter)
			return doc.yaml.document.errors.length > 0
				? []
				: [problem({ line: 1, column: 1 }, 'The front matter must be a list of fields (key: value).')];

		const problems: Problem[] = [];
		const result = schema.safeParse(doc.frontmatter);
		const reported = new Set<unknown>();
		for (const issue of result.success ? [] : result.error.issues) {
			const where = formatPath(issue.path);
			reported.add(issue.path[0]);
			if (issue.code === 'unrecognized_keys') {
				const prefix = where ? `${where}.` : '';
				const allowed = fields
					.filter((field) => field.path.startsWith(prefix) && !field.path.slice(prefix.length).includes('.'))
					.map((field) => field.path.slice(prefix.length));
				for (const key of issue.keys) {
					const suggestion = allowed.length > 0 ? closest(key, allowed) : undefined;
					problems.push(
						problem(
							placeOfField(doc, issue.path, key),
							`Unknown field "${prefix}${key}".`,
							`${suggestion ? `Did you mean "${suggestion}"? ` : ''}Allowed fields: ${allowed.join(', ')}.`,
						),
					);
				}
			} else if (issue.code === 'invalid_type' && valueAt(doc.frontmatter, issue.path) === undefined) {
				problems.push(problem(placeOfField(doc, issue.path), `Missing required field "${where}".`, describe(issue.path)));
			} else if (issue.code === 'invalid_type') {
				problems.push(
					problem(
						placeOfField(doc, issue.path),
						`"${where}" must be ${article(issue.expected)} ${issue.expected}.`,
						describe(issue.path),
					),
				);
			} else {
				problems.push(problem(placeOfField(doc, issue.path), `${where}: ${issue.message}`, describe(issue.path)));
			}
		}

		for (const field of DATE_FIELDS) {
			const value = doc.frontmatter[field];
			if (value !== undefined && !reported.has(field) && !isIsoDate(value)) {
				problems.push(
					problem(
						placeOfField(doc, [field]),
						`${field} must be a date written as YYYY-MM-DD, not ${JSON.stringify(value)}.`,
						`For example: ${field}: 2025-03-14`,
					),
				);
			}
		}
		return problems;
	};
}

function article(word: string): string {
	return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** Whether a front matter value is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): boolean {
	const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
	if (!match) return false;
	const date = new Date(`${value as string}T00:00:00Z`);
	return (
		date.getUTCFullYear() === Number(match[1]) &&
		date.getUTCMonth() + 1 === Number(match[2]) &&
		date.getUTCDate() === Number(match[3])
	);
}
