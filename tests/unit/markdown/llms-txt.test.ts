import { describe, expect, it } from 'vitest';
import { formatLlmsFull, formatLlmsTxt, type LlmsTxtInput } from '../../../src/markdown/llms-txt.ts';

const INPUT: LlmsTxtInput = {
	title: 'Supply Chain Academy',
	summary: 'Guides on Wolfi and minimal images.',
	notes: ['Every guide is also published as Markdown.', 'Guides are licensed CC BY 4.0.'],
	sections: [
		{
			title: 'Open source',
			links: [
				{ title: 'What is Wolfi?', url: 'https://academy.test/open-source/wolfi/overview.md', description: 'The undistro.' },
				{ title: 'apk', url: 'https://academy.test/open-source/wolfi/apk.md' },
			],
		},
		{ title: 'Empty', links: [] },
		{
			title: 'Container images',
			links: [{ title: 'Non-root users', url: 'https://academy.test/ci/non-root.md', description: 'uid 65532.' }],
		},
	],
	optional: [{ title: 'All guides in one file', url: 'https://academy.test/llms-full.txt', description: 'everything' }],
};

/**
 * The reference parser of the llms.txt convention (AnswerDotAI/llms-txt, llms_txt/miniparse.py), in TypeScript: the
 * title, the one-line summary, the notes, and each h2 section as its list of links.
 */
function parseLlmsTxt(text: string) {
	const [start, ...rest] = text.split(/^##\s*(.*?)$/m);
	const sections: Record<string, { title: string; url: string; desc: string | undefined }[]> = {};
	for (let index = 0; index < rest.length; index += 2) {
		sections[rest[index]!] = rest[index + 1]!.trim()
			.split(/\n+/)
			.filter((line) => line.trim())
			.map((line) => {
				const match = /-\s*\[(?<title>[^\]]+)\]\((?<url>[^)]+)\)(?::\s*(?<desc>.*))?/.exec(line);
				if (!match) throw new Error(`Not a file list line: ${line}`);
				return { title: match.groups!.title!, url: match.groups!.url!, desc: match.groups!.desc };
			});
	}
	const head = /^#\s*(?<title>.+?)$\n+(?:^>\s*(?<summary>.+?)$)?\n+(?<info>.*)/ms.exec(start!.trim());
	const { title, summary, info } = head!.groups!;
	return { title, summary, info, sections };
}

describe('formatLlmsTxt', () => {
	const text = formatLlmsTxt(INPUT);

	it('follows the convention: h1, blockquote summary, notes, h2 file lists, Optional last', () => {
		expect(text).toBe(
			[
				'# Supply Chain Academy',
				'',
				'> Guides on Wolfi and minimal images.',
				'',
				'Every guide is also published as Markdown.',
				'',
				'Guides are licensed CC BY 4.0.',
				'',
				'## Open source',
				'',
				'- [What is Wolfi?](https://academy.test/open-source/wolfi/overview.md): The undistro.',
				'- [apk](https://academy.test/open-source/wolfi/apk.md)',
				'',
				'## Container images',
				'',
				'- [Non-root users](https://academy.test/ci/non-root.md): uid 65532.',
				'',
				'## Optional',
				'',
				'- [All guides in one file](https://academy.test/llms-full.txt): everything',
				'',
			].join('\n'),
		);
	});

	it('is read back by the reference parser with every section and link', () => {
		const parsed = parseLlmsTxt(text);
		expect(parsed.title).toBe('Supply Chain Academy');
		expect(parsed.summary).toBe('Guides on Wolfi and minimal images.');
		expect(parsed.info).toContain('Guides are licensed CC BY 4.0.');
		expect(Object.keys(parsed.sections)).toEqual(['Open source', 'Container images', 'Optional']);
		expect(parsed.sections['Open source']).toEqual([
			{ title: 'What is Wolfi?', url: 'https://academy.test/open-source/wolfi/overview.md', desc: 'The undistro.' },
			{ title: 'apk', url: 'https://academy.test/open-source/wolfi/apk.md', desc: undefined },
		]);
	});

	it('escapes Markdown in titles and descriptions, which come from content', () => {
		const escaped = formatLlmsTxt({
			...INPUT,
			sections: [
				{ title: 'S', links: [{ title: 'A [draft] *star*', url: 'https://academy.test/a.md', description: '<b>bold</b>' }] },
			],
		});
		expect(escaped).toContain('- [A \\[draft\\] \\*star\\*](https://academy.test/a.md): \\<b>bold\\</b>');
	});
});

describe('formatLlmsFull', () => {
	it('puts the title and summary first, then each twin as given, separated by a blank line', () => {
		const text = formatLlmsFull('Academy', 'Summary.', ['# One\n\nFirst.\n', '# Two\n\nSecond.\n']);
		expect(text).toBe('# Academy\n\n> Summary.\n\n# One\n\nFirst.\n\n# Two\n\nSecond.\n');
	});
});
