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
		line(line) {
			// In a diff, the leading + or - marks the change; keep it out of text selections, as a diff viewer does.
			if (this.options.lang !== 'diff') return;
			const first = line.children[0];
			const text = first?.type === 'element' ? first.children[0] : undefined;
			if (first?.type !== 'element' || text?.type !== 'text' || !/^[+-]/.test(text.value)) return;
			const marker = text.value[0]!;
			text.value = text.value.slice(1);
			first.children.unshift({
				type: 'element',
				tagName: 'span',
				properties: { className: ['diff-marker'], ariaHidden: 'true' },
				children: [{ type: 'text', value: marker }],
			});
		},
		root(root) {
			const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
			if (!pre) return;
			const lang = this.options.lang;
			const isOutput = OUTPUT_LANGUAGES.has(lang);
			const title = parseCodeTitle(this.options.meta?.__raw);
			// The site's styles key on `astro-code`, the class Astro's own highlighter gives code blocks.
			pre.properties.class = 'astro-code astro-code-themes';
			pre.properties.tabindex = '0';
			pre.properties.dataLanguage = lang;
			if (isOutput) {
				pre.properties.ariaLabel = 'Command output';
			}
			const children: ElementContent[] = [];
			if (title) {
				children.push({
					type: 'element',
					tagName: 'figcaption',
					properties: { className: ['code-title'] },
					children: [{ type: 'text', value: title }],
				});
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
			root.children = [
				{ type: 'element', tagName: 'figure', properties: { className: figureClasses, dataLanguage: lang }, children },
			];
		},
	};
}
