import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
	REFERENCE_END,
	REFERENCE_START,
	renderFrontmatterReference,
	replaceReference,
} from '../../../src/checks/frontmatter-reference.ts';

const runCheck = (file: string) =>
	spawnSync(process.execPath, ['scripts/frontmatter-reference.ts', '--check', '--file', file], { encoding: 'utf8' });

let directory: string | undefined;
afterEach(() => {
	if (directory) rmSync(directory, { recursive: true, force: true });
});

// Each test starts a Node process; allow for a busy machine.
describe('front matter reference', { timeout: 30_000 }, () => {
	it('in CONTRIBUTING.md matches the schema', () => {
		const result = runCheck('CONTRIBUTING.md');
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	it('fails --check when the table drifted from the schema', () => {
		directory = mkdtempSync(path.join(tmpdir(), 'reference-'));
		const file = path.join(directory, 'CONTRIBUTING.md');
		writeFileSync(file, readFileSync('CONTRIBUTING.md', 'utf8').replace('| `toc`', '| `table-of-contents`'));
		const result = runCheck(file);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'the front matter reference is out of date with src/content/docs-schema.ts. Hint: run npm run docs:frontmatter.',
		);
	});

	it('lists type, default, meaning and example of every field, nested ones included', async () => {
		const schema = z.object({
			title: z.string().min(1).describe('Page title.'),
			sidebar: z
				.object({ order: z.number().int().optional().describe('Position.') })
				.default({})
				.describe('Sidebar.'),
		});
		expect((await renderFrontmatterReference(schema)).split('\n')).toEqual([
			'| Field           | Type              | Default  | Meaning     | Example                               |',
			'| --------------- | ----------------- | -------- | ----------- | ------------------------------------- |',
			'| `title`         | string, not empty | required | Page title. | `Build a package with melange`        |',
			'| `sidebar`       | object            | `{}`     | Sidebar.    | `{ order: 2, label: melange basics }` |',
			'| `sidebar.order` | integer           | none     | Position.   | `2`                                   |',
		]);
	});

	it('refuses a field without an example, and a document without markers', async () => {
		await expect(renderFrontmatterReference(z.object({ colour: z.string() }))).rejects.toThrow(
			'The front matter field "colour" has no example.',
		);
		expect(() => replaceReference('# Contributing\n', 'table')).toThrow('The markers of the front matter reference are missing.');
		expect(replaceReference(`a\n${REFERENCE_START}\nold\n${REFERENCE_END}\nb`, 'new')).toBe(
			`a\n${REFERENCE_START}\n\nnew\n\n${REFERENCE_END}\nb`,
		);
	});
});
