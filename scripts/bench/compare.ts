import { parseArgs } from 'node:util';
import { UsageError } from '../../src/lib/errors.ts';
import { wholeNumberOption } from '../../src/lib/cli-options.ts';
import type { CorpusFile } from './corpus.ts';

/** Starlight and the Astro it runs on, pinned so that runs months apart compare the same thing. */
export const STARLIGHT_VERSION = '0.42.4';
export const STARLIGHT_ASTRO_VERSION = '7.3.5';

/** The three builds measured for every generator, in the order they run. */
export const BUILD_KINDS = ['cold', 'no change', 'one edit'] as const;
export type BuildKind = (typeof BUILD_KINDS)[number];

/** What `npm run bench:compare` was asked to do. */
export interface CompareOptions {
	articles: number;
	format: 'mdx' | 'md';
	/** Folder to save the generated corpus in. */
	keep: string | undefined;
	/** Folder for the three projects, kept after the run; a temporary folder (removed) when absent. */
	workdir: string | undefined;
	/** How many times to run the three builds of every generator, each run starting cold again. */
	runs: number;
}

/** Read the command line of `bench:compare`; every mistake names the flag and a working example. */
export function parseCompareArgs(args: readonly string[]): CompareOptions {
	const { values } = parseArgs({
		args: [...args],
		options: {
			articles: { type: 'string', default: '600' },
			format: { type: 'string', default: 'mdx' },
			keep: { type: 'string' },
			workdir: { type: 'string' },
			runs: { type: 'string', default: '1' },
		},
	});
	const articles = wholeNumberOption('--articles', values.articles, { min: 1 }, 'Example: --articles 600.');
	if (values.format !== 'mdx' && values.format !== 'md') {
		throw new UsageError(`--format must be mdx or md, got "${values.format}".`, 'Example: --format md.');
	}
	const runs = wholeNumberOption('--runs', values.runs, { min: 1, max: 10 }, 'Example: --runs 3.');
	return { articles, format: values.format, keep: values.keep, workdir: values.workdir, runs };
}

/** A file of a generated project: its path inside the project and its text. */
export type ProjectFile = CorpusFile;

/**
 * A Starlight site as its starter template makes it: the default config (so the sidebar is generated from the
 * folders), the docs collection with Starlight's loader and schema, and the corpus as its content. Front matter
 * fields Starlight does not know (tags, date, authors) are stripped by its schema, as for any user.
 */
export function starlightProject(corpus: readonly CorpusFile[]): ProjectFile[] {
	const packageJson = {
		name: 'bench-starlight',
		private: true,
		type: 'module',
		dependencies: { '@astrojs/starlight': STARLIGHT_VERSION, astro: STARLIGHT_ASTRO_VERSION },
	};
	return [
		{ path: 'package.json', content: `${JSON.stringify(packageJson, null, '\t')}\n` },
		{
			path: 'astro.config.mjs',
			content: [
				"import { defineConfig } from 'astro/config';",
				"import starlight from '@astrojs/starlight';",
				'',
				"export default defineConfig({ integrations: [starlight({ title: 'Benchmark corpus' })] });",
				'',
			].join('\n'),
		},
		{
			path: 'src/content.config.ts',
			content: [
				"import { defineCollection } from 'astro:content';",
				"import { docsLoader } from '@astrojs/starlight/loaders';",
				"import { docsSchema } from '@astrojs/starlight/schema';",
				'',
				'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
				'',
			].join('\n'),
		},
		...corpus.map((file) => ({ path: starlightContentPath(file.path), content: file.content })),
	];
}

/** Where a corpus file goes in the Starlight project. */
export function starlightContentPath(corpusPath: string): string {
	return `src/content/docs/${corpusPath}`;
}

/**
 * Where a corpus file goes in the Hugo project. Hugo reads `.md`, and a folder's landing page must be `_index.md`: an
 * `index.md` would turn the folder into one page whose guides are resources.
 */
export function hugoContentPath(corpusPath: string): string {
	return `content/${corpusPath.replace(/(^|\/)index\.mdx?$/, '$1_index.md').replace(/\.mdx$/, '.md')}`;
}

/** The page shell every Hugo template shares; minimal on purpose, so the figure is Hugo's own floor. */
function hugoPage(body: string): string {
	return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><main>\n${body}\n</main></body></html>\n`;
}

/**
 * A Hugo site with the smallest layout that renders every page: the content of guides, and of landing, home and tag
 * pages with a list of their pages. Hugo's defaults stay on (Goldmark with GFM tables, task lists and footnotes,
 * Chroma highlighting, tag pages, RSS and sitemap).
 */
export function hugoProject(corpus: readonly CorpusFile[]): ProjectFile[] {
	const list = '{{ .Content }}\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>';
	return [
		{
			path: 'hugo.toml',
			content: 'baseURL = "https://bench.example/"\ntitle = "Benchmark corpus"\nlanguageCode = "en"\n',
		},
		{ path: 'layouts/_default/single.html', content: hugoPage('<h1>{{ .Title }}</h1>\n{{ .Content }}') },
		{ path: 'layouts/_default/list.html', content: hugoPage(`<h1>{{ .Title }}</h1>\n${list}`) },
		...corpus.map((file) => ({ path: hugoContentPath(file.path), content: file.content })),
	];
}

/** The guide the "one edit" build changes: the middle article, so it has neighbours in its folder. */
export function guideToEdit(corpus: readonly CorpusFile[]): CorpusFile {
	const articles = corpus.filter((file) => /\/article-\d+\.mdx?$/.test(file.path));
	const middle = articles[Math.floor(articles.length / 2)];
	if (!middle) throw new Error('The corpus has no article to edit.');
	return middle;
}

/** The edited text of a guide: one sentence added at the end, as an author fixing a typo or adding a line would. */
export function editedContent(content: string): string {
	return `${content}\nThis sentence was added by the benchmark's one-guide edit.\n`;
}

/** The figures of one build. */
export interface BuildFigures {
	wallMs: number;
	cpuSeconds: number;
	peakTreeRssKb: number;
	htmlPages: number;
}

/** A generator's line in the table: its builds, or why it was skipped. */
export interface GeneratorResult {
	name: string;
	builds: Partial<Record<BuildKind, BuildFigures>>;
	skipped?: string | undefined;
}

/** Format a duration in seconds with one decimal. */
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * The side-by-side table: per build, wall seconds (CPU seconds) and the ratio to the baseline's same build (`× base`);
 * then the peak memory of the whole process tree over the three builds, and the HTML pages written.
 */
export function formatCompareTable(results: readonly GeneratorResult[], baselineName: string): string {
	const baseline = results.find((result) => result.name === baselineName);
	const header = ['generator', ...BUILD_KINDS.flatMap((kind) => [`${kind} s (cpu s)`, '× base']), 'peak MB', 'pages'];
	const rows = results.map((result) => {
		if (result.skipped) return [result.name, `skipped: ${result.skipped}`];
		const cells = BUILD_KINDS.flatMap((kind) => {
			const build = result.builds[kind];
			if (!build) return ['–', '–'];
			const base = baseline?.builds[kind];
			return [`${seconds(build.wallMs)} (${build.cpuSeconds.toFixed(1)})`, base ? (build.wallMs / base.wallMs).toFixed(2) : '–'];
		});
		const builds = Object.values(result.builds);
		const peak = Math.max(0, ...builds.map((build) => build.peakTreeRssKb));
		const pages = builds[0]?.htmlPages;
		return [result.name, ...cells, builds.length ? (peak / 1024).toFixed(0) : '–', pages === undefined ? '–' : String(pages)];
	});
	const measured = rows.filter((row) => row.length === header.length);
	const widths = header.map((title, column) => Math.max(title.length, ...measured.map((row) => row[column]!.length)));
	const line = (row: readonly string[]) =>
		row.length === header.length
			? row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')
			: `${row[0]!.padEnd(widths[0]!)}  ${row[1]}`;
	return [`base: ${baselineName}`, [header, ...rows].map(line).join('\n')].join('\n');
}
