import { escapeHtml } from '../lib/html.ts';

/** The parts of a Pagefind result that the search dialog reads (Pagefind's JavaScript API, `result.data()`). */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
}

/** An element with an id on the page, at a word position of the page's content. */
export interface PagefindAnchor {
	element: string;
	id: string;
	location: number;
}

/** A matched word: its position in the content and its weight (from headings and data-pagefind-weight). */
export interface PagefindLocation {
	weight: number;
	balanced_score: number;
	location: number;
}

/** One result of a Pagefind search. */
export interface PagefindResultData {
	url: string;
	excerpt: string;
	content: string;
	meta: { title?: string };
	filters: Record<string, string[]>;
	sub_results: PagefindSubResult[];
	anchors: PagefindAnchor[];
	weighted_locations: PagefindLocation[];
}

/** A section of a result to link to: a heading, or a row of an index table. */
export interface SubResult {
	title: string;
	url: string;
	/** Plain text with the matched words wrapped in <mark>, as Pagefind writes excerpts. */
	excerpt: string;
}

const MAX_SUB_RESULTS = 3;

/**
 * Rows of an index table that match: a table row with an id (the package index: `<tr id="pkg-openssl">`) whose words
 * include a hit. Pagefind only splits pages at headings, so a hit in a row would otherwise link to the top of a long
 * page; here it links to the row, titled by the row's first word (its header), with the row's words as excerpt.
 * The rows come best match first.
 */
export function rowSubResults(result: PagefindResultData): SubResult[] {
	const rows = result.anchors.filter((anchor) => anchor.element === 'tr').sort((a, b) => a.location - b.location);
	if (rows.length === 0) return [];
	const words = result.content.split(/\s+/);
	const hits = new Map<PagefindAnchor, PagefindLocation[]>();
	for (const hit of result.weighted_locations) {
		const row = rows.findLast((anchor) => anchor.location <= hit.location);
		if (row) hits.set(row, [...(hits.get(row) ?? []), hit]);
	}
	return [...hits]
		.map(([row, rowHits]) => {
			const end = rows.find((anchor) => anchor.location > row.location)?.location ?? words.length;
			const marked = new Set(rowHits.map((hit) => hit.location));
			const excerpt = words
				.slice(row.location, end)
				.map((word, index) => (marked.has(row.location + index) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
				.join(' ');
			const score = Math.max(...rowHits.map((hit) => hit.balanced_score));
			// A hit on the row's first word is a hit on its header: the name the row is about.
			const onHeader = marked.has(row.location);
			return { row, excerpt, score, onHeader };
		})
		.sort((a, b) => Number(b.onHeader) - Number(a.onHeader) || b.score - a.score || a.row.location - b.row.location)
		.map(({ row, excerpt }) => ({ title: words[row.location] ?? row.id, url: `${result.url}#${row.id}`, excerpt }));
}

/** Whether a result's term matched the header of an index row (a package name in the package index). */
export function matchesRowHeader(result: PagefindResultData): boolean {
	const rows = new Set(result.anchors.filter((anchor) => anchor.element === 'tr').map((anchor) => anchor.location));
	return result.weighted_locations.some((hit) => rows.has(hit.location));
}

/**
 * The sections a result links to below its title: matching index rows, else Pagefind's headings without the one
 * that only repeats the page itself (no fragment, or Pagefind's `#_top`).
 */
export function subResults(result: PagefindResultData): SubResult[] {
	const rows = rowSubResults(result);
	if (rows.length > 0) return rows.slice(0, MAX_SUB_RESULTS);
	return result.sub_results
		.filter((sub) => {
			const hash = new URL(sub.url, 'https://search.invalid/').hash;
			return hash !== '' && hash !== '#_top';
		})
		.slice(0, MAX_SUB_RESULTS);
}

/**
 * Order results for the reader: Pagefind's ranking, except that an index whose row header matches the term (the
 * package index entry of a package name) moves above every result but the image pages Pagefind ranks higher. It is
 * a more specific answer than a guide that mentions the name, yet a long index page loses to such a guide in
 * Pagefind's length-normalised ranking; the image page of the same name stays first.
 */
export function orderResults(results: readonly PagefindResultData[]): PagefindResultData[] {
	const exact = results.filter(matchesRowHeader);
	const rest = results.filter((result) => !exact.includes(result));
	const images = rest.findIndex((result) => !result.filters.type?.includes('Image'));
	const at = images === -1 ? rest.length : images;
	return [...rest.slice(0, at), ...exact, ...rest.slice(at)];
}
