import type { HastPluginEntry } from 'satteri';
import type { Element } from 'hast';
import Slugger from 'github-slugger';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Headings that get an anchor link. */
export const LINKED_HEADINGS = new Set(['h2', 'h3', 'h4']);
/** Id of the heading GFM puts above footnotes. */
export const FOOTNOTE_LABEL_ID = 'footnote-label';

/** The `#` link to a heading, with a screen-reader label that search leaves out. */
export function anchorLink(id: string, headingText: string): Element {
	return {
		type: 'element',
		tagName: 'a',
		properties: { className: ['anchor-link'], href: `#${id}` },
		children: [
			{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
			{
				type: 'element',
				tagName: 'span',
				properties: { className: ['sr-only'], dataPagefindIgnore: '' },
				children: [{ type: 'text', value: `Section titled ${headingText}` }],
			},
		],
	};
}

/** The element that holds a heading and its anchor link side by side. */
export function headingWrapper(headingTag: string, children: Element[]): Element {
	return { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `level-${headingTag}`] }, children };
}

/**
 * Give every heading an id and put an anchor link after h2–h4.
 *
 * Astro's own heading-id plugin runs after user plugins, so ids are assigned here with the same slugger
 * (it keeps an existing id). The anchor sits next to the heading in a wrapper, not inside it, so the heading
 * text that feeds the table of contents and search stays clean.
 */
export function headingAnchors(): HastPluginEntry {
	return () => {
		const slugger = new Slugger();
		return {
			name: 'academy-heading-anchors',
			element: {
				filter: HEADINGS,
				visit(node, ctx) {
					const text = ctx.textContent(node);
					const existing = node.properties?.id;
					const id = typeof existing === 'string' ? existing : slugger.slug(text);
					if (typeof existing !== 'string') ctx.setProperty(node, 'id', id);
					// GFM's visually hidden "Footnotes" heading is for screen readers, not a section to link to.
					if (!LINKED_HEADINGS.has(node.tagName) || id === FOOTNOTE_LABEL_ID) return;
					// wrapNode makes the heading the wrapper's first child, followed by the anchor.
					ctx.wrapNode(node, headingWrapper(node.tagName, [anchorLink(id, text)]));
				},
			},
		};
	};
}
