import type { Blockquote, Code, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { AcademyError } from '../lib/errors.ts';
import { blockDirectiveProblem, CALLOUTS, directiveAsWritten, markdownFeatures } from './directives.ts';

/** A guide as its Markdown twin is made from it. */
export interface TwinSource {
	/** Path of the source file from the repository root (`content/docs/a/b.mdx`): named in errors, and `.mdx` picks MDX. */
	file: string;
	/** The whole file as written, front matter included (it is dropped: the header comes from `title` and `description`). */
	source: string;
	title: string;
	description: string;
	/** Absolute URL of the guide's HTML page; `#fragment` links point into it. */
	pageUrl: string;
	/** Origin that site-root links (`/x/`) are resolved against, e.g. `https://supplychainacademy.dev`. */
	siteUrl: string;
	/** Guides a section page lists below its text, as the HTML page does. */
	sectionGuides?: readonly TwinLink[];
}

/** A link in a generated list: `[title](url): description`. */
export interface TwinLink {
	title: string;
	url: string;
	description?: string | undefined;
}

/** A guide that cannot be turned into Markdown; `hint` says how to fix the source. */
export class MarkdownTwinError extends AcademyError {
	override readonly name = 'MarkdownTwinError';
}

type CalloutKind = keyof typeof CALLOUTS;
const isCalloutKind = (name: string): name is CalloutKind => Object.hasOwn(CALLOUTS, name);

/** Serializer settings: GFM (tables, task lists, footnotes, strikethrough), fenced code, `-` bullets, `_` emphasis. */
const SERIALIZE: ToMarkdownOptions = {
	// Padding every table cell to the widest one costs bytes and tokens and helps no machine reader.
	extensions: [gfmToMarkdown({ tablePipeAlign: false })],
	bullet: '-',
	emphasis: '_',
	fences: true,
	listItemIndent: 'one',
	rule: '-',
};

const text = (value: string): Text => ({ type: 'text', value });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const strong = (children: PhrasingContent[]): PhrasingContent => ({ type: 'strong', children });
const link = (url: string, children: PhrasingContent[]): Link => ({ type: 'link', url, title: null, children });
const bulletList = (children: ListItem[]): List => ({ type: 'list', ordered: false, start: null, spread: false, children });

/** A bulleted list of `[title](url): description` lines. */
export function linkList(entries: readonly TwinLink[]): List {
	return bulletList(
		entries.map((entry) => ({
			type: 'listItem',
			spread: false,
			checked: null,
			children: [
				paragraph([link(entry.url, [text(entry.title)]), ...(entry.description ? [text(`: ${entry.description}`)] : [])]),
			],
		})),
	);
}

/** The h1 title and the blockquote summary that open a twin, llms.txt and llms-full.txt alike. */
export function titleAndSummary(title: string, summary: string): RootContent[] {
	return [
		{ type: 'heading', depth: 1, children: [text(title)] } satisfies Heading,
		{ type: 'blockquote', children: [paragraph([text(summary)])] } satisfies Blockquote,
	];
}

/** The URL of a guide's Markdown twin: `/a/b/` → `/a/b.md`, next to the page. */
export function twinPath(pagePath: string): string {
	const trimmed = pagePath.replace(/\/+$/, '');
	return `${trimmed || '/index'}.md`;
}

/** Serialize a tree with the twins' settings; the text ends with one newline. */
export function serialize(root: Root): string {
	return toMarkdown(root, SERIALIZE);
}

type SourceNode = MdastNode & { children?: SourceNode[] };
type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxNode = SourceNode & { name: string | null; attributes: JsxAttribute[] };
type DirectiveNode = SourceNode & { name: string; attributes?: Record<string, string | null | undefined> | null };

/**
 * Turn a guide's source into plain Markdown for machine readers: a title and summary header, then the body with
 * every component written out (callouts as labelled blockquotes, tabs and details as labelled sections, cards as link
 * lists, steps as their ordered list, badges as bold text), imports removed, code titles as a label line above the
 * block and site links made absolute.
 */
export function markdownTwin(input: TwinSource): string {
	const parse = input.file.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
	let tree: SourceNode;
	try {
		// The site's own feature set, so the twin reads the guide as the page does (directives, smart punctuation).
		tree = parse(input.source, { features: markdownFeatures }) as SourceNode;
	} catch (error) {
		throw new MarkdownTwinError(
			`${input.file}: cannot be parsed: ${error instanceof Error ? error.message : String(error)}`,
			'Run `npm run check:content` on the file; it names the line to fix.',
		);
	}
	const body = new TwinConverter(input).blocks(tree.children ?? []);
	const header: RootContent[] = [
		...titleAndSummary(input.title, input.description),
		paragraph([text('Web page: '), link(input.pageUrl, [text(input.pageUrl)])]),
	];
	const appendix: RootContent[] = input.sectionGuides?.length
		? [{ type: 'heading', depth: 2, children: [text('Guides in this section')] }, linkList(input.sectionGuides)]
		: [];
	return serialize({ type: 'root', children: [...header, ...body, ...appendix] });
}

/** Converts one guide's tree; knows the guide, so every error names its file and line. */
class TwinConverter {
	/** List items made from cards: runs of them become one list, as a card grid is one set of links. */
	private readonly cardItems = new WeakSet<ListItem>();

	private readonly input: TwinSource;

	constructor(input: TwinSource) {
		this.input = input;
	}

	/** Convert a run of sibling nodes; consecutive cards become one bulleted list. */
	blocks(nodes: readonly SourceNode[]): RootContent[] {
		const converted = nodes.flatMap((node) => this.node(node));
		const grouped: RootContent[] = [];
		for (const node of converted) {
			const previous = grouped.at(-1);
			if (node.type !== 'listItem' || !this.cardItems.has(node)) grouped.push(node);
			else if (previous?.type === 'list' && previous.children.every((item) => this.cardItems.has(item)))
				previous.children.push(node);
			else grouped.push(bulletList([node]));
		}
		return grouped;
	}

	private phrasing(nodes: readonly SourceNode[]): PhrasingContent[] {
		return this.blocks(nodes) as PhrasingContent[];
	}

	private node(node: SourceNode): RootContent[] {
		switch (node.type) {
			case 'yaml':
			case 'toml':
				return [];
			case 'mdxjsEsm':
				return this.esm(node as SourceNode & { value: string });
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				return this.expression(node as SourceNode & { value: string });
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				return this.component(node as JsxNode);
			case 'containerDirective':
				return this.directive(node as DirectiveNode);
			case 'leafDirective':
				return [paragraph(this.asWritten(node))];
			case 'textDirective':
				return this.asWritten(node);
			case 'code':
				return this.code(node as Code);
			case 'link':
			case 'image':
			case 'definition': {
				const withUrl = { ...(node as SourceNode & { url: string }) };
				withUrl.url = this.absolute(withUrl.url);
				return [this.withChildren(withUrl) as RootContent];
			}
			default:
				return [this.withChildren(node) as RootContent];
		}
	}

	/** A copy of a node without its source position, with its children converted. */
	private withChildren(node: SourceNode): object {
		const { position: _position, children, ...rest } = node as SourceNode & { position?: unknown };
		return children ? { ...rest, children: this.blocks(children) } : rest;
	}

	private esm(node: SourceNode & { value: string }): RootContent[] {
		// Imports bring in the components, which are written out here; anything else would be code the page runs.
		if (/^\s*import\s/.test(node.value) && !/^\s*export\s/m.test(node.value)) return [];
		throw this.error(node, 'exports a value, which has no Markdown form.', 'Put data in the front matter instead of an export.');
	}

	private expression(node: SourceNode & { value: string }): RootContent[] {
		const value = node.value.trim();
		if (value === '' || /^\/\*[\s\S]*\*\/$/.test(value)) return [];
		const literal = /^(['"])([^'"\\]*)\1$/.exec(value);
		if (literal) return [text(literal[2]!)];
		throw this.error(
			node,
			`has the expression {${value}}, which only runs on the web page.`,
			'Write the text itself; escape a literal brace as \\{.',
		);
	}

	private component(node: JsxNode): RootContent[] {
		const children = node.children ?? [];
		switch (node.name) {
			case 'Callout': {
				const kind = this.attribute(node, 'type') ?? 'note';
				if (!isCalloutKind(kind)) {
					throw this.error(node, `has <Callout type="${kind}">.`, `Use one of ${Object.keys(CALLOUTS).join(', ')}.`);
				}
				const title = this.attribute(node, 'title');
				return [this.callout(kind, title ? [text(title)] : [], this.blocks(children))];
			}
			case 'Details':
				return this.labelledSection([text(this.requiredAttribute(node, 'summary'))], children);
			case 'Tabs':
			case 'CardGrid':
			case 'Steps':
				// Their children carry the content: tab items, cards, or the ordered list of steps.
				return this.blocks(children);
			case 'TabItem':
				return this.labelledSection([text(this.requiredAttribute(node, 'label'))], children);
			case 'LinkCard':
				return [
					this.cardItem([
						paragraph([
							link(this.absolute(this.requiredAttribute(node, 'href')), [text(this.requiredAttribute(node, 'title'))]),
							...this.suffix(this.attribute(node, 'description')),
						]),
					]),
				];
			case 'Card':
				return [this.cardItem(this.titled([strong([text(this.requiredAttribute(node, 'title'))])], children))];
			case 'Badge':
				return [strong([text(this.requiredAttribute(node, 'text'))])];
			default:
				throw this.error(
					node,
					`uses <${node.name ?? ''}>, which has no Markdown form yet.`,
					'Use a component listed in CONTRIBUTING.md, or teach src/markdown/twin.ts how to write this one as Markdown.',
				);
		}
	}

	private directive(node: DirectiveNode): RootContent[] {
		// The same rules as the site's directive plugin, so a twin never accepts what the page build rejects.
		const problem = blockDirectiveProblem(node as Parameters<typeof blockDirectiveProblem>[0]);
		if (problem) throw this.error(node, problem.message, problem.hint);
		const children = node.children ?? [];
		// The parser puts the `[label]` first, as a paragraph marked directiveLabel.
		const first = children[0] as (SourceNode & { data?: { directiveLabel?: boolean } }) | undefined;
		const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
		const label = hasLabel ? this.phrasing(first.children ?? []) : [];
		const body = hasLabel ? children.slice(1) : children;
		if (isCalloutKind(node.name)) return [this.callout(node.name, label, this.blocks(body))];
		if (node.name === 'details') return this.labelledSection(label, body);
		return this.blocks(body);
	}

	/** `> **Caution: title**` and the body below it in the same blockquote. */
	private callout(kind: CalloutKind, title: PhrasingContent[], body: RootContent[]): Blockquote {
		const word = CALLOUTS[kind].label;
		const sameAsWord = title.length === 1 && title[0]!.type === 'text' && title[0].value.toLowerCase() === word.toLowerCase();
		const label = title.length && !sameAsWord ? [text(`${word}: `), ...title] : [text(word)];
		return { type: 'blockquote', children: [paragraph([strong(label)]), ...(body as Blockquote['children'])] };
	}

	/** A bold line, then the content: how a tab or a collapsed block reads once everything is shown. */
	private labelledSection(label: PhrasingContent[], children: readonly SourceNode[]): RootContent[] {
		return [paragraph([strong(label)]), ...this.blocks(children)];
	}

	/** Content that starts with a bold title: on the first paragraph's line when it has one, else a line of its own. */
	private titled(title: PhrasingContent[], children: readonly SourceNode[]): ListItem['children'] {
		const converted = this.blocks(children);
		if (converted.length > 0 && converted.every(isPhrasing)) return [paragraph([...title, text(': '), ...converted])];
		const [first, ...rest] = converted;
		if (first?.type === 'paragraph')
			return [paragraph([...title, text(': '), ...first.children]), ...(rest as ListItem['children'])];
		return [paragraph(title), ...(converted as ListItem['children'])];
	}

	private cardItem(children: ListItem['children']): ListItem {
		const item: ListItem = { type: 'listItem', spread: false, checked: null, children };
		this.cardItems.add(item);
		return item;
	}

	private suffix(description: string | undefined): PhrasingContent[] {
		return description ? [text(`: ${description}`)] : [];
	}

	/** A code block keeps its language; a `title="…"` becomes an italic label line above it, the rest of the meta goes. */
	private code(node: Code): RootContent[] {
		const title = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(node.meta ?? '');
		const block: Code = { type: 'code', lang: node.lang ?? null, meta: null, value: node.value };
		const label = title?.[1] ?? title?.[2];
		return label ? [paragraph([{ type: 'emphasis', children: [text(label)] }]), block] : [block];
	}

	/** Text and leaf directives are not used by the site: the parser read prose such as `python:latest` as one. */
	private asWritten(node: SourceNode): PhrasingContent[] {
		const parts = directiveAsWritten(node as Parameters<typeof directiveAsWritten>[0], this.input.source);
		return this.phrasing(parts as SourceNode[]);
	}

	/** Site-root and fragment links become absolute, so the text still leads somewhere once copied out of the site. */
	private absolute(url: string): string {
		if (url.startsWith('#')) return `${this.input.pageUrl}${url}`;
		if (url.startsWith('/') && !url.startsWith('//')) return new URL(url, this.input.siteUrl).href;
		return url;
	}

	private attribute(node: JsxNode, name: string): string | undefined {
		const attribute = node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
		if (attribute === undefined) return undefined;
		if (typeof attribute.value !== 'string') {
			throw this.error(node, `gives <${node.name} ${name}> a computed value.`, `Write ${name}="…" as a plain string.`);
		}
		return attribute.value;
	}

	private requiredAttribute(node: JsxNode, name: string): string {
		const value = this.attribute(node, name);
		if (value === undefined) throw this.error(node, `has a <${node.name}> without ${name}.`, `Add ${name}="…".`);
		return value;
	}

	private error(node: SourceNode, problem: string, hint: string): MarkdownTwinError {
		const line = node.position?.start.line;
		return new MarkdownTwinError(`${this.input.file}${line ? `:${line}` : ''}: ${problem}`, hint);
	}
}

const PHRASING = new Set([
	'text',
	'emphasis',
	'strong',
	'delete',
	'inlineCode',
	'link',
	'linkReference',
	'image',
	'imageReference',
	'break',
	'html',
	'footnoteReference',
]);

function isPhrasing(node: RootContent): node is PhrasingContent {
	return PHRASING.has(node.type);
}
