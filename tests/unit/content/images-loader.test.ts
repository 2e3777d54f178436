import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { imageLoaders, liveSettingsFromEnv, snapshotDir } from '../../../src/content/images-loader.ts';
import { DEFAULT_SNAPSHOT_DIR, METADATA_FILE } from '../../../src/images/snapshot.ts';
import { copySnapshotWithout } from '../../helpers/demo-images.ts';
import { loaderContext } from '../../helpers/loader-context.ts';

describe('live-mode settings', () => {
	it('are off without IMAGES_REGISTRY, and read every variable that goes with it', () => {
		expect(liveSettingsFromEnv({})).toBeNull();
		expect(liveSettingsFromEnv({ IMAGES_REGISTRY: '  ' })).toBeNull();
		expect(
			liveSettingsFromEnv({
				IMAGES_REGISTRY: 'http://127.0.0.1:5000/ns',
				IMAGES_REPOS: 'python, ,jq',
				IMAGES_TAGS: 'latest,3.12 ',
				IMAGES_RECORD_AS: 'cgr.dev/chainguard/sub',
				IMAGES_FALLBACK: 'snapshot',
			}),
		).toEqual({
			registry: 'http://127.0.0.1:5000/ns',
			repositories: ['python', 'jq'],
			tags: ['latest', '3.12'],
			recordedAs: { registry: 'cgr.dev', namespace: 'chainguard/sub' },
			fallbackToSnapshot: true,
		});
		expect(liveSettingsFromEnv({ IMAGES_REGISTRY: 'cgr.dev', IMAGES_TAGS: 'all', IMAGES_REPOS: '' })).toMatchObject({
			repositories: null,
			tags: 'all',
			recordedAs: null,
			fallbackToSnapshot: false,
		});
		expect([snapshotDir({}), snapshotDir({ IMAGES_SNAPSHOT_DIR: '/tmp/x' })]).toEqual([DEFAULT_SNAPSHOT_DIR, '/tmp/x']);
	});
});

describe('image loaders in snapshot mode', () => {
	let copy: string | undefined;
	afterEach(() => {
		if (copy) rmSync(copy, { recursive: true, force: true });
		copy = undefined;
	});

	it('store every image of the snapshot by name, and report the snapshot as the source', async () => {
		const loaders = imageLoaders({});
		const images = loaderContext('images');
		const source = loaderContext('imageSource');
		// The source loader may run first: in snapshot mode it reads the metadata itself.
		await loaders.imageSource.load(source.context);
		await loaders.images.load(images.context);
		expect(images.store.size).toBe(25);
		expect(images.store.get('python')?.data).toMatchObject({
			name: 'python',
			reference: 'registry.demo.invalid/chainguard/python',
		});
		expect(source.store.get('current')?.data).toMatchObject({
			mode: 'snapshot',
			registry: 'registry.demo.invalid',
			demo: true,
			standsFor: { namespace: 'cgr.dev/chainguard' },
		});
	});

	it('fail at the content sync, naming the file, the image and the fix, when an overview has no image in the snapshot', async () => {
		copy = mkdtempSync(join(tmpdir(), 'sca-loader-'));
		// The snapshot without jre; content/images/jre.mdx, read where it always is, still describes it.
		copySnapshotWithout(copy, 'jre');
		const images = loaderContext('images');
		const error = await imageLoaders({ IMAGES_SNAPSHOT_DIR: copy })
			.images.load(images.context)
			.catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AstroError);
		expect(error).toMatchObject({
			message: 'content/images/jre.mdx: there is no image "jre" in the image data.',
			hint: 'Rename the file after an image in /images/, or remove it.',
		});
		expect(images.store.size, 'nothing stored for a build that fails').toBe(0);
	});

	it('fail with the snapshot file and a hint when the snapshot is missing', async () => {
		copy = mkdtempSync(join(tmpdir(), 'sca-loader-'));
		cpSync(DEFAULT_SNAPSHOT_DIR, copy, { recursive: true });
		rmSync(join(copy, METADATA_FILE));
		const { images } = imageLoaders({ IMAGES_SNAPSHOT_DIR: copy });
		const error = await images.load(loaderContext('images').context).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AstroError);
		expect(error).toMatchObject({
			message: `${join(copy, METADATA_FILE)}: cannot be read`,
			hint: expect.stringMatching(/npm run images:demo/),
		});
	});
});
