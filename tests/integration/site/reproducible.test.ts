import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 */
const OTHER_LOCALES = ['cs_CZ.UTF-8', 'lt_LT.UTF-8'];

describe('reproducible builds', () => {
	let inC: BuildResult;
	const others: BuildResult[] = [];

	beforeAll(async () => {
		inC = await buildSite({ LC_ALL: 'C', LANG: 'C' });
	});
	afterAll(() => {
		for (const result of [inC, ...others]) result?.remove();
	});

	it('gives a byte-identical dist/ from the same inputs, with a fresh cache', () => {
		expect(inC.code, inC.output.slice(-3000)).toBe(0);
		expect(differingFiles(DIST, inC.outDir)).toEqual([]);
	});

	it.each(OTHER_LOCALES)('gives the same dist/ under LC_ALL=%s as under LC_ALL=C', async (locale) => {
		const other = await buildSite({ LC_ALL: locale, LANG: locale });
		others.push(other);
		expect(other.code, other.output.slice(-3000)).toBe(0);
		expect(differingFiles(inC.outDir, other.outDir)).toEqual([]);
	});
});
