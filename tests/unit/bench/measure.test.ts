import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderStats, parseTimeReport, phaseLines, plainText, renderTimeByRoute } from '../../../scripts/bench/measure.ts';

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
