import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/runner.ts';
import { FIXTURE_NOW, FIXTURE_ROOT, linesFor } from './helpers.ts';

// cspell loads its dictionaries on first use, which takes seconds on a busy machine.
const CSPELL_TIMEOUT = 60_000;

describe('spelling', () => {
	it(
		'warns about unknown words in prose and the title, never in code, with a suggestion',
		async () => {
			const files = ['spelling/pass.mdx', 'spelling/fail.mdx'];
			const { problems } = await runChecks({
				root: FIXTURE_ROOT,
				now: FIXTURE_NOW,
				files: files.map((file) => `${FIXTURE_ROOT}content/docs/${file}`),
			});
			expect(linesFor(problems, 'spelling/pass.mdx')).toEqual([]);
			expect(linesFor(problems, 'spelling/fail.mdx')).toEqual([
				'content/docs/spelling/fail.mdx:2:8  spelling  Unknown word "Speling".  (Did you mean "spelling"? If the word is right, add it to project-words.txt.)',
				'content/docs/spelling/fail.mdx:11:5  spelling  Unknown word "packge".  (Did you mean "package"? If the word is right, add it to project-words.txt.)',
			]);
			expect(problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
		},
		CSPELL_TIMEOUT,
	);
});
