import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { PATHS_FILE } from '../../src/content/learning-paths.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../../src/images/snapshot.ts';
import type { CorpusFile } from './corpus.ts';

/** Top-level folders that are build output, caches or history, never part of the copy. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.astro', '.git']);

/** Caches inside node_modules that builds write (content store, incremental build, Vite); the copy keeps its own. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/**
 * Copy the project into `target` and give it a node_modules of symlinks to the project's packages.
 *
 * Symlinking each package rather than the folder keeps Astro's caches in the copy: a benchmark build must
 * neither read nor overwrite the caches of the real site's build.
 */
export function copyProject(source: string, target: string): void {
	cpSync(source, target, {
		recursive: true,
		filter: (path) => {
			const top = relative(source, path).split(sep)[0]!;
			return !NOT_COPIED.has(top);
		},
	});
	const modules = join(target, 'node_modules');
	mkdirSync(modules);
	for (const name of readdirSync(join(source, 'node_modules'))) {
		if (!PRIVATE_CACHES.has(name)) symlinkSync(join(source, 'node_modules', name), join(modules, name));
	}
}

/** Replace the copy's guides with the generated corpus. */
export function writeCorpus(contentDir: string, files: readonly CorpusFile[]): void {
	rmSync(contentDir, { recursive: true, force: true });
	for (const file of files) {
		const path = join(contentDir, file.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, file.content);
	}
}

/**
 * Remove what names the real guides, which the corpus replaces: empty the copy's learning paths (the build would
 * fail on their guides) and delete its hand-written image overviews (`content/images/*.md[x]`, the link check would
 * fail on their links). Returns how many overviews there were; image pages build from the image data alone.
 */
export function removeGuideReferences(project: string): number {
	writeFileSync(join(project, PATHS_FILE), '[]\n');
	const folder = join(project, DEFAULT_SNAPSHOT_DIR);
	if (!existsSync(folder)) return 0;
	const overviews = readdirSync(folder).filter((name) => /\.mdx?$/.test(name));
	for (const name of overviews) rmSync(join(folder, name));
	return overviews.length;
}

/** Make the copy a git repository with one commit, so pages get their "last updated" date from git as on the real site. */
export function commitEverything(folder: string): void {
	// A fixed identity and date keep the copy's history, and so the built pages, the same from run to run.
	const env = {
		...process.env,
		GIT_AUTHOR_NAME: 'academy-bench',
		GIT_AUTHOR_EMAIL: 'bench@localhost',
		GIT_COMMITTER_NAME: 'academy-bench',
		GIT_COMMITTER_EMAIL: 'bench@localhost',
		GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
		GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
	};
	const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, env, stdio: ['ignore', 'ignore', 'pipe'] });
	git('init', '--quiet', '--initial-branch=main');
	git('add', '--all');
	git('commit', '--quiet', '--no-verify', '--no-gpg-sign', '--message', 'Benchmark corpus');
}

/** The build's environment: no telemetry, and no cache folder override, so the copy's caches stay inside it. */
export function buildEnv(): NodeJS.ProcessEnv {
	const { ACADEMY_CACHE_DIR: _ignored, ...env } = process.env;
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}
