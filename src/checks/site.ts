import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { PATHS_FILE } from '../content/learning-paths.ts';
import { DEMO_IMAGES } from '../images/demo/definitions.ts';
import { SnapshotError, readSnapshotMetadata } from '../images/snapshot.ts';
import { compareText } from '../lib/compare.ts';
import { imagePath, learningPathPath, pageFileRoute, tagPath } from '../lib/routes.ts';
import type { ParsedDoc, PublishedSite } from './types.ts';

/** Names of the demo images: what the committed snapshot holds until a real sync replaces it. */
export const DEMO_IMAGE_NAMES: readonly string[] = DEMO_IMAGES.map((image) => image.name).sort(compareText);

/** The page templates of the site, whose file names are the routes the site generates itself. */
const PAGES_DIRECTORY = path.join(import.meta.dirname, '..', 'pages');

/** Files integrations write at the site root: @astrojs/sitemap's index (astro.config.mjs). */
const INTEGRATION_ROUTES = ['/sitemap-index.xml'];

/** Routes the site generates from its page templates: fixed pages, and the prefixes of page families (`/images/`, `/tags/`). */
export function generatedRoutes(pagesDirectory = PAGES_DIRECTORY): { routes: string[]; prefixes: string[] } {
	const routes = [...INTEGRATION_ROUTES];
	const prefixes: string[] = [];
	const files = readdirSync(pagesDirectory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(pagesDirectory, path.join(entry.parentPath, entry.name)));
	for (const file of files) {
		const route = pageFileRoute(file);
		// Dynamic pages at the root publish the guides and the redirects file, not a family of their own.
		if (route.kind === 'static') routes.push(route.route);
		else if (route.prefix !== '/') prefixes.push(route.prefix);
	}
	return { routes: routes.sort(compareText), prefixes: [...new Set(prefixes)].sort(compareText) };
}

/**
 * Names of the images with a page: the repositories the snapshot metadata in `content/images/` lists, or the demo
 * names when no snapshot has been written yet.
 */
export async function loadImageNames(imagesDirectory: string): Promise<string[]> {
	try {
		return (await readSnapshotMetadata(imagesDirectory)).repositories;
	} catch (error) {
		if (error instanceof SnapshotError && error.unreadable) return [...DEMO_IMAGE_NAMES];
		throw error;
	}
}

/** Ids of the learning paths as content/paths.yaml writes them, for their routes; the learning-paths rule reports its problems. */
export function learningPathIds(root: string): string[] {
	const file = path.join(root, PATHS_FILE);
	if (!existsSync(file)) return [];
	const document = parseDocument(readFileSync(file, 'utf8'));
	const data: unknown = document.errors.length > 0 ? [] : document.toJS();
	if (!Array.isArray(data)) return [];
	return data.flatMap((entry) => {
		const id = (entry as { id?: unknown } | null)?.id;
		return typeof id === 'string' ? [id] : [];
	});
}

/** What the site publishes, for the link rule: generated pages, tag, image and path pages, and every guide with its anchors. */
export function buildPublishedSite(options: {
	root: string;
	docs: readonly ParsedDoc[];
	tags: readonly string[];
	imageNames: readonly string[];
	/** Ids of the learning paths, each with a page at /paths/<id>/. */
	learningPaths?: readonly string[];
}): PublishedSite {
	const generated = generatedRoutes();
	const routes = new Map<string, Set<string> | undefined>();
	for (const route of generated.routes) routes.set(route, undefined);
	for (const tag of options.tags) routes.set(tagPath(tag), undefined);
	for (const name of options.imageNames) routes.set(imagePath(name), undefined);
	for (const id of options.learningPaths ?? []) routes.set(learningPathPath(id), undefined);
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
		generatedRoutes: new Set(generated.routes),
		generatedPrefixes: generated.prefixes,
	};
}
