import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { escapeHtml } from './html.ts';
import { linkedImage } from './routes.ts';

/** The attribute that marks an image name shown in place of a link, for the build's one warning about them. */
export const MISSING_IMAGE_ATTRIBUTE = 'data-missing-image';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

/**
 * Rendered HTML with every link to an image page whose image is not in `available` turned into its text: the `<a>`
 * start and end tags become a `<span data-missing-image>`, and every other byte stays as it was. Returns the names
 * it met, in order, so a build can say which links it turned into text.
 */
export function degradeImageLinks(html: string, available: ReadonlySet<string>): { html: string; missing: string[] } {
	const edits: Array<{ start: number; end: number; text: string }> = [];
	const missing: string[] = [];
	const visit = (node: Node) => {
		if ('tagName' in node && node.tagName === 'a' && node.sourceCodeLocation?.startTag && node.sourceCodeLocation.endTag) {
			const href = node.attrs.find((attribute) => attribute.name === 'href')?.value;
			const name = href === undefined ? null : linkedImage(href);
			if (name !== null && !available.has(name)) {
				const { startTag, endTag } = node.sourceCodeLocation;
				edits.push(
					{
						start: startTag.startOffset,
						end: startTag.endOffset,
						text: `<span class="missing-image" ${MISSING_IMAGE_ATTRIBUTE}="${escapeHtml(name)}">`,
					},
					{ start: endTag.startOffset, end: endTag.endOffset, text: '</span>' },
				);
				missing.push(name);
			}
		}
		const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
		for (const child of children) visit(child);
	};
	visit(parseFragment(html, { sourceCodeLocationInfo: true }));
	if (edits.length === 0) return { html, missing };
	let result = html;
	for (const edit of edits.sort((a, b) => b.start - a.start)) {
		result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
	}
	return { html: result, missing };
}

/** Image names marked as shown without their link in a built page, in order. */
export function missingImagesIn(html: string): string[] {
	const names: string[] = [];
	const visit = (node: Node) => {
		if ('attrs' in node) {
			const name = node.attrs.find((attribute) => attribute.name === MISSING_IMAGE_ATTRIBUTE)?.value;
			if (name !== undefined) names.push(name);
		}
		const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
		for (const child of children) visit(child);
	};
	visit(parseFragment(html));
	return names;
}
