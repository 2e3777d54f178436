import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { directiveAsWritten, markdownFeatures } from '../markdown/directives.ts';
import GithubSlugger from 'github-slugger';
import { LineCounter, parseDocument } from 'yaml';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { headingText, jsxElements, nodesOfType, stringAttribute, walk } from './mdast.ts';
import type { ParsedDoc, Problem } from './types.ts';

/** The anchors a page offers: heading slugs exactly as Astro makes them (github-slugger, in order) and explicit ids. */
export function collectAnchors(tree: MdastNode): Set<string> {
	const slugger = new GithubSlugger();
	const anchors = new Set<string>();
	for (const heading of nodesOfType(tree, 'heading')) anchors.add(slugger.slug(headingText(heading)));
	for (const element of jsxElements(tree)) {
		const id = stringAttribute(element, 'id');
		if (id) anchors.add(id);
	}
	return anchors;
}

/**
 * Put text and leaf directives back as the text they were written as, as the site's Markdown plugin does, so that
 * rules see `python:latest` in a heading or a sentence the way readers do.
 */
function restoreInlineDirectives(tree: MdastNode, source: string): MdastNode {
	const restore = (node: MdastNode): MdastNode[] => {
		if (node.type === 'textDirective') return directiveAsWritten(node, source).flatMap(restore);
		if (node.type === 'leafDirective')
			return [{ type: 'paragraph', position: node.position, children: directiveAsWritten(node, source) }];
		return [node];
	};
	walk(tree, (node) => {
		const parent = node as { children?: MdastNode[] };
		if (parent.children?.some((child) => child.type === 'textDirective' || child.type === 'leafDirective'))
			parent.children = parent.children.flatMap(restore);
	});
	return tree;
}

/** The file and position a parser error message starts with, e.g. `11:31: Could not parse expression`. */
function parseErrorProblem(file: string, error: unknown): Problem {
	const text = error instanceof Error ? error.message : String(error);
	const match = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(text);
	return {
		file,
		line: match ? Number(match[1]) : 1,
		column: match ? Number(match[2]) : 1,
		rule: 'syntax',
		severity: 'error',
		message: `The file cannot be parsed as ${file.endsWith('.mdx') ? 'MDX' : 'Markdown'}: ${match ? match[3] : text}`,
		hint: file.endsWith('.mdx')
			? 'In MDX, write { and < as \\{ and \\< in text (or put them in `code`), and close every component tag.'
			: undefined,
	};
}

/** Read and parse one content file; a file that cannot be parsed yields a `syntax` problem and no tree. */
export function parseDoc(
	root: string,
	absolutePath: string,
	route: string,
	kind: ParsedDoc['kind'],
): { doc: ParsedDoc; problems: Problem[] } {
	const file = path.relative(root, absolutePath).split(path.sep).join('/');
	const source = readFileSync(absolutePath, 'utf8');
	const problems: Problem[] = [];

	let frontmatter: Record<string, unknown> | undefined;
	let yaml: ParsedDoc['yaml'];
	const block = splitFrontmatter(source);
	if (block) {
		const lineCounter = new LineCounter();
		const document = parseDocument(block.yaml, { lineCounter, prettyErrors: false });
		yaml = { document, lineCounter, firstLine: block.firstLine, offset: block.offset };
		for (const error of document.errors) {
			const place = lineCounter.linePos(error.pos[0]);
			problems.push({
				file,
				line: place.line + block.firstLine - 1,
				column: place.col,
				rule: 'frontmatter',
				severity: 'error',
				message: `The front matter is not valid YAML: ${error.message.split('\n')[0]}`,
				hint: 'Quote values that contain a colon followed by a space, e.g. title: "Wolfi: an overview".',
			});
		}
		const value: unknown = document.errors.length === 0 ? document.toJS() : undefined;
		if (value && typeof value === 'object' && !Array.isArray(value)) frontmatter = value as Record<string, unknown>;
	}

	let tree: MdastNode | undefined;
	try {
		const parse = absolutePath.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
		tree = restoreInlineDirectives(parse(source, { features: markdownFeatures }), source);
	} catch (error) {
		problems.push(parseErrorProblem(file, error));
	}

	const anchors = tree ? collectAnchors(tree) : new Set<string>();
	return { doc: { file, absolutePath, source, route, kind, frontmatter, yaml, tree, anchors }, problems };
}
