import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { docPath } from '../lib/routes.ts';
import type { ParsedDoc, SiteIndex } from './types.ts';

/** Image names the demo snapshot provides; used until a snapshot exists in `content/images/`. */
export const DEMO_IMAGE_NAMES = [
	'static',
	'wolfi-base',
	'busybox',
	'git',
	'curl',
	'nginx',
	'python',
	'node',
	'go',
	'jdk',
	'jre',
	'ruby',
	'php',
	'redis',
	'postgres',
	'rust',
	'dotnet-sdk',
	'dotnet-runtime',
	'glibc-dynamic',
	'bash',
	'jq',
	'kubectl',
	'pytorch',
	'mariadb',
	'maven',
] as const;

/** Pages the site generates itself rather than from a guide. */
export const FIXED_ROUTES = [
	'/',
	'/images/',
	'/images/packages/',
	'/search/',
	'/tags/',
	'/contribute/',
	'/rss.xml',
	'/robots.txt',
	'/sitemap-index.xml',
] as const;

/** Every Markdown and MDX file below a folder, sorted so that output is stable. */
export function listContentFiles(directory: string): string[] {
	if (!existsSync(directory)) return [];
	return readdirSync(directory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/** Section folders a guide can go into, e.g. `container-images` and `open-source/wolfi`. */
export function listSections(root: string): string[] {
	const docs = path.join(root, 'content', 'docs');
	if (!existsSync(docs)) return [];
	return readdirSync(docs, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => path.relative(docs, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
}

/**
 * Names of the images with a page: the `name` of each repository file of the snapshot in `content/images/` (the metadata
 * file has none), or the demo names when no snapshot has been written yet.
 */
export function loadImageNames(imagesDirectory: string): string[] {
	const files = existsSync(imagesDirectory) ? readdirSync(imagesDirectory).filter((name) => name.endsWith('.json')) : [];
	const names: string[] = [];
	for (const fileName of files) {
		const data: unknown = JSON.parse(readFileSync(path.join(imagesDirectory, fileName), 'utf8'));
		const name = (data as { name?: unknown } | null)?.name;
		if (typeof name === 'string') names.push(name);
	}
	return names.length > 0 ? names.sort() : [...DEMO_IMAGE_NAMES];
}

/** Build the site map the link rule checks against: fixed pages, tag pages, image pages and every guide with its anchors. */
export function buildSiteIndex(options: {
	root: string;
	docs: readonly ParsedDoc[];
	tags: readonly string[];
	imageNames: readonly string[];
}): SiteIndex {
	const routes = new Map<string, Set<string> | undefined>();
	for (const route of FIXED_ROUTES) routes.set(route, undefined);
	for (const tag of options.tags) routes.set(`/tags/${tag}/`, undefined);
	for (const name of options.imageNames) routes.set(`/images/${name}/`, undefined);
	const redirects = new Map<string, string>();
	for (const doc of options.docs) {
		if (doc.kind !== 'docs') continue;
		const known = routes.get(doc.route);
		routes.set(doc.route, known ? new Set([...known, ...doc.anchors]) : doc.anchors);
		const aliases = doc.frontmatter?.aliases;
		if (Array.isArray(aliases)) for (const alias of aliases) if (typeof alias === 'string') redirects.set(alias, doc.route);
	}
	return {
		root: options.root,
		routes,
		redirects,
		imageNames: [...options.imageNames],
		tags: [...options.tags],
		publicDir: path.join(options.root, 'public'),
	};
}
