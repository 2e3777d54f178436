/** The id of a content entry: its path below the collection folder, with forward slashes and no extension. */
export function entryId(file: string): string {
	return file.replace(/\\/g, '/').replace(/\.mdx?$/, '');
}

/** Whether a docs entry is the landing page of its folder: `index` or `<folder>/index`, never `reindex`. */
export function isIndexEntry(id: string): boolean {
	return id === 'index' || id.endsWith('/index');
}

/** The folder a docs entry belongs to: an index page's own folder, any other page's parent folder ('' at the top). */
export function entryFolder(id: string): string {
	return id.split('/').slice(0, -1).join('/');
}

/** URL of a guide from its file path below content/docs (the folder path is the URL). */
export function docPathForFile(file: string): string {
	return docPath(entryId(file));
}

/** Turn a docs entry id (its path under content/docs without extension) into its URL path. */
export function docPath(id: string): string {
	const trimmed = (isIndexEntry(id) ? entryFolder(id) : id).replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** Split a URL path into its segments, ignoring leading and trailing slashes. */
export function pathSegments(path: string): string[] {
	return path.split('/').filter(Boolean);
}

/** URL of a tag page. */
export function tagPath(tag: string): string {
	return `/tags/${tag}/`;
}

/** URL of a learning path's page. */
export function learningPathPath(id: string): string {
	return `/paths/${id}/`;
}

/** URL of an image page. */
export function imagePath(name: string): string {
	return `/images/${name}/`;
}

/** Make a path end with a slash so that every internal URL has one canonical form. */
export function withTrailingSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}

/** An image name in a path; `packages` is the package index, the one page below /images/ that is not an image. */
const IMAGE_NAME = '[a-z0-9][a-z0-9._/-]*?';
const NOT_AN_IMAGE = 'packages';

/** Names of the images a guide links to (`/images/<name>/`), for "guides that use this image". */
export function imagesLinkedFrom(body: string): string[] {
	const links = body.matchAll(new RegExp(`/images/(${IMAGE_NAME})/(?=[#)"'\\s]|$)`, 'g'));
	return [...new Set([...links].map((match) => match[1]!))].filter((name) => name !== NOT_AN_IMAGE);
}

/** The image a link points at when `href` is an image page path (`/images/<name>/`, with or without a fragment), else null. */
export function linkedImage(href: string): string | null {
	const name = new RegExp(`^/images/(${IMAGE_NAME})/(?:#.*)?$`).exec(href)?.[1];
	return name && name !== NOT_AN_IMAGE ? name : null;
}

/** What one file under src/pages publishes: one route, or, with dynamic segments, a family of routes below a prefix. */
export type PageFileRoute = { kind: 'static'; route: string } | { kind: 'dynamic'; prefix: string };

/**
 * The route of a file under src/pages, by Astro's rules with `trailingSlash: 'always'` and `build.format: 'directory'`:
 * `a/index.astro` is `/a/`, `a/b.astro` is `/a/b/`, an endpoint `feed.xml.ts` is `/feed.xml`, `404.astro` is `/404.html`,
 * and a file with a `[param]` segment publishes routes below the segments before it.
 */
export function pageFileRoute(file: string): PageFileRoute {
	const segments = file.replace(/\\/g, '/').split('/');
	const dynamic = segments.findIndex((segment) => segment.includes('['));
	if (dynamic !== -1) {
		const prefix = segments.slice(0, dynamic).join('/');
		return { kind: 'dynamic', prefix: prefix ? `/${prefix}/` : '/' };
	}
	const endpoint = /\.(?:ts|js)$/.test(file);
	const path = segments.join('/').replace(/\.(?:astro|ts|js|mdx?)$/, '');
	if (endpoint) return { kind: 'static', route: `/${path}` };
	if (path === '404') return { kind: 'static', route: '/404.html' };
	return { kind: 'static', route: docPath(path) };
}
