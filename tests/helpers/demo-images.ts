import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { snapshotMetadataSchema, type ImageRepository, type SnapshotMetadata } from '../../src/images/model.ts';
import { DEFAULT_SNAPSHOT_DIR, METADATA_FILE, readSnapshot, serialize } from '../../src/images/snapshot.ts';

/** The images of the committed demo snapshot, as the tests of one file see them. */
export interface DemoImages {
	/** The image of that name; throws for a name the snapshot lacks. */
	image(name: string): ImageRepository;
	/** Every image, sorted by name. */
	all(): ImageRepository[];
	/** The snapshot's metadata file. */
	metadata(): SnapshotMetadata;
}

/** Read the committed demo snapshot before the tests of the calling file run. */
export function useDemoImages(): DemoImages {
	let images: ImageRepository[] = [];
	let metadata: SnapshotMetadata | undefined;
	beforeAll(async () => {
		({ images, metadata } = await readSnapshot(DEFAULT_SNAPSHOT_DIR));
	});
	return {
		image: (name) => {
			const found = images.find((image) => image.name === name);
			if (!found) throw new Error(`The demo snapshot has no image "${name}".`);
			return found;
		},
		all: () => images,
		metadata: () => metadata!,
	};
}

/**
 * Copy the committed snapshot's image data (not the overviews, not the repositories file) into `target`, and list in
 * its metadata the repositories `repositories` gives from the committed list: the start of a snapshot a test changes.
 */
export function copySnapshotData(target: string, repositories: (committed: string[]) => string[]): void {
	cpSync(DEFAULT_SNAPSHOT_DIR, target, {
		recursive: true,
		filter: (source) => !source.endsWith('.mdx') && !source.endsWith('.yaml'),
	});
	const metadataFile = join(target, METADATA_FILE);
	const metadata = snapshotMetadataSchema.parse(JSON.parse(readFileSync(metadataFile, 'utf8')));
	metadata.repositories = repositories(metadata.repositories);
	writeFileSync(metadataFile, serialize(snapshotMetadataSchema, metadata));
}

/** A copy of the committed snapshot's image data without the image `name`, which the site's overviews and guides describe. */
export function copySnapshotWithout(target: string, name: string): void {
	copySnapshotData(target, (committed) => committed.filter((repository) => repository !== name));
	rmSync(join(target, `${name}.json`));
}
