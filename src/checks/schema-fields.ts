import type { z } from 'astro/zod';

/** One front matter field as documented: where it is, what it takes and what it defaults to. */
export interface SchemaField {
	/** Dotted path, e.g. `sidebar.order`. */
	path: string;
	/** Human type, e.g. `string`, `date (YYYY-MM-DD)`, `string[]`, `integer`. */
	type: string;
	required: boolean;
	/** The default value when the field is left out, if it has one. */
	defaultValue?: unknown;
	description: string;
	/** Length limits, e.g. `50 to 170 characters`. */
	length?: string;
}

interface Definition {
	type: string;
	innerType?: z.ZodType;
	element?: z.ZodType;
	defaultValue?: unknown;
	checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; format?: string } } }[];
	shape?: Record<string, z.ZodType>;
}

const definitionOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** Unwrap `optional` and `default` wrappers, remembering what they said. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean; defaultValue?: unknown; hasDefault: boolean } {
	let core = schema;
	let optional = false;
	let hasDefault = false;
	let defaultValue: unknown;
	for (let definition = definitionOf(core); definition.innerType; definition = definitionOf(core)) {
		if (definition.type === 'optional') optional = true;
		if (definition.type === 'default') {
			hasDefault = true;
			defaultValue = definition.defaultValue;
		}
		core = definition.innerType;
	}
	return { core, optional, defaultValue, hasDefault };
}

function describeLength(definition: Definition, each: boolean): string | undefined {
	const unit = each ? 'characters each' : 'characters';
	const minimum = definition.checks?.find((check) => check._zod.def.check === 'min_length')?._zod.def.minimum;
	const maximum = definition.checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum;
	if (minimum !== undefined && maximum !== undefined) return `${minimum} to ${maximum} ${unit}`;
	if (minimum === 1) return each ? 'each not empty' : 'not empty';
	if (minimum !== undefined) return `at least ${minimum} ${unit}`;
	if (maximum !== undefined) return `at most ${maximum} ${unit}`;
	return undefined;
}

function typeName(schema: z.ZodType): string {
	const definition = definitionOf(schema);
	switch (definition.type) {
		case 'date':
			return 'date (YYYY-MM-DD)';
		case 'number':
			return (definition.checks ?? []).some((check) => check._zod.def.format === 'safeint') ? 'integer' : 'number';
		case 'array':
			return `${typeName(definition.element as z.ZodType)}[]`;
		default:
			return definition.type;
	}
}

/** List every field of an object schema, nested objects included, in declaration order. */
export function listSchemaFields(schema: z.ZodType, prefix = ''): SchemaField[] {
	const fields: SchemaField[] = [];
	for (const [key, fieldSchema] of Object.entries(definitionOf(schema).shape ?? {})) {
		const { core, optional, defaultValue, hasDefault } = unwrap(fieldSchema);
		const definition = definitionOf(core);
		const element = definition.element ? definitionOf(definition.element) : undefined;
		fields.push({
			path: prefix + key,
			type: typeName(core),
			required: !optional && !hasDefault,
			...(hasDefault ? { defaultValue } : {}),
			description: fieldSchema.description ?? core.description ?? '',
			length: element ? describeLength(element, true) : describeLength(definition, false),
		});
		if (definition.type === 'object') fields.push(...listSchemaFields(core, `${prefix}${key}.`));
	}
	return fields;
}
