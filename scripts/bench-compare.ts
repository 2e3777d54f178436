/**
 * Side-by-side build benchmark:
 * `npm run bench:compare -- --articles 600 [--format mdx|md] [--runs N] [--keep <dir>] [--workdir <dir>]`.
 *
 * Generates the synthetic corpus once and builds it with this site, with Starlight (installed from npm into the work
 * folder, pinned version, default config) and with Hugo when `hugo` is on PATH: a cold build, a build with no change and
 * a build after editing one guide each. The builds run interleaved (all cold builds, then all no-change builds, …) so
 * that a change of load on a shared machine hits every generator alike. Prints one table with times, ratios to
 * Starlight and the peak memory of each build's whole process tree. With `--runs N` it does all of that N times, each
 * run from cold again (outputs and caches deleted, the edited guide restored), and prints one table per run. Run it
 * alone: timings on a shared machine drift.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadTags } from '../src/content/tags.ts';
import {
	BUILD_KINDS,
	STARLIGHT_VERSION,
	editedContent,
	formatCompareTable,
	guideToEdit,
	hugoContentPath,
	hugoProject,
	parseCompareArgs,
	starlightContentPath,
	starlightProject,
	type BuildFigures,
	type BuildKind,
	type GeneratorResult,
	type ProjectFile,
} from './bench/compare.ts';
import { refuseNonEmptyFolders, reportFailure } from './bench/cli.ts';
import { generateCorpus, type CorpusFile } from './bench/corpus.ts';
import { folderStats, lastLines, loadAverage, phaseLines, runTimed, writeBuildLog, type BuildRun } from './bench/measure.ts';
import { buildEnv, commitEverything, copyProject, removeGuideReferences, writeCorpus } from './bench/project.ts';

/** Astro's command line entry (package.json "bin"), run with this Node rather than through npx. */
const ASTRO_CLI = 'node_modules/astro/bin/astro.mjs';

/** One generator under test: where its project is, how to build it, where its pages land. */
interface Generator {
	name: string;
	project: string;
	command: string;
	args: string[];
	outDir: string;
	/** Path of the edited guide inside the project. */
	editedPath: string;
	/** Output and cache folders, relative to the project, deleted before a cold build of a later run. */
	coldPaths: string[];
}

/** What an Astro project writes between builds: its output, the content store and Astro's and Vite's caches. */
const ASTRO_COLD_PATHS = ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.vite-temp'];

/** Write a generated project's files under `root`. */
function writeProject(root: string, files: readonly ProjectFile[]): void {
	for (const file of files) {
		const path = join(root, file.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, file.content);
	}
}

/** This site, in a copy whose content/docs is the corpus (see bench:build). */
function prepareSite(root: string, work: string, corpus: readonly CorpusFile[], edited: CorpusFile): Generator {
	const project = join(work, 'site');
	copyProject(root, project);
	writeCorpus(join(project, 'content/docs'), corpus);
	removeGuideReferences(project);
	commitEverything(project);
	return {
		name: 'this site',
		project,
		command: process.execPath,
		args: [ASTRO_CLI, 'build'],
		outDir: join(project, 'dist'),
		editedPath: join(project, 'content/docs', edited.path),
		coldPaths: ASTRO_COLD_PATHS,
	};
}

/** Starlight from npm, in its own folder; installing is not timed. */
function prepareStarlight(work: string, corpus: readonly CorpusFile[], edited: CorpusFile): Generator {
	const project = join(work, 'starlight');
	writeProject(project, starlightProject(corpus));
	console.log(`Installing @astrojs/starlight@${STARLIGHT_VERSION} from npm into ${project} …`);
	const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: project,
		stdio: 'inherit',
	});
	if (install.status !== 0) {
		throw new Error(`npm install of Starlight failed (exit ${install.status}). The project is kept in ${project}.`);
	}
	return {
		name: `Starlight ${STARLIGHT_VERSION}`,
		project,
		command: process.execPath,
		args: [ASTRO_CLI, 'build'],
		outDir: join(project, 'dist'),
		editedPath: join(project, starlightContentPath(edited.path)),
		coldPaths: ASTRO_COLD_PATHS,
	};
}

/** The `hugo` on PATH and its version, or undefined when there is none. */
function findHugo(): string | undefined {
	const probe = spawnSync('hugo', ['version'], { encoding: 'utf8' });
	if (probe.status !== 0) return undefined;
	return /v(\d+\.\d+\.\d+)/.exec(probe.stdout)?.[1] ?? 'unknown version';
}

/** Hugo with a minimal layout, in its own folder. */
function prepareHugo(work: string, version: string, corpus: readonly CorpusFile[], edited: CorpusFile): Generator {
	const project = join(work, 'hugo');
	writeProject(project, hugoProject(corpus));
	return {
		name: `Hugo ${version}`,
		project,
		command: 'hugo',
		// Hugo's cache defaults to $TMPDIR/hugo_cache, shared by every run and left behind: keep it in the project, so a
		// cold build starts without it and the temporary folder takes it away.
		args: ['--destination', 'public', '--cleanDestinationDir', '--cacheDir', join(project, 'hugo-cache')],
		outDir: join(project, 'public'),
		editedPath: join(project, hugoContentPath(edited.path)),
		coldPaths: ['public', 'resources', 'hugo-cache'],
	};
}

/** Run one build; a failure stops the benchmark with the last lines and keeps the folder to inspect. */
async function measure(generator: Generator, kind: BuildKind, run: number, env: NodeJS.ProcessEnv): Promise<BuildFigures> {
	console.log(`▶ ${generator.name}: ${kind} build, run ${run} (load average ${loadAverage()})`);
	const label = `${kind.replace(' ', '-')}-${run}`;
	const timed: BuildRun = await runTimed(
		generator.command,
		generator.args,
		generator.project,
		join(generator.project, `time-${label}.txt`),
		env,
	);
	writeBuildLog(join(generator.project, `build-${label}.log`), timed.lines);
	if (timed.exitCode !== 0) {
		throw new Error(
			`${generator.name}: the ${kind} build failed (exit ${timed.exitCode}):\n${lastLines(timed.lines, 30)}\nKept in ${generator.project}.`,
		);
	}
	for (const { ms, text } of phaseLines(timed.lines)) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)}  ${text.trim()}`);
	return {
		wallMs: timed.wallMs,
		cpuSeconds: timed.userSeconds + timed.systemSeconds,
		peakTreeRssKb: timed.peakTreeRssKb,
		htmlPages: folderStats(generator.outDir).htmlPages,
	};
}

async function main(): Promise<void> {
	const options = parseCompareArgs(process.argv.slice(2));
	refuseNonEmptyFolders({ '--keep': options.keep, '--workdir': options.workdir });
	const root = process.cwd();
	const corpus = generateCorpus({
		articles: options.articles,
		format: options.format,
		tags: loadTags(join(root, 'content/tags.yaml')).map((tag) => tag.id),
	});
	const edited = guideToEdit(corpus);
	const work = options.workdir ? resolve(options.workdir) : mkdtempSync(join(tmpdir(), 'academy-compare-'));
	mkdirSync(work, { recursive: true });
	if (options.keep) {
		writeCorpus(resolve(options.keep), corpus);
		console.log(`Kept the corpus in ${options.keep}.`);
	}

	const generators = [prepareSite(root, work, corpus, edited), prepareStarlight(work, corpus, edited)];
	const hugoVersion = findHugo();
	if (hugoVersion) generators.push(prepareHugo(work, hugoVersion, corpus, edited));
	else console.log('Hugo: skipped, no `hugo` on PATH (Debian: apt-get install hugo).');

	const env = buildEnv();
	const original = generators.map((generator) => readFileSync(generator.editedPath, 'utf8'));
	const runs: GeneratorResult[][] = [];
	for (let run = 1; run <= options.runs; run++) {
		if (run > 1) {
			// From cold again: the first run's outputs and caches go, and the edited guide is as generated.
			for (const [index, generator] of generators.entries()) {
				for (const path of generator.coldPaths) rmSync(join(generator.project, path), { recursive: true, force: true });
				writeFileSync(generator.editedPath, original[index]!);
			}
		}
		const results: GeneratorResult[] = generators.map((generator) => ({ name: generator.name, builds: {} }));
		for (const kind of BUILD_KINDS) {
			if (kind === 'one edit') {
				for (const generator of generators)
					writeFileSync(generator.editedPath, editedContent(readFileSync(generator.editedPath, 'utf8')));
			}
			for (const [index, generator] of generators.entries())
				results[index]!.builds[kind] = await measure(generator, kind, run, env);
		}
		if (!hugoVersion) results.push({ name: 'Hugo', builds: {}, skipped: 'no `hugo` on PATH' });
		runs.push(results);
		console.log(
			`\nRun ${run} of ${options.runs}. Corpus: ${options.articles} articles (${corpus.length} .${options.format} files); ` +
				`edited guide: ${edited.path}; load average now ${loadAverage()}`,
		);
		console.log('Times are wall seconds (CPU seconds of the build and its children); peak MB is the whole process tree.\n');
		console.log(formatCompareTable(results, generators[1]!.name));
		writeFileSync(join(work, 'results.json'), `${JSON.stringify({ options, edited: edited.path, runs }, null, '\t')}\n`);
	}

	if (options.workdir) console.log(`\nThe projects and results.json stay in ${work}.`);
	else rmSync(work, { recursive: true, force: true });
}

main().catch(reportFailure);
