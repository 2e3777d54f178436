import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Flags that keep Debian's Chromium quiet and offline in this sandbox (see the browser notes in README). */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Each browser context is a window of its own, and Chromium 156 preloads the address bar's suggestion popups as
	// web pages in every window: a renderer that worked through each test's page loads and doubled what a context cost
	// in CPU (docs/performance.md, "Test loop, session 8"). Tests never open the address bar.
	'--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/**
 * Debian's Chromium through playwright-core, started by a script that joins our --disable-features with Playwright's
 * own (Chromium would keep only the last list); CHROMIUM_PATH overrides where the script finds Chromium.
 */
const LAUNCH = { executablePath: fileURLToPath(new URL('chromium.sh', import.meta.url)), args: CHROMIUM_ARGS };

/** Start Chromium as a server that test files connect to (see tests/helpers/browser-server.ts). */
export function launchBrowserServer(): Promise<BrowserServer> {
	return chromium.launchServer(LAUNCH);
}

/**
 * Connect to the run's shared Chromium, or launch one when the project starts none (closing a connection leaves the
 * shared browser running for the other files).
 */
export function launchBrowser(): Promise<Browser> {
	const endpoint = inject('chromiumEndpoint');
	return endpoint ? chromium.connect(endpoint) : chromium.launch(LAUNCH);
}
