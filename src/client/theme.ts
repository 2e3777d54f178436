/** What the reader picked in the theme switch. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

const STORAGE_KEY = 'academy-theme';

/** Read the stored theme choice, defaulting to following the system. */
export function readThemeChoice(): ThemeChoice {
	try {
		const stored = localStorage.getItem(STORAGE_KEY);
		if (stored === 'light' || stored === 'dark') return stored;
	} catch {
		// Storage can be blocked (private mode, strict settings); the theme then follows the system.
	}
	return 'auto';
}

/** Apply a theme choice to the page and optionally remember it for the next pages. */
export function applyTheme(choice: ThemeChoice, persist: boolean): void {
	const dark = choice === 'dark' || (choice === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
	document.documentElement.dataset.theme = dark ? 'dark' : 'light';
	document.documentElement.dataset.themeChoice = choice;
	if (!persist) return;
	try {
		localStorage.setItem(STORAGE_KEY, choice);
	} catch {
		// Nothing to do: the choice still applies to this page.
	}
}
