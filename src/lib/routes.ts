/** The id of a content entry: its path below the collection folder, with forward slashes and no extension. */
export function entryId(file: string): string {
	return file.replace(/\\/g, '/').replace(/\.mdx?$/, '');
}

/** URL of a guide from its file path below content/docs (the folder path is the URL). */
export function docPathForFile(file: string): string {
	return docPath(entryId(file));
}

/** Turn a docs entry id (its path under content/docs without extension) into its URL path. */
export function docPath(id: string): string {
	const trimmed = id.replace(/(^|\/)index$/, '').replace(/^\/+|\/+$/g, '');
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

/** Make a path end with a slash so that every internal URL has one canonical form. */
export function withTrailingSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}
