import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** File where the run's own build of dist/ writes its outcome; empty when the tests use dist/ as it is. */
		siteBuildStatus: string;
	}
}

/** Outcome of the run's build of dist/, written to the status file once the build ends. */
export interface SiteBuildStatus {
	code: number | null;
	log: string;
}

/** The run's build of dist/, shared by the projects whose global setup lists this file (they run in one process). */
interface RunningBuild {
	child: ChildProcess;
	statusFile: string;
	done: Promise<void>;
}

const KEY = Symbol.for('academy.site-build');
const state = globalThis as typeof globalThis & { [KEY]?: RunningBuild };

/** Start `astro build` into dist/, writing its log and then its status file into test-results/ (atomically). */
function startBuild(): RunningBuild {
	const folder = resolve('test-results');
	mkdirSync(folder, { recursive: true });
	const statusFile = resolve(folder, 'site-build.json');
	const log = resolve(folder, 'site-build.log');
	const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
		// Under the C locale: tests/integration/site/reproducible.test.ts compares builds in other locales with it.
		env: { ...process.env, LC_ALL: 'C', LANG: 'C', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const done = new Promise<void>((settle) => {
		const finish = (code: number | null) => {
			writeFileSync(log, output);
			const status: SiteBuildStatus = { code, log };
			writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
			renameSync(`${statusFile}.tmp`, statusFile);
			settle();
		};
		child.on('error', (error) => {
			output += String(error);
			finish(null);
		});
		child.on('close', finish);
	});
	return { child, statusFile, done };
}

/**
 * With ACADEMY_BUILD_SITE=1 (`npm test`), build dist/ while the first test files run: the unit tests need no site,
 * and the files that do wait for it in tests/helpers/site-ready.ts. Without it the tests use dist/ as it is.
 */
export default function setup(project: TestProject): () => Promise<void> {
	if (process.env.ACADEMY_BUILD_SITE !== '1') {
		project.provide('siteBuildStatus', '');
		return async () => {};
	}
	const build = (state[KEY] ??= startBuild());
	project.provide('siteBuildStatus', build.statusFile);
	return async () => {
		// A run that stops early (a failure with --bail, Ctrl-C) must not leave the build running.
		if (build.child.exitCode === null && build.child.signalCode === null) build.child.kill('SIGTERM');
		await build.done;
	};
}
