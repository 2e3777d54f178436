import type { ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';

/** Code block languages that show what a command printed rather than something to type. */
const OUTPUT_LANGUAGES = new Set(['output']);

/** Read `title="…"` (or `title='…'`) from a code fence's meta string. */
export function parseCodeTitle(meta: string | undefined): string | undefined {
	const match = meta?.match(/(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/);
	return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Wrap every highlighted block in a figure with its optional title and a copy button.
 *
 * The button is rendered hidden and revealed by the copy script, so readers without JavaScript never see a
 * control that does nothing. Output blocks get no button: there is nothing to paste into a terminal.
 */
export function codeBlockFrame(): ShikiTransformer {
	return {
		name: 'academy-code-frame',
		root(root) {
			const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
			if (!pre) return;
			const lang = this.options.lang;
			const isOutput = OUTPUT_LANGUAGES.has(lang);
			const title = parseCodeTitle(this.options.meta?.__raw);
			pre.properties.tabindex = '0';
			pre.properties.dataLanguage = lang;
			if (isOutput) {
				pre.properties.ariaLabel = 'Command output';
			}
			const children: ElementContent[] = [];
			if (title) {
				children.push({ type: 'element', tagName: 'figcaption', properties: { className: ['code-title'] }, children: [{ type: 'text', value: title }] });
			}
			children.push(pre);
			if (!isOutput) {
				children.push({
					type: 'element',
					tagName: 'button',
					properties: { type: 'button', className: ['copy-button'], hidden: true, dataCopy: '', ariaLabel: 'Copy code' },
					children: [{ type: 'text', value: 'Copy' }],
				});
			}
			const figureClasses = ['code-block', isOutput ? 'is-output' : 'is-code', title ? 'has-title' : 'no-title'];
			root.children = [{ type: 'element', tagName: 'figure', properties: { className: figureClasses, dataLanguage: lang }, children }];
		},
	};
}
