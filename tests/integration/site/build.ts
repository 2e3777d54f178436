import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyProject } from '../../../scripts/bench/project.ts';
import { buildCacheDir } from '../../../src/lib/content-cache.ts';

/** Outcome of one production build of the site. */
export interface BuildResult {
	code: number | null;
	output: string;
	outDir: string;
	/** Delete the build's folder (output, cache and project copy); call it once the test has read the output. */
	remove(): void;
}

/** How a test build differs from a plain one besides its environment. */
export interface BuildOptions {
	/**
	 * Start from the content caches of the site's own build (`npm test` builds it first): compiled MDX modules,
	 * highlighted code blocks, social cards, Markdown twins, gzipped files, inline-code hashes, the search index and the
	 * link check's last pass. Each entry is filed under a hash of everything that shapes it (the search index under a
	 * hash of all built HTML, the link check's pages under a hash of each page, an MDX module under its path in the
	 * project and its source), so this only skips work; the fresh-cache build of the reproducibility test leaves it off.
	 */
	reuseContentCaches?: boolean;
	timeoutMs?: number;
}

/**
 * Caches of pure results (same input, same bytes) under the build's cache folder; Astro's own caches are not. A build
 * whose HTML matches dist/ byte for byte copies dist/'s search index, and the link check reads again only the pages
 * whose HTML differs from dist/'s (and the pages linking to what changed in them).
 */
const CONTENT_CACHES = [
	'academy-mdx',
	'academy-highlight',
	'academy-social-cards',
	'academy-twins',
	'academy-gzip',
	'academy-csp',
	'academy-pagefind',
	'academy-link-check',
];

/** The repository's git folder, so a copy of the project reads the same commit dates; undefined outside a checkout. */
function gitDir(): string | undefined {
	try {
		return execFileSync('git', ['rev-parse', '--absolute-git-dir'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		return undefined;
	}
}

/**
 * Build the site from a private copy of the project with extra environment, into a fresh folder with its own cache.
 *
 * Each build has its own root, so builds can run side by side: Astro writes `.astro/` and Vite `node_modules/.vite/`
 * under the root, and the developer's own `.astro/` is never touched. The copy reads the repository's history, so
 * pages carry the same "last updated" dates as `dist/`.
 */
export function buildSite(env: Record<string, string>, options: BuildOptions = {}): Promise<BuildResult> {
	const work = mkdtempSync(join(tmpdir(), 'academy-build-'));
	const root = join(work, 'project');
	const outDir = join(work, 'dist');
	const cacheDir = join(work, 'cache');
	copyProject(resolve('.'), root);
	for (const name of options.reuseContentCaches ? CONTENT_CACHES : []) {
		if (existsSync(buildCacheDir(name))) cpSync(buildCacheDir(name), join(cacheDir, name), { recursive: true });
	}
	const git = gitDir();
	return new Promise((done, reject) => {
		const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
			cwd: root,
			env: {
				...process.env,
				...(git ? { GIT_DIR: git, GIT_WORK_TREE: root } : {}),
				...env,
				ACADEMY_CACHE_DIR: cacheDir,
				ASTRO_TELEMETRY_DISABLED: '1',
				FORCE_COLOR: '0',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			// The project copy is only the build's input; drop it now so a failed test leaves less behind.
			rmSync(root, { recursive: true, force: true });
			done({ code, output, outDir, remove: () => rmSync(work, { recursive: true, force: true }) });
		});
	});
}
