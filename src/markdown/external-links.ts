import type { HastPluginDefinition } from 'satteri';

/** True when a link leaves the site: an absolute http(s) URL. */
export function isExternalHref(href: string): boolean {
	return /^https?:\/\//i.test(href);
}

/** Mark external links with rel="noopener noreferrer"; they open in the same tab, as readers expect. */
export function externalLinks(): HastPluginDefinition {
	return {
		name: 'academy-external-links',
		element: {
			filter: ['a'],
			visit(node, ctx) {
				const href = node.properties?.href;
				if (typeof href === 'string' && isExternalHref(href)) ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
			},
		},
	};
}
