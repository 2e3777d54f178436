import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_SCHEMA_VERSION, defaultVariant, variantForTag, type ImageRepository } from '../../../src/images/model.ts';
import { METADATA_FILE, SnapshotError, readPreviousSnapshot, readSnapshot, writeSnapshot } from '../../../src/images/snapshot.ts';

const COMMITTED = join(import.meta.dirname, '../../../content/images');
const base = { registry: 'cgr.dev', namespace: 'chainguard', demo: false, standsFor: null };
const first = new Date(Date.UTC(2025, 0, 1));
const later = new Date(Date.UTC(2026, 0, 1));

let dir: string;
let images: ImageRepository[];

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'sca-snapshot-'));
	images = (await readSnapshot(COMMITTED)).images.filter((image) => ['jq', 'static', 'python'].includes(image.name));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('the committed demo snapshot', () => {
	it('validates, is flagged as demo data and holds the 25 demo images', async () => {
		const snapshot = await readSnapshot(COMMITTED);
		expect(snapshot.metadata).toMatchObject({
			schemaVersion: IMAGE_SCHEMA_VERSION,
			registry: 'registry.demo.invalid',
			namespace: 'chainguard',
			demo: true,
			standsFor: { namespace: 'cgr.dev/chainguard' },
		});
		// Every image but the demo-only jq stands for a public image of the same name.
		expect(snapshot.metadata.standsFor!.repositories).toEqual(snapshot.metadata.repositories.filter((name) => name !== 'jq'));
		expect(snapshot.images.map((image) => image.name)).toEqual(snapshot.metadata.repositories);
		expect(snapshot.images).toHaveLength(25);
	});

	it('finds variants by tag for the pages', async () => {
		const python = (await readSnapshot(COMMITTED)).images.find((image) => image.name === 'python')!;
		expect(variantForTag(python, 'latest-dev')!.tags).toEqual(['latest-dev']);
		expect(defaultVariant(python)).toBe(variantForTag(python, 'latest'));
		expect(variantForTag(python, 'nope')).toBeNull();
	});
});

describe('writeSnapshot', () => {
	it('writes sorted, stable files and leaves them byte-identical when nothing changed', async () => {
		const result = await writeSnapshot(dir, [...images].reverse(), base, first);
		expect(result.changed).toBe(true);
		expect(result.written).toEqual(['jq.json', 'python.json', 'static.json', METADATA_FILE]);
		const before = await readFile(join(dir, 'jq.json'), 'utf8');
		const metadata = await readFile(join(dir, METADATA_FILE), 'utf8');
		const again = await writeSnapshot(dir, images, base, later);
		expect(again).toEqual({ changed: false, written: [], removed: [] });
		expect(await readFile(join(dir, 'jq.json'), 'utf8')).toBe(before);
		expect(await readFile(join(dir, METADATA_FILE), 'utf8')).toBe(metadata);
		expect(JSON.parse(metadata).syncedAt).toBe(first.toISOString());
		expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	it('moves the sync time only when data changed, and removes repositories that left', async () => {
		await writeSnapshot(dir, images, base, first);
		const result = await writeSnapshot(
			dir,
			images.filter((image) => image.name !== 'static'),
			base,
			later,
		);
		expect(result).toMatchObject({ changed: true, removed: ['static.json'] });
		const snapshot = await readSnapshot(dir);
		expect(snapshot.metadata.syncedAt).toBe(later.toISOString());
		expect(snapshot.metadata.repositories).toEqual(['jq', 'python']);
	});

	it('refuses to write an image that does not match the schema', async () => {
		const broken = { ...images[0], tags: [{ name: 'latest', digest: 'md5:abc', updatedAt: null, updatedAtSource: null }] };
		await expect(writeSnapshot(dir, [broken], base, first)).rejects.toThrow(/digest/);
		expect(await readdir(dir)).toEqual([]);
	});
});

describe('readSnapshot', () => {
	beforeEach(async () => {
		await writeSnapshot(dir, images, base, first);
	});

	it('names the file and the field of an invalid entry', async () => {
		const file = join(dir, 'jq.json');
		const jq = JSON.parse(await readFile(file, 'utf8'));
		jq.variants[0].platforms[0].config.user = 42;
		await writeFile(file, JSON.stringify(jq));
		const error = await readSnapshot(dir).catch((caught) => caught);
		expect(error).toBeInstanceOf(SnapshotError);
		expect(error.message).toMatch(new RegExp(`jq\\.json: field "variants\\.0\\.platforms\\.0\\.config\\.user"`));
		expect(error.hint).toMatch(/npm run images:sync/);
	});

	it('rejects broken JSON, a missing metadata file and stray files', async () => {
		await writeFile(join(dir, 'static.json'), '{');
		await expect(readSnapshot(dir)).rejects.toThrow(/static\.json: is not valid JSON/);
		await writeSnapshot(dir, images, base, first);
		await writeFile(join(dir, 'stray.json'), '{}');
		await expect(readSnapshot(dir)).rejects.toThrow(/stray\.json: is not listed in _snapshot\.json/);
		await expect(readSnapshot(join(dir, 'missing'))).rejects.toThrow(
			expect.objectContaining({
				message: expect.stringMatching(/cannot be read$/),
				hint: expect.stringMatching(/^Run `npm run images:demo`/),
			}),
		);
	});

	it('reports other schema versions with the way out', async () => {
		const file = join(dir, METADATA_FILE);
		await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 0 }));
		await expect(readSnapshot(dir)).rejects.toThrow(
			expect.objectContaining({
				hint: expect.stringMatching(new RegExp(`another schema version than ${IMAGE_SCHEMA_VERSION}; run npm run images:sync`)),
			}),
		);
		const previous = await readPreviousSnapshot(dir);
		expect(previous.snapshot).toBeNull();
		expect(previous.problem).toMatch(/schemaVersion/);
		expect(await readPreviousSnapshot(join(dir, 'nothing-here'))).toEqual({ snapshot: null, problem: null });
	});
});
