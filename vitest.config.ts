import { configDefaults, defineConfig } from 'vitest/config';
import { SuiteOrderSequencer } from './tests/helpers/sequencer.ts';

// Four suites: fast unit tests; integration tests against real local servers (docker-registry, proxies); site
// integration tests, which build the site again or serve dist/ (nginx); and browser tests that drive Debian's Chromium
// against the built site in dist/.
//
// The suites run side by side on two workers (this machine has two cores): most of a site build or a browser test
// is spent in a child process, so one worker alone leaves a core idle. `npm test` builds dist/ while the unit files
// run (tests/helpers/site-build.ts); the files that read dist/ wait for it (tests/helpers/site-ready.ts). Every other
// build has its own copy of the project (tests/integration/site/build.ts), so two builds never share a folder.
const SITE_BUILD = { globalSetup: ['tests/helpers/site-build.ts'], setupFiles: ['tests/helpers/site-ready.ts'] };
/** Integration files that read dist/ or start from its content caches, so they wait for the run's build of it. */
const SITE_FILES = ['tests/integration/site/**/*.test.ts', 'tests/integration/hosting/**/*.test.ts'];
/** Integration tests start servers, registries and builds: allow for a busy machine. */
const SLOW = { testTimeout: 300_000, hookTimeout: 300_000 };

export default defineConfig({
	test: {
		// Once per run, whichever projects run (projects do not inherit the root's global setup): the folder where the
		// first file that needs the demo images in a registry seeds them for all (tests/helpers/registry/demo-store.ts).
		globalSetup: ['tests/helpers/registry/demo-store-setup.ts'],
		maxWorkers: 2,
		sequence: { sequencer: SuiteOrderSequencer },
		projects: [
			{
				extends: true,
				// Unit files share one module graph per worker: importing Astro, Shiki and Sätteri again for each file was
				// two thirds of the suite's CPU time. A file that changes a global restores it (afterEach).
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
			},
			{
				extends: true,
				// These need no site, so they run while dist/ is built, on the worker the unit files leave free.
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					exclude: [...configDefaults.exclude, ...SITE_FILES],
					...SLOW,
				},
			},
			{ extends: true, test: { name: 'site', include: SITE_FILES, ...SITE_BUILD, ...SLOW } },
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: [...SITE_BUILD.globalSetup, 'tests/helpers/browser-server.ts'],
					setupFiles: SITE_BUILD.setupFiles,
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
