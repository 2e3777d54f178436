import { chromium, type Browser } from 'playwright-core';

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

/** Launch Debian's Chromium through playwright-core; CHROMIUM_PATH overrides the location. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
