import { transformerMetaHighlight, transformerNotationDiff } from '@shikijs/transformers';
import type { HastPluginEntry } from 'satteri';
import { codeBlockFrame } from './code-blocks.ts';
import { externalLinks } from './external-links.ts';
import { headingAnchors } from './heading-anchors.ts';
import { loadCodeLanguages } from './languages.ts';
import { scrollableTables } from './tables.ts';

/** The Sätteri hast plugins every guide goes through, in order. */
export function markdownPlugins(): HastPluginEntry[] {
	return [headingAnchors(), externalLinks(), scrollableTables()];
}

/** Shiki settings for code blocks: two themes that follow the theme switch, a fixed language list, our frame. */
export async function shikiOptions() {
	return {
		// The high-contrast light theme keeps every token above 4.5:1 on our code background (WCAG AA).
		themes: { light: 'github-light-high-contrast', dark: 'github-dark' },
		defaultColor: false as const,
		langs: await loadCodeLanguages(),
		langAlias: { output: 'plaintext', text: 'plaintext', txt: 'plaintext' },
		transformers: [transformerMetaHighlight(), transformerNotationDiff(), codeBlockFrame()],
	};
}
