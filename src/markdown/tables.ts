import type { HastPluginDefinition } from 'satteri';

/**
 * Wrap each table in a focusable scroll container, so a wide table scrolls on a phone instead of widening the
 * page, and keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function scrollableTables(): HastPluginDefinition {
	return {
		name: 'academy-scrollable-tables',
		element: {
			filter: ['table'],
			visit(node, ctx) {
				ctx.wrapNode(node, {
					type: 'element',
					tagName: 'div',
					properties: { className: ['table-scroll'], tabIndex: 0 },
					children: [],
				});
			},
		},
	};
}
