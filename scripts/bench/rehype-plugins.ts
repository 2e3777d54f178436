import type { Element, ElementContent, Parents, Root } from 'hast';
import Slugger from 'github-slugger';
import { AcademyError } from '../../src/lib/errors.ts';
import { isExternalHref } from '../../src/markdown/external-links.ts';
import { FOOTNOTE_LABEL_ID, LINKED_HEADINGS, anchorLink, headingWrapper } from '../../src/markdown/heading-anchors.ts';

/*
 * rehype twins of the site's Sätteri plugins (src/markdown/), used only by the benchmark to compare
 * Sätteri with unified on equal work. They produce the same markup, so both builds write the same pages.
 */

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Concatenated text of a hast subtree. */
function textOf(node: ElementContent | Root): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' || node.type === 'root')
		return node.children.map((child) => textOf(child as ElementContent)).join('');
	return '';
}

/** Call `visit` for every element, parents before children, with the parent and index to allow replacing the node. */
function walkElements(parent: Parents, visit: (node: Element, parent: Parents, index: number) => void): void {
	parent.children.forEach((child, index) => {
		if (child.type !== 'element') return;
		visit(child, parent, index);
		walkElements(child, visit);
	});
}

/** rehype version of `headingAnchors()`: ids on every heading, an anchor link after h2–h4 in a wrapper. */
export function rehypeHeadingAnchors() {
	return (tree: Root) => {
		const slugger = new Slugger();
		walkElements(tree, (node, parent, index) => {
			if (!HEADINGS.has(node.tagName)) return;
			const existing = node.properties.id;
			const id = typeof existing === 'string' ? existing : slugger.slug(textOf(node));
			node.properties.id = id;
			if (!LINKED_HEADINGS.has(node.tagName) || id === FOOTNOTE_LABEL_ID) return;
			parent.children[index] = headingWrapper(node.tagName, [node, anchorLink(id, textOf(node))]);
		});
	};
}

/** rehype version of `externalLinks()`: rel="noopener noreferrer" on absolute http(s) links. */
export function rehypeExternalLinks() {
	return (tree: Root) => {
		walkElements(tree, (node) => {
			const href = node.properties.href;
			if (node.tagName === 'a' && typeof href === 'string' && isExternalHref(href))
				node.properties.rel = ['noopener', 'noreferrer'];
		});
	};
}

/** rehype version of `scrollableTables()`: each table inside a focusable scroll container. */
export function rehypeScrollableTables() {
	return (tree: Root) => {
		walkElements(tree, (node, parent, index) => {
			if (node.tagName !== 'table') return;
			parent.children[index] = {
				type: 'element',
				tagName: 'div',
				properties: { className: ['table-scroll'], tabIndex: 0 },
				children: [node],
			};
		});
	};
}

/** The rehype twin of each Sätteri plugin, by the plugin's name. */
/** Name of the site's highlighting plugin, whose unified counterpart is Astro's built-in shiki step. */
export const HIGHLIGHT_PLUGIN = 'academy-highlight';

const TWINS: Record<string, () => (tree: Root) => void> = {
	'academy-heading-anchors': rehypeHeadingAnchors,
	'academy-external-links': rehypeExternalLinks,
	'academy-scrollable-tables': rehypeScrollableTables,
};

/** A Sätteri plugin as astro.config.mjs lists it: a definition, or a factory that returns one. */
type SatteriPluginEntry = { name: string } | (() => { name: string });

/** The rehype twins of the site's Sätteri plugins, in the same order; fails when a plugin has no twin yet. */
export function rehypeTwinsOf(satteriPlugins: readonly SatteriPluginEntry[]): (() => (tree: Root) => void)[] {
	return satteriPlugins.flatMap((entry) => {
		const { name } = typeof entry === 'function' ? entry() : entry;
		// Code highlighting is Astro's own shiki step under unified (the unified config turns it on).
		if (name === HIGHLIGHT_PLUGIN) return [];
		const twin = TWINS[name];
		if (!twin) {
			throw new AcademyError(
				`astro.config.mjs uses the Sätteri plugin "${name}", which has no rehype twin.`,
				'Add one to scripts/bench/rehype-plugins.ts so that both processors do the same work.',
			);
		}
		return [twin];
	});
}
