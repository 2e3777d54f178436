import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/**
 * The layers of src/, lowest first, in the order data flows: registry → attestations → images (model, snapshot) →
 * content (loaders) → data → page models → components → layouts → pages. A module may import from its own layer and
 * from layers listed before it, never from one listed after it. README.md's layout block lists the same entries in
 * the same order (checked below), so this list is the one place the layering is written down.
 */
const LAYERS = [
	'registry',
	'lib',
	'hosting',
	'site.config.ts',
	'styles',
	'attestations',
	'images',
	'markdown',
	'content',
	'content.config.ts',
	'checks',
	'scaffold',
	'integrations',
	'data',
	'page-models',
	'client',
	'components',
	'layouts',
	'pages',
] as const;

/** Every source file under src/. */
function sourceFiles(): string[] {
	return readdirSync(SRC, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(ts|astro|css)$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/** The code of a file that can import: all of a .ts file; the front matter and <script> blocks of an .astro file. */
function importingCode(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	if (file.endsWith('.css')) return [];
	if (!file.endsWith('.astro')) return [source];
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
	const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
	return [frontmatter, ...scripts];
}

/** Files under src/ that `file` imports (static, type-only, re-exports and dynamic imports with a literal path). */
function localImports(file: string): string[] {
	return importingCode(file)
		.flatMap((code) => ts.preProcessFile(code, true, true).importedFiles.map((imported) => imported.fileName))
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => path.resolve(path.dirname(file), specifier));
}

/** The layer of a file: its folder below src/, or its own name for a file at the top of src/. */
function layerOf(file: string): string {
	return path.relative(SRC, file).split(path.sep)[0]!;
}

const rank = (layer: string) => (LAYERS as readonly string[]).indexOf(layer);
const show = (file: string) => path.relative(process.cwd(), file);

describe('layers of src/', () => {
	const files = sourceFiles();
	const graph = new Map(files.map((file) => [file, localImports(file)]));

	it('places every folder and top-level file of src/ in a layer', () => {
		const unplaced = [...new Set(files.map(layerOf))].filter((layer) => rank(layer) === -1);
		expect(unplaced, 'add these to LAYERS in tests/unit/architecture/layers.test.ts and to README.md').toEqual([]);
	});

	it('has no import from a lower layer to a higher one', () => {
		const upward = [...graph].flatMap(([file, imports]) =>
			imports
				.filter((target) => rank(layerOf(target)) > rank(layerOf(file)))
				.map((target) => `${show(file)} (${layerOf(file)}) imports ${show(target)} (${layerOf(target)})`),
		);
		expect(upward).toEqual([]);
	});

	it('keeps the registry client free of imports from the rest of the project, so it can be extracted', () => {
		const registry = [...graph].filter(([file]) => layerOf(file) === 'registry');
		expect(registry.length, 'files found in src/registry/').toBeGreaterThan(5);
		const outside = registry.flatMap(([file, imports]) =>
			imports.filter((target) => layerOf(target) !== 'registry').map((target) => `${show(file)} → ${show(target)}`),
		);
		expect(outside).toEqual([]);
	});

	it('has no import cycle', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'visiting' | 'done'>();
		const stack: string[] = [];
		const visit = (file: string) => {
			state.set(file, 'visiting');
			stack.push(file);
			for (const target of graph.get(file) ?? []) {
				if (state.get(target) === 'visiting') cycles.push([...stack.slice(stack.indexOf(target)), target].map(show).join(' → '));
				else if (!state.has(target)) visit(target);
			}
			stack.pop();
			state.set(file, 'done');
		};
		for (const file of files) if (!state.has(file)) visit(file);
		expect(cycles).toEqual([]);
	});

	it('resolves every local import to a file that exists', () => {
		const known = new Set(files);
		const missing = [...graph].flatMap(([file, imports]) =>
			imports.filter((target) => !known.has(target)).map((target) => `${show(file)} → ${show(target)}`),
		);
		expect(missing).toEqual([]);
	});

	it('is the order README.md lists the folders of src/ in', () => {
		const readme = readFileSync('README.md', 'utf8');
		const block = /## Layout[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		const listed = [...block.matchAll(/^src\/(\S+?)\/?\s/gm)].map((match) => match[1]!);
		expect(listed).toEqual([...LAYERS]);
	});
});

describe('the layer check itself', () => {
	it('sees static, type-only, re-exported and dynamic imports in TypeScript and Astro files', () => {
		const astro = path.join(SRC, 'components', 'SearchButton.astro');
		expect(localImports(astro).map(show)).toEqual(['src/client/keyboard.ts', 'src/client/search-dialog.ts']);
		const page = path.join(SRC, 'pages', 'images', '[...name].astro');
		expect(localImports(page).map(show)).toContain('src/images/model.ts');
		expect(localImports(path.join(SRC, 'registry', 'index.ts')).map(show)).toContain('src/registry/client.ts');
	});
});
