import type { Element, ElementContent, Root } from 'hast';
import { htmlToHast } from 'satteri';

/** The top-level nodes of rendered HTML, parsed as a fragment. */
function fragment(html: string): ElementContent[] {
	return (htmlToHast(html, { fragment: true }) as Root).children as ElementContent[];
}

/** Whitespace between elements, which carries no meaning in a component's slot. */
const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/** The elements at the top level of rendered HTML, and whether anything else (text, comments) sits between them. */
function topLevel(html: string): { elements: Element[]; other: boolean } {
	const nodes = fragment(html).filter((node) => !isBlank(node));
	const elements = nodes.filter((node): node is Element => node.type === 'element');
	return { elements, other: elements.length !== nodes.length };
}

/** The labels of the TabItem panels at the top level of a rendered Tabs slot, in order (nested Tabs keep theirs). */
export function tabPanelLabels(html: string): string[] {
	return topLevel(html).elements.flatMap((element) => {
		const classes = element.properties.className;
		const label = element.properties.dataTabLabel;
		return Array.isArray(classes) && classes.includes('tab-panel') && typeof label === 'string' ? [label] : [];
	});
}

/** Whether a rendered Steps slot is exactly one ordered list, with nothing but whitespace around it. */
export function isSingleOrderedList(html: string): boolean {
	const { elements, other } = topLevel(html);
	return !other && elements.length === 1 && elements[0]!.tagName === 'ol';
}

/** Tab groups numbered so far, per page render (keyed by that render's `Astro.locals`). */
const tabGroupsRendered = new WeakMap<object, number>();

/** The next tab group number on the page being rendered: 1, 2, 3… on every page, so ids are unique and stable. */
export function nextTabGroupNumber(pageLocals: object): number {
	const next = (tabGroupsRendered.get(pageLocals) ?? 0) + 1;
	tabGroupsRendered.set(pageLocals, next);
	return next;
}
