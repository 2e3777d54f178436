import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import type { Plugin, ResolvedConfig } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	MDX_COMPILE_PLUGIN,
	mdxCompileCache,
	mdxCompileCacheFiles,
	mdxCompileCacheIntegration,
} from '../../../src/integrations/mdx-cache.ts';
import { ContentCache, versionOf } from '../../../src/lib/content-cache.ts';
import { highlightOptions, markdownProcessorOptions } from '../../../src/markdown/config.ts';

type Hook = (params: Record<string, unknown>) => Promise<void> | void;
type Transform = { handler: (code: string, id: string) => Promise<{ code: string; meta: unknown }> };

/** The Vite plugins of the real @astrojs/mdx integration, set up with this site's Sätteri options (no highlight cache). */
async function mdxVitePlugins(): Promise<Plugin[]> {
	const integration = mdx({ optimize: true });
	const hooks = integration.hooks as Record<string, Hook>;
	let plugins: Plugin[] = [];
	const ignore = () => {};
	const srcDir = new URL('file:///academy/src/');
	await hooks['astro:config:setup']!({
		config: { root: new URL('file:///academy/'), srcDir },
		updateConfig: (config: { vite: { plugins: Plugin[] } }) => void (plugins = config.vite.plugins),
		addPageExtension: ignore,
		addContentEntryType: ignore,
		addRenderer: ignore,
		command: 'build',
	});
	const processor = satteri(markdownProcessorOptions(highlightOptions(undefined)));
	await hooks['astro:config:done']!({
		config: { markdown: { processor, syntaxHighlight: false, gfm: true, smartypants: true }, srcDir },
		logger: { warn: ignore },
	});
	return plugins;
}

/** Run the cache plugin's configResolved over these plugins, as Vite does once its config is resolved. */
function resolveWith(cachePlugin: Plugin, plugins: Plugin[]): void {
	(cachePlugin.configResolved as (config: ResolvedConfig) => void)({ plugins } as unknown as ResolvedConfig);
}

/** The compile step of @astrojs/mdx among these plugins, after any wrapping. */
function compileOf(plugins: Plugin[]): Transform['handler'] {
	return (plugins.find((plugin) => plugin.name === MDX_COMPILE_PLUGIN)!.transform as Transform).handler;
}

const GUIDE = '---\ntitle: A guide\n---\n\n## Install\n\n:::note\nUse `apk add`.\n:::\n\n```bash\napk add curl\n```\n';
const ROOT = '/academy';
const ID = `${ROOT}/content/docs/a-guide.mdx`;

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'academy-mdx-cache-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The compile step of a next build in `root`, whose own compiling fails: what it returns can only come from the cache. */
async function cacheOnlyCompile(version: string, root = ROOT): Promise<Transform['handler']> {
	const plugins = await mdxVitePlugins();
	(plugins.find((plugin) => plugin.name === MDX_COMPILE_PLUGIN)!.transform as Transform).handler = () =>
		Promise.reject(new Error('compiled again'));
	resolveWith(mdxCompileCache(new ContentCache(dir, version), root), plugins);
	return compileOf(plugins);
}

describe('MDX compile cache', () => {
	it('gives what @astrojs/mdx compiles, and from the cache the same again without compiling', async () => {
		const compiled = await compileOf(await mdxVitePlugins())(GUIDE, ID);
		expect(compiled.code).toContain('callout');

		const first = await mdxVitePlugins();
		resolveWith(mdxCompileCache(new ContentCache(dir, 'v1'), ROOT), first);
		expect(await compileOf(first)(GUIDE, ID)).toEqual(compiled);
		expect(readdirSync(dir), 'one cache entry per compiled module').toHaveLength(1);

		// The next build: its compile step cannot run, so an answer can only come from the cache.
		expect(await (await cacheOnlyCompile('v1'))(GUIDE, ID)).toEqual(compiled);
	});

	it('compiles again when the source, the path or the version changed', async () => {
		const first = await mdxVitePlugins();
		resolveWith(mdxCompileCache(new ContentCache(dir, 'v1'), ROOT), first);
		await compileOf(first)(GUIDE, ID);
		await expect((await cacheOnlyCompile('v1'))(`${GUIDE}\nOne more line.\n`, ID)).rejects.toThrow('compiled again');
		await expect((await cacheOnlyCompile('v1'))(GUIDE, '/academy/content/docs/other.mdx')).rejects.toThrow('compiled again');
		await expect((await cacheOnlyCompile('v2'))(GUIDE, ID)).rejects.toThrow('compiled again');
	});

	it('reuses a module compiled in another copy of the project: the key is the path relative to the root', async () => {
		const first = await mdxVitePlugins();
		resolveWith(mdxCompileCache(new ContentCache(dir, 'v1'), ROOT), first);
		const compiled = await compileOf(first)(GUIDE, ID);
		// What is stored must not depend on where the project is, or a copy elsewhere would get a module naming this one.
		expect(JSON.stringify(compiled)).not.toContain(ROOT);
		// A test build's copy of the project in another folder, same file, same source.
		const copy = await cacheOnlyCompile('v1', '/tmp/build-1/project');
		expect(await copy(GUIDE, '/tmp/build-1/project/content/docs/a-guide.mdx')).toEqual(compiled);
	});

	it("wraps the compile step once when Vite's config is resolved again", async () => {
		const plugins = await mdxVitePlugins();
		const cachePlugin = mdxCompileCache(new ContentCache(dir, 'v1'), ROOT);
		resolveWith(cachePlugin, plugins);
		const once = compileOf(plugins);
		resolveWith(cachePlugin, plugins);
		expect(compileOf(plugins)).toBe(once);
	});

	it('stores nothing for a module that fails to compile', async () => {
		const plugins = await mdxVitePlugins();
		resolveWith(mdxCompileCache(new ContentCache(dir, 'v1'), ROOT), plugins);
		const broken = '---\ntitle: Broken\n---\n\n:::warning\nNot a directive of this site.\n:::\n';
		await expect(compileOf(plugins)(broken, ID)).rejects.toThrow(/warning/);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('fails with a hint when @astrojs/mdx is not among the Vite plugins', () => {
		const withoutMdx = () => resolveWith(mdxCompileCache(new ContentCache(dir, 'v1'), ROOT), [{ name: 'other' }]);
		expect(withoutMdx).toThrow(`The Vite plugin "${MDX_COMPILE_PLUGIN}" of @astrojs/mdx was not found`);
	});
});

describe('MDX compile cache integration', () => {
	/** The Vite plugins the integration adds for an Astro command. */
	async function pluginsFor(command: string): Promise<Plugin[]> {
		const added: Plugin[] = [];
		const setup = (mdxCompileCacheIntegration() as AstroIntegration).hooks['astro:config:setup'] as unknown as Hook;
		await setup({
			command,
			config: { root: new URL(`file://${process.cwd()}/`), cacheDir: new URL(`file://${dir}/`) },
			updateConfig: (config: { vite: { plugins: Plugin[] } }) => void added.push(...config.vite.plugins),
		});
		return added;
	}

	it('caches in astro build only: astro dev compiles every module as before', async () => {
		expect((await pluginsFor('build')).map((plugin) => plugin.name)).toEqual(['academy-mdx-compile-cache']);
		expect(await pluginsFor('dev')).toEqual([]);
	});
});

describe('version of the MDX compile cache', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'academy-mdx-cache-version-'));
		mkdirSync(join(root, 'src/integrations'), { recursive: true });
		mkdirSync(join(root, 'src/lib'), { recursive: true });
		for (const file of mdxCompileCacheFiles().filter((path) => !path.startsWith('node_modules/'))) {
			cpSync(file, join(root, file), { recursive: true });
		}
		symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it.each(['src/markdown/directives.ts', 'src/integrations/mdx-cache.ts', 'astro.config.mjs', 'package-lock.json'])(
		'changes when %s changes',
		(file) => {
			const before = versionOf(mdxCompileCacheFiles(root), root);
			expect(before).toBe(versionOf(mdxCompileCacheFiles(), process.cwd()));
			appendFileSync(join(root, file), '\n');
			expect(versionOf(mdxCompileCacheFiles(root), root)).not.toBe(before);
		},
	);

	it('covers the version of each Markdown package', () => {
		expect(mdxCompileCacheFiles()).toEqual(
			expect.arrayContaining(['node_modules/@astrojs/mdx/package.json', 'node_modules/satteri/package.json']),
		);
	});
});
