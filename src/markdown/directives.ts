import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { BlockContent, DefinitionContent, List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';

// Sätteri adds its directive nodes to mdast's node maps but does not export their types by name.
type ContainerDirective = Extract<RootContent, { type: 'containerDirective' }>;
type LeafDirective = Extract<RootContent, { type: 'leafDirective' }>;
type TextDirective = Extract<RootContent, { type: 'textDirective' }>;

/**
 * Parser features for guides, written out in full so the content checker parses exactly as the site renders: GFM, smart
 * punctuation (Astro's default, which turns `--` into an en dash and straight quotes into curly ones, and so changes
 * heading ids) and directives, which give `.md` guides callouts, details and steps.
 */
export const markdownFeatures = { gfm: true, smartPunctuation: true, directive: true } as const;

/**
 * Callout types, with the heading and icon each shows when the author gives no title.
 * The same words and icons as the Callout component, so a `:::note` and a `<Callout>` read alike.
 */
export const CALLOUTS = {
	note: { label: 'Note', icon: 'i' },
	tip: { label: 'Tip', icon: '✓' },
	caution: { label: 'Caution', icon: '!' },
	danger: { label: 'Danger', icon: '⚠' },
} as const;
type CalloutType = keyof typeof CALLOUTS;

/** Block directives (`:::name`) a guide may use; every other name is a mistake the build reports. */
export const BLOCK_DIRECTIVES = [...(Object.keys(CALLOUTS) as CalloutType[]), 'details', 'steps'] as const;

/** Attributes each block directive accepts in `{…}`; anything else would be silently dropped, so it is an error. */
const ALLOWED_ATTRIBUTES: Record<(typeof BLOCK_DIRECTIVES)[number], readonly string[]> = {
	note: [],
	tip: [],
	caution: [],
	danger: [],
	details: ['open'],
	steps: [],
};

/** What is wrong with a block directive and how to fix it. */
export interface DirectiveProblem {
	message: string;
	hint: string;
}

type BlockChild = BlockContent | DefinitionContent;

const isCallout = (name: string): name is CalloutType => Object.hasOwn(CALLOUTS, name);
const isBlockDirective = (name: string): name is (typeof BLOCK_DIRECTIVES)[number] =>
	(BLOCK_DIRECTIVES as readonly string[]).includes(name);

/** The `[label]` paragraph Sätteri puts first in a block directive, or undefined when there is none. */
function labelOf(node: Readonly<ContainerDirective>): Paragraph | undefined {
	const first = node.children[0];
	return first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
}

/** The block content of a directive, without its label. */
function bodyOf(node: Readonly<ContainerDirective>): BlockChild[] {
	return labelOf(node) ? node.children.slice(1) : [...node.children];
}

/** Check a block directive: a known name, known attributes, and the content its kind needs. */
export function blockDirectiveProblem(node: Readonly<ContainerDirective>): DirectiveProblem | undefined {
	const written = `:::${node.name}`;
	if (!isBlockDirective(node.name)) {
		return {
			message: `Unknown directive "${written}".`,
			hint:
				`Use one of ${BLOCK_DIRECTIVES.map((name) => `:::${name}`).join(', ')}. ` +
				`To show the colons as text, escape the first one: \\${written}.`,
		};
	}
	const allowed: readonly string[] = ALLOWED_ATTRIBUTES[node.name];
	const unknown = Object.keys(node.attributes ?? {}).filter((name) => !allowed.includes(name));
	if (unknown.length > 0) {
		return {
			message: `"${written}" does not take the attribute${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`,
			hint: allowed.length
				? `"${written}" accepts only {${allowed.join(' ')}}.`
				: `Remove the {…} part; a title goes in brackets: ${written}[Title].`,
		};
	}
	const body = bodyOf(node);
	if (node.name === 'steps' && (body.length !== 1 || body[0]?.type !== 'list' || !body[0].ordered)) {
		return {
			message: '":::steps" must wrap exactly one ordered list.',
			hint: 'Write the steps as "1. First step" lines between ":::steps" and ":::", and indent anything that belongs to a step (code, notes) under it.',
		};
	}
	if (node.name === 'details' && !labelOf(node)?.children.length) {
		return {
			message: '":::details" needs a summary: the line readers click to open it.',
			hint: 'Write the summary in brackets: :::details[What the hidden part explains].',
		};
	}
	return undefined;
}

/**
 * The inline nodes that show a text or leaf directive exactly as the author wrote it.
 *
 * With directives on, prose such as `python:latest`, `10:30` or `sha256:abc` parses as a text directive, and Sätteri
 * would drop it from the HTML. The source text around the label is taken verbatim (name, brackets, attributes), and
 * the label's own nodes are kept, so emphasis or code inside it still renders.
 */
export function directiveAsWritten(node: Readonly<TextDirective | LeafDirective>, source: string): PhrasingContent[] {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) {
		throw new AstroError(
			`Internal error: the ${node.type} ":${node.name}" has no source position to restore it from.`,
			'This is a bug in src/markdown/directives.ts (Sätteri parsed without positions); report it with the guide that triggered it.',
		);
	}
	const first = node.children[0]?.position?.start.offset;
	const last = node.children.at(-1)?.position?.end.offset;
	if (first === undefined || last === undefined) return [{ type: 'text', value: source.slice(start, end) }];
	return [
		{ type: 'text', value: source.slice(start, first) },
		...node.children,
		{ type: 'text', value: source.slice(last, end) },
	];
}

/** A paragraph node that becomes an arbitrary element with these properties: how an mdast plugin emits HTML. */
function element(
	tagName: string,
	properties: Record<string, unknown>,
	children: readonly (BlockChild | PhrasingContent)[],
): Paragraph {
	return {
		type: 'paragraph',
		data: { hName: tagName, hProperties: properties } as Paragraph['data'],
		children: children as PhrasingContent[],
	};
}

/** The Callout component's markup: an aside labelled by its title, with an icon screen readers skip. */
function callout(type: CalloutType, label: Paragraph | undefined, body: BlockChild[], title: string): Paragraph {
	const { icon } = CALLOUTS[type];
	return element('aside', { className: ['callout', `callout-${type}`], ariaLabel: title }, [
		element('p', { className: ['callout-title'] }, [
			element('span', { className: ['callout-icon'], ariaHidden: 'true' }, [{ type: 'text', value: icon }]),
			...(label ? label.children : [{ type: 'text' as const, value: title }]),
		]),
		element('div', { className: ['callout-body'] }, body),
	]);
}

/** The Details component's markup: a native disclosure with the label as its summary. */
function details(label: Paragraph, body: BlockChild[], open: boolean): Paragraph {
	return element('details', { className: ['details-block'], ...(open ? { open: true } : {}) }, [
		element('summary', {}, label.children),
		element('div', { className: ['details-body'] }, body),
	]);
}

/** The Steps component's markup: the ordered list as Markdown writes it (start number included), in a `steps` box. */
function steps(list: List): Paragraph {
	return element('div', { className: ['steps'] }, [list]);
}

/** The file and line a directive starts at, for error messages; the line counts the front matter Astro cut off. */
function placeOf(node: Readonly<ContainerDirective>, fileURL: URL | undefined, source: string): string {
	const line = node.position?.start.line;
	if (!fileURL) return line ? ` at line ${line}` : '';
	const path = fileURLToPath(fileURL);
	let linesBefore = 0;
	try {
		const whole = readFileSync(path, 'utf8');
		const bodyStart = whole.indexOf(source);
		if (bodyStart > 0) linesBefore = whole.slice(0, bodyStart).split('\n').length - 1;
	} catch {
		// The file may be virtual (a test, or content from a loader); the line within the source is still right.
	}
	const file = relative(process.cwd(), path);
	return line ? ` in ${file} at line ${line + linesBefore}` : ` in ${file}`;
}

/** Put every text and leaf directive back as the text it was written as: this site defines none. */
export function restoreInlineDirectives(): MdastPluginDefinition {
	return {
		name: 'academy-restore-inline-directives',
		options: { position: true },
		textDirective(node, ctx) {
			ctx.replaceNode(node, directiveAsWritten(node, ctx.source));
		},
		leafDirective(node, ctx) {
			return { type: 'paragraph', children: directiveAsWritten(node, ctx.source) };
		},
	};
}

/** Turn `:::note`, `:::tip`, `:::caution`, `:::danger`, `:::details` and `:::steps` into the components' HTML. */
export function blockDirectives(): MdastPluginDefinition {
	return {
		name: 'academy-block-directives',
		options: { position: true },
		containerDirective(node, ctx) {
			const problem = blockDirectiveProblem(node);
			if (problem) {
				throw new AstroError(`${problem.message.slice(0, -1)}${placeOf(node, ctx.fileURL, ctx.source)}.`, problem.hint);
			}
			const label = labelOf(node);
			const body = bodyOf(node);
			if (isCallout(node.name)) {
				const hasTitle = label !== undefined && label.children.length > 0;
				const title = hasTitle ? ctx.textContent(label) : CALLOUTS[node.name].label;
				return callout(node.name, hasTitle ? label : undefined, body, title);
			}
			if (node.name === 'details') return details(label!, body, node.attributes?.open !== undefined);
			return steps(body[0] as List);
		},
	};
}

/** The directive plugins, in order: inline directives go back to text first, so a block's title reads as written. */
export function markdownDirectives(): MdastPluginEntry[] {
	return [restoreInlineDirectives(), blockDirectives()];
}
