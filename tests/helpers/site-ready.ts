import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { SiteBuildStatus } from './site-build.ts';

/** Longest wait for the run's build of dist/; a cold build takes well under a minute on two cores. */
const BUILD_TIMEOUT_MS = 600_000;

/** Wait until the run's build of dist/ is done, and fail every test of the file if it failed. */
async function siteReady(statusFile: string): Promise<void> {
	const deadline = Date.now() + BUILD_TIMEOUT_MS;
	while (!existsSync(statusFile)) {
		if (Date.now() > deadline) throw new Error(`The site build of this test run did not finish in ${BUILD_TIMEOUT_MS / 1000} s.`);
		await sleep(250);
	}
	const status = JSON.parse(readFileSync(statusFile, 'utf8')) as SiteBuildStatus;
	if (status.code !== 0) {
		throw Object.assign(
			new Error(`The site build of this test run failed (exit code ${status.code}); its output is in ${status.log}.`),
			{
				hint: 'Fix the error the log names; `npm run build` shows it too.',
			},
		);
	}
}

// A setup file of the projects that read dist/: each test file starts once dist/ is built.
const statusFile = inject('siteBuildStatus');
if (statusFile) await siteReady(statusFile);
