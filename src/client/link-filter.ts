/** Whether a link's text matches a filter: every word of the filter appears in it, ignoring case. */
export function matchesFilter(text: string, filter: string): boolean {
	const haystack = text.toLowerCase();
	return filter
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => haystack.includes(word));
}

/** Hide the list items whose text does not match the filter; returns how many stay visible. */
export function filterLinks(items: readonly HTMLElement[], filter: string): number {
	let shown = 0;
	for (const item of items) {
		const match = matchesFilter(item.textContent ?? '', filter);
		item.hidden = !match;
		if (match) shown++;
	}
	return shown;
}
