const FOCUSABLE =
	'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Elements inside `regions` that Tab can reach, in document order. */
function focusables(regions: readonly HTMLElement[]): HTMLElement[] {
	return regions
		.flatMap((region) => [region, ...region.querySelectorAll<HTMLElement>(FOCUSABLE)])
		.filter((node) => node.matches(FOCUSABLE) && node.getClientRects().length > 0)
		.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * Keep Tab and Shift+Tab inside `regions` and call `onEscape` when Escape is pressed.
 *
 * Returns a function that removes the trap.
 */
export function trapFocus(regions: readonly HTMLElement[], onEscape: () => void): () => void {
	const onKeydown = (event: KeyboardEvent) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			onEscape();
			return;
		}
		if (event.key !== 'Tab') return;
		const nodes = focusables(regions);
		if (nodes.length === 0) return;
		// The regions need not be adjacent in the document (menu button in the header, menu below),
		// so Tab order is computed here rather than left to the browser.
		event.preventDefault();
		const current = nodes.indexOf(document.activeElement as HTMLElement);
		const step = event.shiftKey ? -1 : 1;
		const next = current === -1 ? (event.shiftKey ? nodes.length - 1 : 0) : (current + step + nodes.length) % nodes.length;
		nodes[next]!.focus();
	};
	document.addEventListener('keydown', onKeydown);
	return () => document.removeEventListener('keydown', onKeydown);
}
