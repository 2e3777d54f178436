/** A heading as Astro reports it for a rendered page. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** An entry of the table of contents with its nested subheadings. */
export interface TocItem extends Heading {
	children: TocItem[];
}

/**
 * Nest headings between `minDepth` and `maxDepth` into a tree.
 *
 * A heading that skips a level (h2 → h4) is attached to the nearest shallower heading rather than dropped,
 * so nothing the author wrote disappears from the table of contents.
 */
export function buildToc(headings: readonly Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
	const root: TocItem[] = [];
	const stack: TocItem[] = [];
	for (const heading of headings) {
		// The footnotes heading is generated and visually hidden; it is not part of the guide's outline.
		if (heading.depth < minDepth || heading.depth > maxDepth || heading.slug === 'footnote-label') continue;
		const item: TocItem = { ...heading, children: [] };
		while (stack.length > 0 && stack.at(-1)!.depth >= item.depth) stack.pop();
		(stack.at(-1)?.children ?? root).push(item);
		stack.push(item);
	}
	return root;
}
