import type { HastPluginEntry } from 'satteri';
import Slugger from 'github-slugger';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const LINKED_HEADINGS = new Set(['h2', 'h3', 'h4']);

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
					const existing = node.properties?.id;
					const id = typeof existing === 'string' ? existing : slugger.slug(ctx.textContent(node));
					if (typeof existing !== 'string') ctx.setProperty(node, 'id', id);
					if (!LINKED_HEADINGS.has(node.tagName)) return;
					ctx.wrapNode(node, {
						type: 'element',
						tagName: 'div',
						properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
						children: [
							{
								type: 'element',
								tagName: 'a',
								properties: { className: ['anchor-link'], href: `#${id}` },
								children: [
									{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
									{
										type: 'element',
										tagName: 'span',
										properties: { className: ['sr-only'], dataPagefindIgnore: '' },
										children: [{ type: 'text', value: `Section titled ${ctx.textContent(node)}` }],
									},
								],
							},
						],
					});
				},
			},
		};
	};
}
