import { beforeAll } from 'vitest';
import type { ImageRepository, SnapshotMetadata } from '../../src/images/model.ts';
import { DEFAULT_SNAPSHOT_DIR, readSnapshot } from '../../src/images/snapshot.ts';

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
