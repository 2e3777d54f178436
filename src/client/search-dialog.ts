import '../styles/search.css';
import { unescapeHtml } from '../lib/html.ts';
import { orderResults, subResults, type PagefindResultData } from './search-results.ts';

/** Minimal typing of the Pagefind browser API that this dialog uses. */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	search(
		term: string,
		options?: { filters?: Record<string, string> },
	): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

const MAX_RESULTS = 12;
const FILTER_LABELS: Record<string, string> = { type: 'Content type', section: 'Section' };

let dialog: HTMLDialogElement | undefined;
let pagefind: Promise<Pagefind> | undefined;
let returnFocusTo: HTMLElement | undefined;
let searchId = 0;

/** Load the Pagefind client that the build wrote next to the site, once. */
function loadPagefind(): Promise<Pagefind> {
	// The path is only known at run time: Pagefind writes it after the bundler has finished.
	const url = '/pagefind/pagefind.js';
	pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
		await module.options({ excerptLength: 24 });
		return module;
	});
	return pagefind;
}

/** Create an element with a class and optional text, so no untrusted string is ever parsed as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Put a Pagefind excerpt into a node: plain text with the matched words wrapped in <mark>. */
function renderExcerpt(target: HTMLElement, excerpt: string): void {
	// Pagefind escapes page text and only adds <mark>; rebuild it from text parts to be sure nothing else gets in.
	const parts = excerpt.split(/(<mark>[\s\S]*?<\/mark>)/g);
	for (const part of parts) {
		const marked = part.match(/^<mark>([\s\S]*)<\/mark>$/);
		const text = unescapeHtml(marked ? marked[1]! : part);
		target.append(marked ? element('mark', undefined, text) : document.createTextNode(text));
	}
}

/** Build the dialog once and wire up its keyboard handling. */
function createDialog(): HTMLDialogElement {
	const root = element('dialog', 'search-dialog');
	root.setAttribute('aria-labelledby', 'search-dialog-title');
	root.innerHTML = `
		<div class="search-panel">
			<div class="search-bar">
				<h2 id="search-dialog-title" class="sr-only">Search the Academy</h2>
				<label class="sr-only" for="search-input">Search guides and images</label>
				<input id="search-input" type="search" autocomplete="off" spellcheck="false" placeholder="Search guides and images" aria-describedby="search-help" />
				<button type="button" class="icon-button" data-close>Close</button>
			</div>
			<div class="search-filters" data-filters></div>
			<p id="search-help" class="search-help">Use ↑ and ↓ to move through results, Enter to open, Esc to close.</p>
			<p class="search-status" role="status" aria-live="polite" data-status></p>
			<ul class="search-results" data-results aria-label="Search results"></ul>
		</div>`;
	document.body.append(root);

	const input = root.querySelector<HTMLInputElement>('#search-input')!;
	const results = root.querySelector<HTMLUListElement>('[data-results]')!;
	root.querySelector('[data-close]')!.addEventListener('click', () => root.close());
	root.addEventListener('click', (event) => {
		if (event.target === root) root.close();
	});
	root.addEventListener('close', () => returnFocusTo?.focus());
	input.addEventListener('input', () => void runSearch(root));
	root.addEventListener('change', (event) => {
		if ((event.target as HTMLElement).matches('select')) void runSearch(root);
	});
	root.addEventListener('keydown', (event) => {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
		if (links.length === 0) return;
		event.preventDefault();
		const current = links.indexOf(document.activeElement as HTMLAnchorElement);
		const next = event.key === 'ArrowDown' ? Math.min(current + 1, links.length - 1) : current - 1;
		if (next < 0) input.focus();
		else links[next]!.focus();
	});
	addFilters(root).catch(() => showUnavailable(root));
	return root;
}

/** Say why search cannot answer: the index only exists in a production build (not in `npm run dev`). */
function showUnavailable(root: HTMLDialogElement): void {
	root.querySelector<HTMLElement>('[data-status]')!.textContent =
		'Search is not available here: its index is made by `npm run build` (try `npm run preview`).';
}

/** Offer one select per Pagefind filter (section, content type) once the index is loaded. */
async function addFilters(root: HTMLDialogElement): Promise<void> {
	const filters = await (await loadPagefind()).filters();
	const container = root.querySelector<HTMLElement>('[data-filters]')!;
	for (const name of ['type', 'section']) {
		const values = filters[name];
		if (!values) continue;
		const label = element('label', 'search-filter');
		label.append(element('span', undefined, FILTER_LABELS[name] ?? name));
		const select = element('select');
		select.name = name;
		select.append(new Option('All', ''));
		for (const value of Object.keys(values).sort()) select.append(new Option(`${value} (${values[value]})`, value));
		label.append(select);
		container.append(label);
	}
}

/** Run the current query and render the results; late answers to older queries are dropped. */
async function runSearch(root: HTMLDialogElement): Promise<void> {
	const id = ++searchId;
	const term = root.querySelector<HTMLInputElement>('#search-input')!.value.trim();
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	const list = root.querySelector<HTMLUListElement>('[data-results]')!;
	const filters: Record<string, string> = {};
	for (const select of root.querySelectorAll<HTMLSelectElement>('[data-filters] select'))
		if (select.value) filters[select.name] = select.value;
	if (!term) {
		list.replaceChildren();
		status.textContent = '';
		return;
	}
	let search: Awaited<ReturnType<Pagefind['search']>>;
	try {
		search = await (await loadPagefind()).search(term, { filters });
	} catch {
		showUnavailable(root);
		return;
	}
	if (id !== searchId || !search) return;
	const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
	if (id !== searchId) return;
	list.replaceChildren(...orderResults(data).map(renderResult));
	status.textContent =
		search.results.length === 0 ? `No results for “${term}”.` : `${search.results.length} results for “${term}”.`;
}

/** One result: the page link with its excerpt, then links to the matching sections of the page. */
function renderResult(result: PagefindResultData): HTMLLIElement {
	const item = element('li', 'search-result');
	const link = element('a');
	link.href = result.url;
	link.append(element('span', 'search-result-title', result.meta.title ?? result.url));
	const type = result.filters.type?.[0];
	if (type) link.append(element('span', 'search-result-type', type));
	const excerpt = element('span', 'search-result-excerpt');
	renderExcerpt(excerpt, result.excerpt);
	link.append(excerpt);
	item.append(link);
	const subs = subResults(result);
	if (subs.length > 0) {
		const nested = element('ul', 'search-subresults');
		for (const sub of subs) {
			const subItem = element('li');
			const subLink = element('a');
			subLink.href = sub.url;
			subLink.append(element('span', 'search-result-title', sub.title));
			const subExcerpt = element('span', 'search-result-excerpt');
			renderExcerpt(subExcerpt, sub.excerpt);
			subLink.append(subExcerpt);
			subItem.append(subLink);
			nested.append(subItem);
		}
		item.append(nested);
	}
	return item;
}

/** Open the search dialog, creating it on first use; focus returns to `opener` when it closes. */
export function openSearch(opener: HTMLElement): void {
	dialog ??= createDialog();
	returnFocusTo = opener;
	if (!dialog.open) dialog.showModal();
	const input = dialog.querySelector<HTMLInputElement>('#search-input')!;
	input.focus();
	input.select();
}
