import { unescapeHtml } from './html.ts';

/** A link on a built page that points nowhere. */
export interface BrokenLink {
	/** URL path of the page that holds the link. */
	page: string;
	/** The link as written in the HTML. */
	link: string;
	reason: string;
}

/** One built HTML page: its URL path and its markup. */
export interface BuiltPage {
	path: string;
	html: string;
}

const LINK_ATTRIBUTE = /\s(?:href|src)=(?:"([^"]*)"|'([^']*)')/g;
const ID_ATTRIBUTE = /\s(?:id|name)=(?:"([^"]*)"|'([^']*)')/g;
const SKIPPED_SCHEMES = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Turn a file path inside the output folder into the URL path it is served at. */
export function fileToUrlPath(relativeFile: string): string {
	const path = `/${relativeFile.replace(/\\/g, '/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Collect every value of the given attribute pattern in a page. */
function attributeValues(html: string, pattern: RegExp): string[] {
	return [...html.matchAll(pattern)].map((match) => unescapeHtml(match[1] ?? match[2] ?? ''));
}

/**
 * Find links to the site itself whose target or `#fragment` does not exist.
 *
 * `assets` holds the URL paths of every non-HTML file in the output (styles, feeds, images).
 */
export function findBrokenLinks(pages: readonly BuiltPage[], assets: ReadonlySet<string>): BrokenLink[] {
	const ids = new Map<string, Set<string>>();
	for (const page of pages) ids.set(page.path, new Set(attributeValues(page.html, ID_ATTRIBUTE)));

	const broken: BrokenLink[] = [];
	// Root-relative links (the sidebar, the header) repeat on every page: resolve each one once.
	const verdicts = new Map<string, string | null>();
	const check = (link: string, page: string): string | null => {
		const target = new URL(link, `https://site.invalid${page}`);
		const targetPath = decodeURIComponent(target.pathname);
		const fragment = decodeURIComponent(target.hash.slice(1));
		const targetIds = ids.get(targetPath);
		if (!targetIds) {
			if (assets.has(targetPath)) return null;
			const hint = ids.has(`${targetPath}/`) ? ` (did you mean ${targetPath}/?)` : '';
			return `no page or file at ${targetPath}${hint}`;
		}
		return fragment && !targetIds.has(fragment) ? `${targetPath} has no element with id "${fragment}"` : null;
	};
	for (const page of pages) {
		// Links inside inline scripts and templates are not navigations.
		const markup = page.html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
		for (const link of new Set(attributeValues(markup, LINK_ATTRIBUTE))) {
			if (link === '' || SKIPPED_SCHEMES.test(link)) continue;
			let reason: string | null;
			if (link.startsWith('/')) {
				if (!verdicts.has(link)) verdicts.set(link, check(link, page.path));
				reason = verdicts.get(link)!;
			} else {
				reason = check(link, page.path);
			}
			if (reason) broken.push({ page: page.path, link, reason });
		}
	}
	return broken;
}
