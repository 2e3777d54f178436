const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

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
		const first = nodes[0]!;
		const last = nodes.at(-1)!;
		const active = document.activeElement as HTMLElement | null;
		const inside = active !== null && nodes.includes(active);
		if (event.shiftKey && (active === first || !inside)) {
			event.preventDefault();
			last.focus();
		} else if (!event.shiftKey && (active === last || !inside)) {
			event.preventDefault();
			first.focus();
		}
	};
	document.addEventListener('keydown', onKeydown);
	return () => document.removeEventListener('keydown', onKeydown);
}
