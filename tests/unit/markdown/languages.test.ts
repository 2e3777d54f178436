import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/lib/compare.ts';
import { grammarsByName, grammarsFor, loadCodeLanguages } from '../../../src/markdown/languages.ts';

const grammars = grammarsByName(await loadCodeLanguages());
const names = (language: string) => grammarsFor(language, grammars).map((grammar) => grammar.name);

describe('grammars of one code language', () => {
	it('finds a grammar by its alias as by its name', () => {
		expect(names('ts')).toEqual(names('typescript'));
		expect(names('ts')).toContain('typescript');
		expect(names('sh')).toEqual(names('bash'));
	});

	it('holds a language and the languages it always embeds, and nothing else', () => {
		expect(names('yaml')).toEqual(['yaml']);
		const php = names('php');
		expect(php).toContain('php');
		expect(php).toContain('html');
		expect(php).not.toContain('python');
	});

	it('gives Markdown the site languages its code fences may use, all of them loaded grammars', () => {
		const markdown = names('markdown');
		expect(markdown).toEqual(expect.arrayContaining(['markdown', 'shellscript', 'yaml', 'python']));
		expect(markdown.filter((name) => !grammars.has(name))).toEqual([]);
	});

	it('is the same sorted set whatever was asked before', () => {
		const first = names('astro');
		names('php');
		names('markdown');
		expect(names('astro')).toEqual(first);
		expect(first).toEqual([...first].sort(compareText));
	});

	it('is empty for a language the site does not highlight', () => {
		expect(grammarsFor('cobol', grammars)).toEqual([]);
	});
});
