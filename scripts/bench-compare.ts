/**
 * Side-by-side build benchmark: `npm run bench:compare -- --articles 600 [--format mdx|md] [--keep <dir>] [--workdir <dir>]`.
 *
 * Generates the synthetic corpus once and builds it with this site, with Starlight (installed from npm into the work
 * folder, pinned version, default config) and with Hugo when `hugo` is on PATH: a cold build, a build with no change and
 * a build after editing one guide each. The builds run interleaved (all cold builds, then all no-change builds, …) so
 * that a change of load on a shared machine hits every generator alike. Prints one table with times, ratios to
 * Starlight and the peak memory of each build's whole process tree. Run it alone: timings on a shared machine drift.
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
}

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
		args: ['--destination', 'public', '--cleanDestinationDir'],
		outDir: join(project, 'public'),
		editedPath: join(project, hugoContentPath(edited.path)),
	};
}

/** Run one build; a failure stops the benchmark with the last lines and keeps the folder to inspect. */
async function measure(generator: Generator, kind: BuildKind, env: NodeJS.ProcessEnv): Promise<BuildFigures> {
	console.log(`▶ ${generator.name}: ${kind} build (load average ${loadAverage()})`);
	const label = kind.replace(' ', '-');
	const run: BuildRun = await runTimed(
		generator.command,
		generator.args,
		generator.project,
		join(generator.project, `time-${label}.txt`),
		env,
	);
	writeBuildLog(join(generator.project, `build-${label}.log`), run.lines);
	if (run.exitCode !== 0) {
		throw new Error(
			`${generator.name}: the ${kind} build failed (exit ${run.exitCode}):\n${lastLines(run.lines, 30)}\nKept in ${generator.project}.`,
		);
	}
	for (const { ms, text } of phaseLines(run.lines)) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)}  ${text.trim()}`);
	return {
		wallMs: run.wallMs,
		cpuSeconds: run.userSeconds + run.systemSeconds,
		peakTreeRssKb: run.peakTreeRssKb,
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
	const results: GeneratorResult[] = generators.map((generator) => ({ name: generator.name, builds: {} }));
	for (const kind of BUILD_KINDS) {
		if (kind === 'one edit') {
			for (const generator of generators)
				writeFileSync(generator.editedPath, editedContent(readFileSync(generator.editedPath, 'utf8')));
		}
		for (const [index, generator] of generators.entries()) results[index]!.builds[kind] = await measure(generator, kind, env);
	}
	if (!hugoVersion) results.push({ name: 'Hugo', builds: {}, skipped: 'no `hugo` on PATH' });

	console.log(
		`\nCorpus: ${options.articles} articles (${corpus.length} .${options.format} files); edited guide: ${edited.path}; ` +
			`load average now ${loadAverage()}`,
	);
	console.log('Times are wall seconds (CPU seconds of the build and its children); peak MB is the whole process tree.\n');
	console.log(formatCompareTable(results, generators[1]!.name));
	writeFileSync(join(work, 'results.json'), `${JSON.stringify({ options, edited: edited.path, results }, null, '\t')}\n`);

	if (options.workdir) console.log(`\nThe projects and results.json stay in ${work}.`);
	else rmSync(work, { recursive: true, force: true });
}

main().catch(reportFailure);
