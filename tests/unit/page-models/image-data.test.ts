import { describe, expect, it } from 'vitest';
import type { ImageSourceData } from '../../../src/data/image-catalog.ts';
import { imageRepositorySchema } from '../../../src/images/model.ts';
import { packageIndex } from '../../../src/images/queries.ts';
import {
	catalogDocument,
	catalogDocumentSchema,
	IMAGE_DATA_VERSION,
	imageDataPath,
	imageDocument,
	imageDocumentSchema,
	packagesDocument,
	packagesDocumentSchema,
} from '../../../src/page-models/image-data.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const SITE = 'https://academy.test';
const SOURCE: ImageSourceData = {
	mode: 'snapshot',
	schemaVersion: 1,
	registry: 'cgr.dev',
	namespace: 'chainguard',
	demo: true,
	syncedAt: '2025-07-01T00:00:00.000Z',
	repositories: ['jq', 'python', 'static'],
};
const ENVELOPE = {
	schemaVersion: IMAGE_DATA_VERSION,
	source: { registry: 'cgr.dev', namespace: 'chainguard', demo: true, syncedAt: '2025-07-01T00:00:00.000Z', mode: 'snapshot' },
};

/** Maps of the model (labels, annotations): the snapshot stores their keys sorted, and the files keep that order. */
const MAPS = new Set(['labels', 'annotations']);

/** The same value with the keys of every model object inserted in reverse order. */
function reversedKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reversedKeys) as T;
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value).map(([key, item]) => [key, MAPS.has(key) ? item : reversedKeys(item)] as const);
	return Object.fromEntries(entries.reverse()) as T;
}

describe('/images/<name>.json', () => {
	it('is the image model itself in an envelope with the format version, the source and the page', () => {
		const image = demo.image('python');
		const text = imageDocument(image, SOURCE, SITE);
		const document = JSON.parse(text);
		expect(Object.keys(document)).toEqual(['schemaVersion', 'source', 'page', 'image']);
		expect(document).toMatchObject({ ...ENVELOPE, page: 'https://academy.test/images/python/' });
		// Nothing is added to or dropped from the model: the embedded image reads back as the same model value.
		expect(imageRepositorySchema.parse(document.image)).toEqual(image);
		expect(imageDocumentSchema.safeParse(document).success).toBe(true);
	});

	it('gives the same bytes for the same data, whatever order its keys were built in, with a final newline', () => {
		const image = demo.image('jq');
		const text = imageDocument(image, SOURCE, SITE);
		expect(imageDocument(reversedKeys(image), reversedKeys(SOURCE), SITE)).toBe(text);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
	});

	it('refuses image data that does not match the model instead of publishing it', () => {
		const broken = {
			...demo.image('jq'),
			tags: [{ name: 'latest', digest: 'not-a-digest', updatedAt: null, updatedAtSource: null }],
		};
		expect(() => imageDocument(broken, SOURCE, SITE)).toThrow(/digest/);
	});

	it('is published next to the page, and never over the catalog’s own files', () => {
		expect(imageDataPath('python')).toBe('/images/python.json');
		expect(() => imageDataPath('index')).toThrow(
			expect.objectContaining({ hint: expect.stringContaining('index and packages') }),
		);
		expect(() => imageDataPath('packages')).toThrow('/images/packages.json');
	});
});

describe('/images/index.json', () => {
	it('lists each image with its tags, its variants (latest first) and their platforms, and links its page and data', () => {
		const document = catalogDocumentSchema.parse(JSON.parse(catalogDocument([demo.image('python')], SOURCE, SITE)));
		expect(document).toMatchObject(ENVELOPE);
		const [python] = document.images;
		expect(python).toMatchObject({
			name: 'python',
			registry: 'registry.demo.invalid',
			repository: 'chainguard/python',
			reference: 'registry.demo.invalid/chainguard/python',
			page: 'https://academy.test/images/python/',
			data: 'https://academy.test/images/python.json',
		});
		expect(python!.tags).toEqual(demo.image('python').tags);
		const name = (tags: string[]) => (tags.includes('latest') ? 'latest' : tags.includes('latest-dev') ? 'latest-dev' : tags[0]);
		expect(python!.variants.map((variant) => name(variant.tags))).toEqual(['latest', 'latest-dev']);
		const digests = new Set(demo.image('python').variants.map((variant) => variant.digest));
		expect(python!.variants.filter((variant) => !digests.has(variant.digest))).toEqual([]);
		expect(python!.variants[0]!.platforms).toEqual(['linux/amd64', 'linux/arm64']);
	});
});

describe('/images/packages.json', () => {
	it('has one entry per package of the package index page, with the images, variants, versions and data link', () => {
		const images = [demo.image('jq'), demo.image('python'), demo.image('static')];
		const document = packagesDocumentSchema.parse(JSON.parse(packagesDocument(images, SOURCE, SITE)));
		const index = packageIndex(images);
		expect(document.packages.map((entry) => entry.name)).toEqual([...index.keys()]);
		// Wolfi names the glibc package by its version stream, as the demo SBOMs do.
		const glibc = document.packages.find((entry) => entry.name === 'glibc-2.43');
		expect(glibc?.images.map((image) => image.name)).toEqual(index.get('glibc-2.43')!.map((shipment) => shipment.image));
		const [first] = index.get('glibc-2.43')!;
		expect(glibc?.images[0]).toEqual({
			name: first!.image,
			variants: first!.variants,
			versions: first!.versions,
			data: `https://academy.test/images/${first!.image}.json`,
		});
		expect(first!.versions.length, 'the demo SBOMs state glibc versions').toBeGreaterThan(0);
	});
});
