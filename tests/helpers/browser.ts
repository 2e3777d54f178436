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
];

/** Debian's Chromium through playwright-core; CHROMIUM_PATH overrides the location. */
const LAUNCH = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS };

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
