import { describe, expect, it } from 'vitest';
import {
	STARLIGHT_ASTRO_VERSION,
	STARLIGHT_VERSION,
	editedContent,
	formatCompareTable,
	guideToEdit,
	hugoContentPath,
	hugoProject,
	parseCompareArgs,
	starlightProject,
	type GeneratorResult,
} from '../../../scripts/bench/compare.ts';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';

const corpus = generateCorpus({ articles: 9, tags: ['wolfi', 'sbom', 'slsa'] });

describe('bench:compare command line', () => {
	it('defaults to 600 articles in MDX and reads every flag', () => {
		expect(parseCompareArgs([])).toEqual({ articles: 600, format: 'mdx', keep: undefined, workdir: undefined, runs: 1 });
		expect(parseCompareArgs(['--articles', '3000', '--format', 'md', '--keep', 'c', '--workdir', 'w', '--runs', '3'])).toEqual({
			articles: 3000,
			format: 'md',
			keep: 'c',
			workdir: 'w',
			runs: 3,
		});
	});

	it.each([
		[['--articles', '0'], '--articles must be a positive whole number, got "0".'],
		[['--articles', '6e2x'], '--articles must be a positive whole number, got "6e2x".'],
		[['--format', 'html'], '--format must be mdx or md, got "html".'],
		[['--runs', '0'], '--runs must be a whole number from 1 to 10, got "0".'],
		[['--runs', 'three'], '--runs must be a whole number from 1 to 10, got "three".'],
	])('rejects %j with an example', (args, message) => {
		expect(() => parseCompareArgs(args)).toThrow(message);
	});

	it('rejects an unknown flag instead of ignoring it', () => {
		expect(() => parseCompareArgs(['--artcles', '600'])).toThrow(/Unknown option '--artcles'/);
	});
});

describe('Starlight project', () => {
	const files = starlightProject(corpus);
	const byPath = new Map(files.map((file) => [file.path, file.content]));

	it('pins Starlight and Astro and uses the default config, whose sidebar is generated from the folders', () => {
		expect(JSON.parse(byPath.get('package.json')!).dependencies).toEqual({
			'@astrojs/starlight': STARLIGHT_VERSION,
			astro: STARLIGHT_ASTRO_VERSION,
		});
		expect(byPath.get('astro.config.mjs')).toContain("integrations: [starlight({ title: 'Benchmark corpus' })]");
		expect(byPath.get('astro.config.mjs')).not.toContain('sidebar');
		expect(byPath.get('src/content.config.ts')).toContain('defineCollection({ loader: docsLoader(), schema: docsSchema() })');
	});

	it('holds every corpus file, unchanged, under src/content/docs', () => {
		for (const file of corpus) expect(byPath.get(`src/content/docs/${file.path}`)).toBe(file.content);
		expect(files).toHaveLength(corpus.length + 3);
	});
});

describe('Hugo project', () => {
	it('maps landing pages to _index.md and guides to .md, in the same folders', () => {
		expect(hugoContentPath('open-source/wolfi/index.mdx')).toBe('content/open-source/wolfi/_index.md');
		expect(hugoContentPath('open-source/index.md')).toBe('content/open-source/_index.md');
		expect(hugoContentPath('container-images/article-0002.mdx')).toBe('content/container-images/article-0002.md');
		expect(hugoContentPath('container-images/reindex.mdx')).toBe('content/container-images/reindex.md');
	});

	it('has a config, a single and a list layout that render content, and every corpus file', () => {
		const byPath = new Map(hugoProject(corpus).map((file) => [file.path, file.content]));
		expect(byPath.get('hugo.toml')).toContain('baseURL = "https://bench.example/"');
		expect(byPath.get('layouts/_default/single.html')).toContain('{{ .Content }}');
		expect(byPath.get('layouts/_default/list.html')).toContain('{{ range .Pages }}');
		for (const file of corpus) expect(byPath.get(hugoContentPath(file.path))).toBe(file.content);
	});
});

describe('the one-guide edit', () => {
	it('edits the middle article and only appends a sentence', () => {
		const guide = guideToEdit(corpus);
		expect(guide.path).toMatch(/\/article-0005\.mdx$/);
		const edited = editedContent(guide.content);
		expect(edited.startsWith(guide.content)).toBe(true);
		expect(edited.slice(guide.content.length)).toBe("\nThis sentence was added by the benchmark's one-guide edit.\n");
	});
});

describe('comparison table', () => {
	const build = (seconds: number, cpu: number, mb: number, pages: number) => ({
		wallMs: seconds * 1000,
		cpuSeconds: cpu,
		peakTreeRssKb: mb * 1024,
		htmlPages: pages,
	});
	const results: GeneratorResult[] = [
		{
			name: 'this site',
			builds: { cold: build(24, 30, 1700, 661), 'no change': build(8, 9, 1200, 661), 'one edit': build(9, 10, 1650, 661) },
		},
		{
			name: 'Starlight 0.42.4',
			builds: { cold: build(32, 40, 1900, 607), 'no change': build(32, 41, 1930, 607), 'one edit': build(30, 39, 1800, 607) },
		},
		{ name: 'Hugo', builds: {}, skipped: 'no `hugo` on PATH' },
	];

	it('gives seconds with CPU seconds, the ratio to the base per build, the peak over the builds and the pages', () => {
		expect(formatCompareTable(results, 'Starlight 0.42.4').split('\n')).toEqual([
			'base: Starlight 0.42.4',
			'generator         cold s (cpu s)  × base  no change s (cpu s)  × base  one edit s (cpu s)  × base  peak MB  pages',
			'this site            24.0 (30.0)    0.75            8.0 (9.0)    0.25          9.0 (10.0)    0.30     1700    661',
			'Starlight 0.42.4     32.0 (40.0)    1.00          32.0 (41.0)    1.00         30.0 (39.0)    1.00     1930    607',
			'Hugo              skipped: no `hugo` on PATH',
		]);
	});

	it('leaves ratios empty when the base was not measured', () => {
		const table = formatCompareTable([results[0]!], 'Starlight 0.42.4');
		expect(table.split('\n')[2]!.split(/\s{2,}/)).toEqual([
			'this site',
			'24.0 (30.0)',
			'–',
			'8.0 (9.0)',
			'–',
			'9.0 (10.0)',
			'–',
			'1700',
			'661',
		]);
	});
});
