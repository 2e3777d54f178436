import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentCache, readBuildState, versionOf, writeBuildState } from '../../../src/lib/content-cache.ts';

const folders: string[] = [];
const tempFolder = () => {
	const folder = mkdtempSync(join(tmpdir(), 'academy-cache-'));
	folders.push(folder);
	return folder;
};
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('ContentCache', () => {
	it('makes a result once per input and reads it back on the next build, from a new cache object', async () => {
		const dir = tempFolder();
		let made = 0;
		const make = () => {
			made++;
			return 'result';
		};
		expect((await new ContentCache(dir, 'v1').get({ page: 'a' }, '.txt', make)).toString()).toBe('result');
		expect((await new ContentCache(dir, 'v1').get({ page: 'a' }, '.txt', make)).toString()).toBe('result');
		expect(made).toBe(1);
		expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	it('makes the result again when the input or the version changes', async () => {
		const dir = tempFolder();
		const seen: string[] = [];
		const cache = (version: string, page: string) =>
			new ContentCache(dir, version).get({ page }, '.txt', () => (seen.push(`${version}:${page}`), page));
		await cache('v1', 'a');
		await cache('v1', 'b');
		await cache('v2', 'a');
		await cache('v1', 'a');
		expect(seen).toEqual(['v1:a', 'v1:b', 'v2:a']);
	});

	it('tells whether a result is stored, for this input, extension and version only', async () => {
		const dir = tempFolder();
		const cache = new ContentCache(dir, 'v1');
		expect(cache.has({ page: 'a' }, '.txt'), 'before it is made').toBe(false);
		await cache.get({ page: 'a' }, '.txt', () => 'result');
		expect(cache.has({ page: 'a' }, '.txt'), 'after it is made').toBe(true);
		expect(cache.has({ page: 'b' }, '.txt'), 'another input').toBe(false);
		expect(cache.has({ page: 'a' }, '.png'), 'another extension').toBe(false);
		expect(new ContentCache(dir, 'v2').has({ page: 'a' }, '.txt'), 'another version').toBe(false);
		expect(new ContentCache(undefined, 'v1').has({ page: 'a' }, '.txt'), 'no folder').toBe(false);
	});

	it('computes every time without a folder', async () => {
		let made = 0;
		const cache = new ContentCache(undefined, 'v1');
		await cache.get('x', '.bin', () => Buffer.from([made++]));
		await cache.get('x', '.bin', () => Buffer.from([made++]));
		expect(made).toBe(2);
	});
});

describe('versionOf', () => {
	it('changes when one of the files changes', () => {
		const file = join(tempFolder(), 'code.ts');
		writeFileSync(file, 'one');
		const before = versionOf([file]);
		writeFileSync(file, 'two');
		expect(versionOf([file])).not.toBe(before);
		expect(versionOf([file])).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe('build state', () => {
	it('gives back what the last build kept, only to code of the same version', async () => {
		const file = join(tempFolder(), 'academy-link-check', 'passed.json');
		expect(await readBuildState(file, 'v1'), 'nothing kept yet').toBeUndefined();
		await writeBuildState(file, 'v1', { pages: [['a', 1]] });
		expect(await readBuildState(file, 'v1')).toEqual({ pages: [['a', 1]] });
		expect(await readBuildState(file, 'v2'), 'kept by other code').toBeUndefined();
		expect(readdirSync(join(file, '..'))).toEqual(['passed.json']);
		writeFileSync(file, '{"version": "v1", "sta');
		expect(await readBuildState(file, 'v1'), 'an unreadable file').toBeUndefined();
	});
});
