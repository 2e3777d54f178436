import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** WebSocket address of the Chromium that every browser test file of the run connects to. */
		chromiumEndpoint: string;
	}
}

/** Start one Chromium for the whole run instead of one per test file; its address is handed to the files. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const server = await launchBrowserServer();
	project.provide('chromiumEndpoint', server.wsEndpoint());
	return () => server.close();
}
