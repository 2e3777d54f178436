import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import { ContentCache, versionOf } from '../lib/content-cache.ts';
import { markdownPipelineFiles } from '../markdown/version.ts';

/** The Vite plugin of @astrojs/mdx that compiles each `.mdx` file to JavaScript (its name, as the package sets it). */
export const MDX_COMPILE_PLUGIN = '@mdx-js/rolldown';

/** What the MDX compile step hands to Vite for one module; plain JSON, so it can be stored. */
interface CompiledModule {
	code: string;
	map: unknown;
	meta: unknown;
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;

/** The handler of a Vite transform hook, which is either a function or an object with a `handler`. */
function transformHandlerOf(plugin: Plugin): { handler: TransformHandler; replace: (next: TransformHandler) => void } {
	const hook = plugin.transform as unknown;
	if (typeof hook === 'function') {
		return { handler: hook as TransformHandler, replace: (next) => Object.assign(plugin, { transform: next }) };
	}
	if (hook && typeof hook === 'object' && typeof (hook as { handler?: unknown }).handler === 'function') {
		const object = hook as { handler: TransformHandler };
		return { handler: object.handler, replace: (next) => Object.assign(plugin, { transform: { ...object, handler: next } }) };
	}
	throw new AstroError(
		`The Vite plugin "${plugin.name}" has no transform hook, so .mdx modules cannot be cached.`,
		'@astrojs/mdx changed how it compiles MDX: update src/integrations/mdx-cache.ts to wrap its new hook.',
	);
}

/**
 * A Vite plugin that keeps the compiled JavaScript of each `.mdx` module between builds, so an unchanged guide is not
 * compiled again (Sätteri, our Markdown plugins, highlighting). It wraps the transform of @astrojs/mdx's own plugin:
 * the key is the module's path relative to `root` and its source, and `cache` is versioned by the plugin code, options
 * and packages.
 */
export function mdxCompileCache(cache: ContentCache, root: string): Plugin {
	// Astro may resolve Vite's config more than once per build with the same plugin objects: wrap each one once.
	const wrapped = new WeakSet<Plugin>();
	return {
		name: 'academy-mdx-compile-cache',
		configResolved(resolved) {
			const plugin = resolved.plugins.find((candidate) => candidate.name === MDX_COMPILE_PLUGIN);
			if (plugin && wrapped.has(plugin)) return;
			if (!plugin) {
				throw new AstroError(
					`The Vite plugin "${MDX_COMPILE_PLUGIN}" of @astrojs/mdx was not found, so .mdx modules cannot be cached.`,
					'Keep mdx() in the integrations of astro.config.mjs, or update MDX_COMPILE_PLUGIN in src/integrations/mdx-cache.ts.',
				);
			}
			wrapped.add(plugin);
			const { handler, replace } = transformHandlerOf(plugin);
			replace(async function cachedTransform(this: unknown, code, id, ...rest) {
				let compiled: CompiledModule | undefined;
				// Relative to the root, so a copy of the project in another folder (each test build) reuses the modules
				// compiled here: what is stored names no absolute path (imports are specifiers, and no source map is
				// made), which the unit test checks.
				const bytes = await cache.get([relative(root, id), code], '.json', async () => {
					compiled = (await handler.call(this, code, id, ...rest)) as CompiledModule;
					return JSON.stringify({ code: compiled.code, map: compiled.map ?? null, meta: compiled.meta ?? null });
				});
				return compiled ?? (JSON.parse(bytes.toString('utf8')) as CompiledModule);
			});
		},
	};
}

/** Files whose change can change what an `.mdx` module compiles to, besides the module itself. */
export function mdxCompileCacheFiles(root = process.cwd()): string[] {
	return [
		...markdownPipelineFiles(root),
		'src/integrations/mdx-cache.ts',
		'src/lib/content-cache.ts',
		// Markdown and MDX options are set there; the lockfile pins every package the compile reaches (Astro's helpers,
		// Sätteri's native binary), not only the ones named in markdownPipelineFiles.
		'astro.config.mjs',
		'package-lock.json',
	];
}

/**
 * Cache compiled `.mdx` modules in `astro build` (in Astro's cacheDir, under academy-mdx). `astro dev` compiles as
 * before: its server keeps modules in memory and reloads on every edit, and it would not see a change of plugin code.
 */
export function mdxCompileCacheIntegration(): AstroIntegration {
	return {
		name: 'academy-mdx-compile-cache',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const root = fileURLToPath(config.root);
				const dir = join(fileURLToPath(config.cacheDir), 'academy-mdx');
				const cache = new ContentCache(dir, versionOf(mdxCompileCacheFiles(root), root));
				updateConfig({ vite: { plugins: [mdxCompileCache(cache, root)] } });
			},
		},
	};
}
