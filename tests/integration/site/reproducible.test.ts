import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../helpers/site.ts';
import { buildSite } from './build.ts';

/** Every file under a folder, relative to it, sorted. */
function files(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)))
		.sort();
}

describe('reproducible builds', () => {
	it('gives a byte-identical dist/ from the same inputs, with a fresh cache', async () => {
		const result = await buildSite({});
		expect(result.code, result.output.slice(-3000)).toBe(0);
		const expected = files(DIST);
		expect(files(result.outDir)).toEqual(expected);
		const differing = expected.filter((file) => !readFileSync(join(DIST, file)).equals(readFileSync(join(result.outDir, file))));
		expect(differing).toEqual([]);
	});
});
