import { createHash } from 'node:crypto';
import { compareText } from './compare.ts';
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

/** What a passed link check keeps of one page: a hash of its HTML, its element ids and the paths its links point to. */
export interface CheckedPage {
	hash: string;
	ids: string[];
	targets: string[];
}

/** What a passed link check keeps of the whole site, so that the next check reads again only what an edit can break. */
export interface LinkCheckState {
	pages: Record<string, CheckedPage>;
	assets: string[];
}

/** The broken links found, how many pages were checked, and the state to keep if none is broken. */
export interface LinkCheckResult {
	broken: BrokenLink[];
	checked: number;
	state: LinkCheckState;
}

/** Where a link points (URL path) and why it is broken, or null when it is not. */
interface Verdict {
	path: string;
	reason: string | null;
}

/** The paths whose links may now be broken: a page gone or with other ids, an asset gone, a page that is new. */
function movedTargets(previous: LinkCheckState, ids: ReadonlyMap<string, ReadonlySet<string>>, assets: ReadonlySet<string>) {
	const moved = new Set<string>();
	for (const [path, before] of Object.entries(previous.pages)) {
		const now = ids.get(path);
		if (!now || now.size !== before.ids.length || before.ids.some((id) => !now.has(id))) moved.add(path);
	}
	for (const asset of previous.assets) if (!assets.has(asset)) moved.add(asset);
	// A new page can stand where an asset was, and a link to it with a #fragment now needs that id.
	for (const path of ids.keys()) if (!(path in previous.pages)) moved.add(path);
	return moved;
}

/**
 * Find links to the site itself whose target or `#fragment` does not exist.
 *
 * `assets` holds the URL paths of every non-HTML file in the output (styles, feeds, images). With the state of an
 * earlier check that passed, only pages whose HTML changed and pages that link to a target that changed its ids or
 * vanished are checked again: every other link resolved before and still resolves to the same thing.
 */
export function checkLinks(pages: readonly BuiltPage[], assets: ReadonlySet<string>, previous?: LinkCheckState): LinkCheckResult {
	const ids = new Map<string, Set<string>>();
	const hashes = new Map<string, string>();
	for (const page of pages) {
		const hash = createHash('sha256').update(page.html).digest('hex');
		const before = previous?.pages[page.path];
		hashes.set(page.path, hash);
		ids.set(page.path, new Set(before?.hash === hash ? before.ids : attributeValues(page.html, ID_ATTRIBUTE)));
	}
	const moved = previous ? movedTargets(previous, ids, assets) : new Set<string>();

	const broken: BrokenLink[] = [];
	const state: LinkCheckState = { pages: {}, assets: [...assets].sort(compareText) };
	// Root-relative links (the sidebar, the header) repeat on every page: resolve each one once.
	const verdicts = new Map<string, Verdict>();
	const resolve = (link: string, page: string): Verdict => {
		const target = new URL(link, `https://site.invalid${page}`);
		const path = decodeURIComponent(target.pathname);
		const fragment = decodeURIComponent(target.hash.slice(1));
		const targetIds = ids.get(path);
		if (!targetIds) {
			if (assets.has(path)) return { path, reason: null };
			const hint = ids.has(`${path}/`) ? ` (did you mean ${path}/?)` : '';
			return { path, reason: `no page or file at ${path}${hint}` };
		}
		return { path, reason: fragment && !targetIds.has(fragment) ? `${path} has no element with id "${fragment}"` : null };
	};
	let checked = 0;
	for (const page of pages) {
		const hash = hashes.get(page.path)!;
		const before = previous?.pages[page.path];
		if (before?.hash === hash && !before.targets.some((target) => moved.has(target))) {
			state.pages[page.path] = before;
			continue;
		}
		checked += 1;
		const targets = new Set<string>();
		// Links inside inline scripts and templates are not navigations.
		const markup = page.html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
		for (const link of new Set(attributeValues(markup, LINK_ATTRIBUTE))) {
			if (link === '' || SKIPPED_SCHEMES.test(link)) continue;
			let verdict: Verdict;
			if (link.startsWith('/')) {
				verdict = verdicts.get(link) ?? resolve(link, page.path);
				verdicts.set(link, verdict);
			} else {
				verdict = resolve(link, page.path);
			}
			targets.add(verdict.path);
			if (verdict.reason) broken.push({ page: page.path, link, reason: verdict.reason });
		}
		state.pages[page.path] = { hash, ids: [...ids.get(page.path)!], targets: [...targets].sort(compareText) };
	}
	return { broken, checked, state };
}
