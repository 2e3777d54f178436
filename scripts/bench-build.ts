/**
 * Build benchmark: `npm run bench:build -- --articles 600 [--format mdx|md] [--processor satteri|unified] [--repeat] [--keep <dir>]`.
 *
 * Copies the project into a temporary folder, replaces content/docs with a synthetic corpus, runs the
 * production build there and prints wall time, pages per second, peak memory and the size of dist/.
 * The real project's dist/ and caches are never touched. Run it alone: timings on a shared machine drift.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTags } from '../src/content/tags.ts';
import { AcademyError, UsageError } from '../src/lib/errors.ts';
import { wholeNumberOption } from '../src/lib/cli-options.ts';
import { refuseNonEmptyFolders, reportFailure } from './bench/cli.ts';
import { generateCorpus } from './bench/corpus.ts';
import { buildEnv, commitEverything, copyProject, removeGuideReferences, writeCorpus } from './bench/project.ts';
import {
	folderStats,
	lastLines,
	loadAverage,
	phaseLines,
	renderTimeByRoute,
	runTimedNode,
	writeBuildLog,
	type BuildRun,
} from './bench/measure.ts';
import { selfTimeByPart, timeByActivity, type CpuProfile, type ProfileShare } from './bench/profile.ts';

const PROCESSORS = ['satteri', 'unified'] as const;
type Processor = (typeof PROCESSORS)[number];

/** Astro's command line entry (package.json "bin"), run with this Node rather than through npx. */
const ASTRO_CLI = 'node_modules/astro/bin/astro.mjs';

/** Config that swaps Sätteri for unified; the default processor is whatever astro.config.mjs sets. */
const UNIFIED_CONFIG = 'scripts/bench/astro.unified.config.mjs';

interface BenchOptions {
	articles: number;
	processor: Processor;
	repeat: boolean;
	keep: string | undefined;
	workdir: string | undefined;
	cpuProf: string | undefined;
	format: 'mdx' | 'md';
}

/** One measured build, ready to print. */
interface RunFigures {
	label: string;
	load: string;
	run: BuildRun;
	htmlPages: number;
	distBytes: number;
}

/** Read and check the command line; every mistake names the flag and a working example. */
function readOptions(): BenchOptions {
	const { values } = parseArgs({
		options: {
			articles: { type: 'string', default: '600' },
			processor: { type: 'string', default: 'satteri' },
			repeat: { type: 'boolean', default: false },
			keep: { type: 'string' },
			workdir: { type: 'string' },
			'cpu-prof': { type: 'string' },
			format: { type: 'string', default: 'mdx' },
		},
	});
	const articles = wholeNumberOption('--articles', values.articles, { min: 1 }, 'For example: --articles 600.');
	if (!(PROCESSORS as readonly string[]).includes(values.processor)) {
		throw new UsageError(
			`--processor must be one of ${PROCESSORS.join(', ')}, got "${values.processor}".`,
			'For example: --processor satteri.',
		);
	}
	refuseNonEmptyFolders({ '--keep': values.keep, '--workdir': values.workdir });
	if (values.format !== 'mdx' && values.format !== 'md') {
		throw new UsageError(`--format must be mdx or md, got "${values.format}".`, 'For example: --format md.');
	}
	return {
		format: values.format,
		articles,
		processor: values.processor as Processor,
		repeat: values.repeat,
		keep: values.keep && resolve(values.keep),
		workdir: values.workdir && resolve(values.workdir),
		cpuProf: values['cpu-prof'] && resolve(values['cpu-prof']),
	};
}

/** Check that the copy builds with the processor asked for, before spending a minute on the build. */
function checkProcessor(project: string, processor: Processor): void {
	if (processor === 'satteri' && !readFileSync(join(project, 'astro.config.mjs'), 'utf8').includes('satteri(')) {
		throw new AcademyError(
			'astro.config.mjs does not set a satteri() processor, so "--processor satteri" would measure something else.',
			'Measure the unified processor with --processor unified, or restore satteri() in astro.config.mjs.',
		);
	}
	if (processor === 'unified' && !existsSync(join(project, 'node_modules/@astrojs/markdown-remark'))) {
		throw new AcademyError('--processor unified needs @astrojs/markdown-remark.', 'Run "npm ci" (it is a devDependency).');
	}
}

/** Build the copy once and collect its figures; a failed build stops the benchmark and keeps the copy to inspect. */
async function measureBuild(project: string, label: string, options: BenchOptions): Promise<RunFigures> {
	const load = loadAverage();
	console.log(`\n▶ ${label} build (load average ${load})`);
	const nodeFlags = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(options.cpuProf, label)}`] : [];
	const configFlags = options.processor === 'unified' ? ['--config', UNIFIED_CONFIG] : [];
	const run = await runTimedNode(
		[...nodeFlags, ASTRO_CLI, 'build', ...configFlags],
		project,
		join(project, `time-${label}.txt`),
		buildEnv(),
	);
	writeBuildLog(join(project, `build-${label}.log`), run.lines);
	if (run.exitCode !== 0) {
		throw new AcademyError(
			`The ${label} build failed with exit code ${run.exitCode}. Last lines:\n${lastLines(run.lines, 40)}`,
			`The copy is kept in ${project}: build it there to see the whole output.`,
		);
	}
	const { htmlPages, bytes } = folderStats(join(project, 'dist'));
	return { label, load, run, htmlPages, distBytes: bytes };
}

/** Print where the time went: Astro's phase lines with our timestamps, then render time per route. */
function printTimeline(figures: RunFigures): void {
	console.log(`\n${figures.label} build timeline (seconds since start):`);
	for (const { ms, text } of phaseLines(figures.run.lines))
		console.log(`  ${(ms / 1000).toFixed(1).padStart(6)}  ${text.trim()}`);
	const routes = renderTimeByRoute(figures.run.lines);
	if (routes.length === 0) return;
	console.log('  render time by route (sum of Astro per-page times):');
	for (const { route, pages, ms } of routes) {
		console.log(
			`    ${route.padEnd(28)} ${String(pages).padStart(5)} pages  ${(ms / 1000).toFixed(1).padStart(6)} s  ${(ms / pages).toFixed(1)} ms/page`,
		);
	}
}

/** Print where the time of one build went: by activity (code on the stack), then by package (self time). */
function printProfileSummary(folder: string, label: string): void {
	const profiles = readdirSync(folder)
		.filter((name) => name.endsWith('.cpuprofile'))
		.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as CpuProfile);
	const print = (title: string, shares: ProfileShare[]) => {
		const total = shares.reduce((sum, share) => sum + share.ms, 0);
		console.log(`\n${label} build, ${title} (${profiles.length} profile(s), ${(total / 1000).toFixed(1)} s sampled):`);
		for (const { part, ms } of shares.slice(0, 14)) {
			console.log(
				`  ${part.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${((100 * ms) / total).toFixed(1).padStart(5)} %`,
			);
		}
	};
	print('time by activity', timeByActivity(profiles));
	print('self time by package', selfTimeByPart(profiles));
}

/** The figures table: one row per build. */
function printTable(options: BenchOptions, corpusFiles: number, runs: readonly RunFigures[]): void {
	console.log(`\nCorpus: ${options.articles} articles (${corpusFiles} .${options.format} files), processor ${options.processor}`);
	const header = ['build', 'wall s', 'cpu s', 'cpu %', 'pages', 'pages/s', 'peak RSS MB', 'tree MB', 'dist MB', 'load 1/5/15'];
	const rows = runs.map(({ label, load, run, htmlPages, distBytes }) => [
		label,
		(run.wallMs / 1000).toFixed(1),
		(run.userSeconds + run.systemSeconds).toFixed(1),
		// Above 100 % the build used both cores; well below it, other jobs took the CPU and wall time is inflated.
		((100 * (run.userSeconds + run.systemSeconds)) / (run.wallMs / 1000)).toFixed(0),
		String(htmlPages),
		(htmlPages / (run.wallMs / 1000)).toFixed(1),
		(run.maxRssKb / 1024).toFixed(0),
		// The build and every process it started (Pagefind's indexer), summed at the same moment.
		(run.peakTreeRssKb / 1024).toFixed(0),
		(distBytes / 1024 / 1024).toFixed(1),
		load,
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
	for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
}

async function main(): Promise<void> {
	const options = readOptions();
	const root = process.cwd();
	const files = generateCorpus({
		format: options.format,
		articles: options.articles,
		tags: loadTags(join(root, 'content/tags.yaml')).map((tag) => tag.id),
	});
	const project = options.workdir ?? mkdtempSync(join(tmpdir(), 'academy-bench-'));
	mkdirSync(project, { recursive: true });
	console.log(`Copying the project to ${project} with ${files.length} generated files in content/docs.`);
	copyProject(root, project);
	checkProcessor(project, options.processor);
	writeCorpus(join(project, 'content/docs'), files);
	const overviews = removeGuideReferences(project);
	if (overviews > 0)
		console.log(
			`Removed ${overviews} image overviews and the learning paths from the copy: they name real guides, which the corpus replaces.`,
		);
	commitEverything(project);
	if (options.keep) {
		cpSync(join(project, 'content/docs'), options.keep, { recursive: true });
		console.log(`Kept the corpus in ${options.keep}.`);
	}

	const runs = [await measureBuild(project, 'cold', options)];
	if (options.repeat) runs.push(await measureBuild(project, 'warm', options));
	for (const figures of runs) printTimeline(figures);
	printTable(options, files.length, runs);
	if (options.cpuProf) {
		for (const { label } of runs) printProfileSummary(join(options.cpuProf, label), label);
		console.log(`CPU profiles: ${options.cpuProf} (open in Chrome DevTools or speedscope).`);
	}

	if (options.workdir) console.log(`The copy stays in ${project}.`);
	else rmSync(project, { recursive: true, force: true });
}

main().catch(reportFailure);
