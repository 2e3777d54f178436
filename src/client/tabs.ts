const STORAGE_PREFIX = 'academy-tabs:';

/** Select the tab with `index` in one tab set, showing its panel. */
function select(root: HTMLElement, index: number, focus: boolean): void {
	const tabs = [...root.querySelectorAll<HTMLButtonElement>(':scope > [role="tablist"] > [role="tab"]')];
	const panels = [...root.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]')];
	tabs.forEach((tab, i) => {
		const selected = i === index;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
		panels[i]!.hidden = !selected;
	});
	if (focus) tabs[index]?.focus();
}

/** Select the tab labelled `label` in every tab set sharing `syncKey`, and remember it. */
function syncSelect(syncKey: string, label: string): void {
	for (const root of document.querySelectorAll<HTMLElement>(`academy-tabs[data-sync-key="${CSS.escape(syncKey)}"]`)) {
		const index = [...root.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]')].findIndex(
			(panel) => panel.dataset.tabLabel === label,
		);
		if (index !== -1) select(root, index, false);
	}
	try {
		localStorage.setItem(STORAGE_PREFIX + syncKey, label);
	} catch {
		// Storage may be blocked; tabs still switch on this page.
	}
}

/** Turn every tab set on the page into ARIA tabs with arrow-key navigation and optional syncing. */
export function initTabs(): void {
	for (const root of document.querySelectorAll<HTMLElement>('academy-tabs:not([data-ready])')) {
		root.dataset.ready = '';
		const tablist = root.querySelector<HTMLElement>(':scope > [role="tablist"]')!;
		const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
		const panels = [...root.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]')];
		tablist.hidden = false;
		panels.forEach((panel, i) => {
			panel.id = `${tabs[i]!.id}-panel`;
			panel.setAttribute('aria-labelledby', tabs[i]!.id);
			panel.tabIndex = 0;
			tabs[i]!.setAttribute('aria-controls', panel.id);
		});
		const syncKey = root.dataset.syncKey;
		let initial = 0;
		if (syncKey) {
			try {
				const saved = localStorage.getItem(STORAGE_PREFIX + syncKey);
				const savedIndex = panels.findIndex((panel) => panel.dataset.tabLabel === saved);
				if (savedIndex !== -1) initial = savedIndex;
			} catch {
				// Fall back to the first tab.
			}
		}
		select(root, initial, false);
		tabs.forEach((tab, i) => {
			tab.addEventListener('click', () => {
				if (syncKey) syncSelect(syncKey, panels[i]!.dataset.tabLabel ?? '');
				else select(root, i, false);
			});
			tab.addEventListener('keydown', (event) => {
				const last = tabs.length - 1;
				const target = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
				if (target === undefined) return;
				event.preventDefault();
				if (syncKey) syncSelect(syncKey, panels[target]!.dataset.tabLabel ?? '');
				select(root, target, true);
			});
		});
	}
}
