import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/checks/format.ts';
import { runChecks } from '../../../src/checks/runner.ts';
import { SIDEBAR_FOLDER_LIMIT } from '../../../src/lib/sidebar-html.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';
import { FIXTURE_NOW, FIXTURE_ROOT } from './helpers.ts';

const root = temporaryFolderPerTest('academy-sidebar-rule-');

/** Write a guide under content/docs of the temporary site. */
function writeGuide(file: string, title: string, extra = ''): string {
	const path = join(root(), 'content', 'docs', file);
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(
		path,
		`---\ntitle: ${title}\ndescription: A guide of the temporary site for the sidebar rule.\n${extra}---\n\nWords.\n`,
	);
	return path;
}

/** A site whose folder `many` holds `count` guides, and a folder `few` with one. */
function writeSite(count: number): void {
	mkdirSync(join(root(), 'content'), { recursive: true });
	copyFileSync(join(FIXTURE_ROOT, 'content', 'tags.yaml'), join(root(), 'content', 'tags.yaml'));
	for (let index = 0; index < count; index++) writeGuide(`many/guide-${String(index).padStart(2, '0')}.md`, `Guide ${index}`);
	writeGuide('few/only.md', 'The only guide');
}

async function sidebarProblems(files?: string[]): Promise<string[]> {
	const { problems } = await runChecks({ root: root(), now: FIXTURE_NOW, spelling: false, files });
	return problems.filter((problem) => problem.rule === 'sidebar').map(formatProblem);
}

describe('sidebar rule', () => {
	it('fails a folder with more guides than the sidebar shows and no index page, with the fix', async () => {
		writeSite(SIDEBAR_FOLDER_LIMIT + 1);
		expect(await sidebarProblems()).toEqual([
			'content/docs/many/guide-00.md:1:1  sidebar  The folder content/docs/many/ has 41 entries, more than the 40 its sidebar shows, and no index page to list them all.  (Add content/docs/many/index.md with a title and a description: the sidebar links to it ("All … guides") for the entries it leaves out.)',
		]);
	});

	it('fails a hidden index page of such a folder at its sidebar.hidden field', async () => {
		writeSite(SIDEBAR_FOLDER_LIMIT + 1);
		writeGuide('many/index.md', 'Many guides', 'sidebar:\n  hidden: true\n');
		expect(await sidebarProblems()).toEqual([
			'content/docs/many/index.md:5:11  sidebar  The folder content/docs/many/ has 41 entries, more than the 40 its sidebar shows, and its index page is hidden from the sidebar.  (Remove sidebar.hidden: the sidebar links to this page ("All … guides") for the entries it leaves out.)',
		]);
	});

	it('passes such a folder with a visible index page, and a folder within the limit without one', async () => {
		writeSite(SIDEBAR_FOLDER_LIMIT + 1);
		writeGuide('many/index.md', 'Many guides');
		expect(await sidebarProblems()).toEqual([]);
		rmSync(join(root(), 'content', 'docs', 'many', 'index.md'));
		rmSync(join(root(), 'content', 'docs', 'many', 'guide-40.md'));
		expect(await sidebarProblems()).toEqual([]);
	});

	it('reports the folder when a file in it is checked, not when only another folder is', async () => {
		writeSite(SIDEBAR_FOLDER_LIMIT + 1);
		const docs = join(root(), 'content', 'docs');
		expect(await sidebarProblems([join(docs, 'few', 'only.md')])).toEqual([]);
		expect(await sidebarProblems([join(docs, 'many', 'guide-17.md')])).toHaveLength(1);
	});
});
