import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/images/demo/local-registry.ts';
import { DIST } from '../../helpers/site.ts';
import { buildSite, type BuildResult } from './build.ts';

/** Every file under a folder, relative to it, sorted. */
function files(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)))
		.sort();
}

/** Files of `actual` whose bytes differ from the same file in `expected`, after checking both hold the same files. */
function differingFiles(expected: string, actual: string): string[] {
	const names = files(expected);
	expect(files(actual)).toEqual(names);
	return names.filter((file) => !readFileSync(join(expected, file)).equals(readFileSync(join(actual, file))));
}

/**
 * Locales whose collation differs from the C locale on this site's own data: Czech sorts "ch" after "h" (guide ids
 * such as choosing-a-base-image), Lithuanian sorts "y" right after "i" (package names such as libyaml). A build that
 * orders anything with localeCompare differs under them; compareText gives the same bytes everywhere.
 *
 * Each locale build is compared with dist/, which `npm test` builds under LC_ALL=C (tests/helpers/site-build.ts) from
 * the run's caches. The Czech build starts from a fresh cache, so it is also the fresh-cache build: a difference there
 * is either a cached result or a locale. The Lithuanian build starts from the content caches (highlighted blocks,
 * social cards, twins, gzip: each filed under a hash of its input), which skips work that the Czech build already
 * showed to be locale-independent; what the locale changes is ordering across pages, which is never cached.
 *
 * The Lithuanian build is also live mode's snapshot fallback: its registry cannot be reached and IMAGES_FALLBACK=snapshot
 * tells it to build the committed snapshot, the same input as dist/. One build serves both files' worth of checks.
 */
const LOCALE_BUILDS: Record<string, { reuseContentCaches: boolean; snapshotFallback: boolean }> = {
	'cs_CZ.UTF-8': { reuseContentCaches: false, snapshotFallback: false },
	'lt_LT.UTF-8': { reuseContentCaches: true, snapshotFallback: true },
};

/** Live mode against a port nobody listens on (the connection is refused at once), falling back to the snapshot. */
async function unreachableRegistryWithFallback(): Promise<Record<string, string>> {
	const closedPort = await freePort();
	return {
		IMAGES_REGISTRY: `http://127.0.0.1:${closedPort}/chainguard`,
		IMAGES_REPOS: 'python',
		IMAGES_TAGS: 'latest',
		IMAGES_FALLBACK: 'snapshot',
	};
}

const builds = new Map<string, Promise<BuildResult>>();
/** The build under `locale`, started once and shared by the tests that read it. */
function buildIn(locale: string): Promise<BuildResult> {
	if (!builds.has(locale)) {
		const { reuseContentCaches, snapshotFallback } = LOCALE_BUILDS[locale]!;
		const started = (snapshotFallback ? unreachableRegistryWithFallback() : Promise.resolve({})).then((images) =>
			buildSite({ LC_ALL: locale, LANG: locale, ...images }, { reuseContentCaches }),
		);
		builds.set(locale, started);
	}
	return builds.get(locale)!;
}
afterAll(async () => {
	for (const result of await Promise.all(builds.values())) result.remove();
});

describe('reproducible builds', () => {
	it('gives a byte-identical dist/ from the same inputs, with a fresh cache', async () => {
		const fresh = await buildIn('cs_CZ.UTF-8');
		expect(fresh.code, fresh.output.slice(-3000)).toBe(0);
		expect(differingFiles(DIST, fresh.outDir)).toEqual([]);
	});

	it.each(Object.keys(LOCALE_BUILDS))('gives the same dist/ under LC_ALL=%s as under LC_ALL=C', async (locale) => {
		const other = await buildIn(locale);
		expect(other.code, other.output.slice(-3000)).toBe(0);
		expect(differingFiles(DIST, other.outDir)).toEqual([]);
	});
});

describe('live registry mode', () => {
	// Without IMAGES_FALLBACK the same settings fail the build: live-registry.test.ts.
	it('builds the committed snapshot when the registry cannot be reached and IMAGES_FALLBACK=snapshot', async () => {
		const fallback = await buildIn('lt_LT.UTF-8');
		expect(fallback.code, fallback.output.slice(-3000)).toBe(0);
		expect(fallback.output).toContain('Using the committed snapshot (IMAGES_FALLBACK=snapshot)');
		expect(readFileSync(join(fallback.outDir, 'images/python/index.html'), 'utf8')).toBe(
			readFileSync(join(DIST, 'images/python/index.html'), 'utf8'),
		);
	});
});
