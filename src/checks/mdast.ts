import type { MdastNode } from 'satteri';
import type { Place } from './types.ts';

type Node = MdastNode | { type: string; children?: unknown[]; position?: MdastNode['position'] };

/** Visit every node of a tree, depth first, in document order. */
export function walk(tree: MdastNode, visit: (node: MdastNode) => void): void {
	const stack: Node[] = [tree];
	while (stack.length > 0) {
		const node = stack.pop() as MdastNode;
		visit(node);
		const children = (node as { children?: Node[] }).children;
		if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
	}
}

/** Collect the nodes of one type, narrowed to that type. */
export function nodesOfType<T extends MdastNode['type']>(tree: MdastNode, type: T): Extract<MdastNode, { type: T }>[] {
	const found: Extract<MdastNode, { type: T }>[] = [];
	walk(tree, (node) => {
		if (node.type === type) found.push(node as Extract<MdastNode, { type: T }>);
	});
	return found;
}

/** Where a node starts; the first character of the file when the parser gave no position. */
export function startOf(node: { position?: MdastNode['position'] }): Place {
	return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** A JSX element written in MDX, e.g. `<LinkCard href="/x/" />` or `<img src="..." />`. */
export interface JsxElement {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: { type: string; name?: string; value?: unknown }[];
	position?: MdastNode['position'];
}

/** Every JSX element of an MDX tree. */
export function jsxElements(tree: MdastNode): JsxElement[] {
	const found: JsxElement[] = [];
	walk(tree, (node) => {
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') found.push(node as unknown as JsxElement);
	});
	return found;
}

/** The value of a JSX attribute written as a plain string; undefined when absent or computed by an expression. */
export function stringAttribute(element: JsxElement, name: string): string | undefined {
	const attribute = element.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
	return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** Whether a JSX element has an attribute of that name, whatever its value. */
export function hasAttribute(element: JsxElement, name: string): boolean {
	return element.attributes.some((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
}

/**
 * The text of a heading as Astro's heading-ids plugin sees it (the text content of the rendered element): text, inline
 * code and MDX expressions count; image alt text and JSX attributes do not.
 */
export function headingText(node: MdastNode): string {
	if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'mdxTextExpression') return node.value;
	if (node.type === 'image' || node.type === 'html') return '';
	const children = (node as { children?: MdastNode[] }).children;
	return children ? children.map(headingText).join('') : '';
}
