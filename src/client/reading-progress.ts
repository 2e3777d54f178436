/**
 * Reading progress through the learning paths: the guides a reader marked as read, kept in this browser's
 * localStorage only. Nothing is sent anywhere. Without JavaScript or storage the controls stay hidden.
 */

/** The localStorage key: a JSON list of the URLs of the guides marked as read. */
export const READ_GUIDES_KEY = 'academy-read-guides';

/** The stored list as a set; anything unreadable (hand-edited, another version's format) counts as nothing read. */
export function parseReadGuides(stored: string | null): Set<string> {
	try {
		const value: unknown = JSON.parse(stored ?? '[]');
		if (!Array.isArray(value)) return new Set();
		return new Set(value.filter((item): item is string => typeof item === 'string' && item.startsWith('/')));
	} catch {
		return new Set();
	}
}

/** The set as stored: sorted, so the same progress is always the same text. */
export function serializeReadGuides(read: ReadonlySet<string>): string {
	return JSON.stringify([...read].sort());
}

/** "3 of 9 read". */
export function progressText(read: number, total: number): string {
	return `${read} of ${total} read`;
}

/** How many of a path's guides are read. */
export function countRead(guides: readonly string[], read: ReadonlySet<string>): number {
	return guides.filter((guide) => read.has(guide)).length;
}

/** The guides read so far, or null when storage is blocked (private mode, strict settings). */
function loadReadGuides(): Set<string> | null {
	try {
		return parseReadGuides(localStorage.getItem(READ_GUIDES_KEY));
	} catch {
		return null;
	}
}

/** Mark a guide as read or unread; false when storage refused the change. */
function saveReadGuide(guide: string, isRead: boolean): boolean {
	const read = loadReadGuides();
	if (!read) return false;
	if (isRead) read.add(guide);
	else read.delete(guide);
	try {
		localStorage.setItem(READ_GUIDES_KEY, serializeReadGuides(read));
		return true;
	} catch {
		return false;
	}
}

/** Show the stored progress on every marked element of the page. */
function render(read: ReadonlySet<string>): void {
	for (const checkbox of document.querySelectorAll<HTMLInputElement>('input[data-read-checkbox]')) {
		checkbox.checked = read.has(checkbox.value);
		checkbox.closest<HTMLElement>('[data-read-control]')!.hidden = false;
	}
	for (const step of document.querySelectorAll<HTMLElement>('[data-step-guide]')) {
		step.toggleAttribute('data-read', read.has(step.dataset.stepGuide!));
	}
	for (const summary of document.querySelectorAll<HTMLElement>('[data-path-progress]')) {
		const guides = summary.dataset.pathProgress!.split(' ');
		const done = countRead(guides, read);
		summary.querySelector('[data-progress-text]')!.textContent = progressText(done, guides.length);
		const bar = summary.querySelector('progress');
		if (bar) bar.value = done;
		// On overviews (cards) the line waits for a first guide read; "0 of 9 read" tells a new reader nothing.
		summary.hidden = done === 0 && summary.hasAttribute('data-progress-when-started');
	}
}

/** Wire up the read checkboxes, marked steps and progress summaries of the page. */
export function initReadingProgress(): void {
	const read = loadReadGuides();
	if (!read) return;
	render(read);
	document.addEventListener('change', (event) => {
		const checkbox = event.target as HTMLInputElement;
		if (!checkbox.matches('input[data-read-checkbox]')) return;
		if (saveReadGuide(checkbox.value, checkbox.checked)) render(loadReadGuides()!);
	});
	// Progress marked in another tab shows up here too.
	addEventListener('storage', (event) => {
		if (event.key === READ_GUIDES_KEY) render(parseReadGuides(event.newValue));
	});
}
