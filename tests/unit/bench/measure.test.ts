import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	cpuSeconds,
	folderStats,
	parentPid,
	parseTimeReport,
	phaseLines,
	plainText,
	processTree,
	renderTimeByRoute,
	residentKb,
	treeCpuSeconds,
	watchTreeRss,
} from '../../../scripts/bench/measure.ts';

const report = `	Command being timed: "node node_modules/astro/bin/astro.mjs build"
	User time (seconds): 36.47
	System time (seconds): 8.74
	Percent of CPU this job got: 44%
	Maximum resident set size (kbytes): 1519392
	Exit status: 0`;

describe('build measurements', () => {
	it('reads peak memory and CPU time from a GNU time report', () => {
		expect(parseTimeReport(report)).toEqual({ maxRssKb: 1519392, userSeconds: 36.47, systemSeconds: 8.74 });
		expect(() => parseTimeReport('Command exited with non-zero status 1')).toThrow('no "Maximum resident set size');
	});

	it('adds up Astro per-page render times by first URL segment, slowest first', () => {
		const lines = [
			'  ├─ /open-source/wolfi/article-0001/index.html (+14ms)',
			'  ├─ /open-source/apko/article-0007/index.html (+1.5s)',
			'  └─ /tags/wolfi/index.html (+6ms)',
			'  ├─ /index.html (+40ms)',
			'  ├─ /open-source/wolfi/article-0004/index.html (restored)',
			'22:37:11 [build] Building static entrypoints...',
		].map((text, ms) => ({ ms, text }));
		expect(renderTimeByRoute(lines)).toEqual([
			{ route: '/open-source/', pages: 2, ms: 1514 },
			{ route: '/', pages: 1, ms: 40 },
			{ route: '/tags/', pages: 1, ms: 6 },
		]);
	});

	it('keeps phase lines, drops page lines and folds a warning repeated per file into one line with a count', () => {
		const lines = [
			'22:37:10 [content] Syncing content',
			'  ├─ /index.html (+40ms)',
			'22:37:54 [WARN] [vite] directive "use astro:head-inject" in "a.mdx" may not be preserved',
			'22:37:54 [WARN] [vite] directive "use astro:head-inject" in "b.mdx" may not be preserved',
			'22:37:54 [vite] ✓ built in 43.69s',
			'plain output without a tag',
		].map((text, ms) => ({ ms, text }));
		expect(phaseLines(lines)).toEqual([
			{ ms: 0, text: '22:37:10 [content] Syncing content' },
			{ ms: 2, text: '22:37:54 [WARN] [vite] directive "use astro:head-inject" in "a.mdx" may not be preserved (×2)' },
			{ ms: 4, text: '22:37:54 [vite] ✓ built in 43.69s' },
		]);
	});

	it('strips colour codes from log lines', () => {
		expect(plainText('\u001b[2m22:37:10\u001b[22m \u001b[34m[build]\u001b[39m done')).toBe('22:37:10 [build] done');
	});

	const folder = mkdtempSync(join(tmpdir(), 'bench-stats-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('counts HTML pages and bytes of every file in a folder tree', () => {
		mkdirSync(join(folder, 'guide'));
		writeFileSync(join(folder, 'index.html'), '12345');
		writeFileSync(join(folder, 'guide/index.html'), '123');
		writeFileSync(join(folder, 'guide/style.css'), '12');
		expect(folderStats(folder)).toEqual({ htmlPages: 2, bytes: 10 });
	});
});

describe('memory of a process tree', () => {
	it('reads the parent pid from /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
		expect(parentPid('4242 (node) S 4200 4242 4200 0 -1 4194560 95 0 0 0')).toBe(4200);
		expect(parentPid('77 (pagefind (x) y) R 4242 77 4200 0 -1')).toBe(4242);
	});

	it('reads user + system CPU seconds from /proc/<pid>/stat, and sums them over a process tree', () => {
		// Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime.
		expect(cpuSeconds('77 (pagefind (x) y) R 4242 77 4200 0 -1 4194560 95 0 0 0 250 50 0 0')).toBe(3);
		const own = process.cpuUsage();
		// This process has no children, so its tree is itself; /proc counts in 10 ms ticks.
		expect(treeCpuSeconds([process.pid])).toBeCloseTo((own.user + own.system) / 1e6, 1);
	});

	it('reads resident memory in kB from /proc/<pid>/status, and 0 when there is none', () => {
		const status =
			'Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t  100000 kB\nRssFile:\t   23000 kB\nRssShmem:\t     456 kB\nThreads:\t11\n';
		expect(residentKb(status), 'without smaps_rollup, the resident set').toBe(123456);
		expect(residentKb(status, 'Rss:  123456 kB\nPss_Anon:  100000 kB\n'), 'anonymous pages shared with nobody').toBe(123456);
		expect(residentKb('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
	});

	it("counts the anonymous pages a forked child shares with its parent by the child's share, so they are not counted twice", () => {
		// A build of 1.2 GB that forks to spawn a command: until the exec, the child maps the same anonymous pages.
		const forkedChild =
			'Name:\tMainThread\nVmRSS:\t 1200000 kB\nRssAnon:\t 1150000 kB\nRssFile:\t   50000 kB\nRssShmem:\t       0 kB\n';
		expect(residentKb(forkedChild, 'Rss: 1200000 kB\nPss_Anon:  575000 kB\n')).toBe(625000);
	});

	it('collects a process and all its descendants, and nothing else', () => {
		const parents = new Map([
			[10, 1],
			[11, 10],
			[12, 11],
			[13, 10],
			[20, 1],
			[21, 20],
		]);
		expect(processTree(10, parents).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
		expect(processTree(99, parents)).toEqual([99]);
	});

	it('measures this process: the peak is at least its resident memory', async () => {
		const watch = watchTreeRss(process.pid, 10);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(watch.stop()).toBeGreaterThanOrEqual(process.memoryUsage().rss / 1024 / 2);
	});
});
