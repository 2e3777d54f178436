import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGitLog, readGitDates } from '../../../src/lib/git-dates.ts';

describe('git dates', () => {
	it('keeps the newest commit time of each file from one log', () => {
		const dates = parseGitLog('t:200\n\ncontent/docs/a.mdx\n\nt:100\n\ncontent/docs/a.mdx\ncontent/docs/b.mdx\n');
		expect(dates.get('content/docs/a.mdx')?.getTime()).toBe(200_000);
		expect(dates.get('content/docs/b.mdx')?.getTime()).toBe(100_000);
	});

	const repo = mkdtempSync(join(tmpdir(), 'academy-git-'));
	afterAll(() => rmSync(repo, { recursive: true, force: true }));

	it('reads real commit dates of a folder with one git call', () => {
		const git = (args: string[], date: string) =>
			execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
		git(['init', '-q'], '2026-01-01T00:00:00Z');
		mkdirSync(join(repo, 'docs'));
		writeFileSync(join(repo, 'docs/a.mdx'), 'one');
		writeFileSync(join(repo, 'docs/b.mdx'), 'one');
		git(['add', '.'], '2026-01-01T00:00:00Z');
		git(['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'first'], '2026-01-01T00:00:00Z');
		writeFileSync(join(repo, 'docs/a.mdx'), 'two');
		git(['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qam', 'second'], '2026-03-05T12:00:00Z');
		const dates = readGitDates('docs', repo);
		expect(dates.get('docs/a.mdx')?.toISOString()).toBe('2026-03-05T12:00:00.000Z');
		expect(dates.get('docs/b.mdx')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
	});

	it('returns an empty map outside a git checkout', () => {
		const plain = mkdtempSync(join(tmpdir(), 'academy-nogit-'));
		expect(readGitDates('.', plain).size).toBe(0);
		rmSync(plain, { recursive: true, force: true });
	});
});
