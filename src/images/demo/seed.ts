import {
	RegistryClient,
	RegistryTransport,
	joinRepositoryPath,
	mapBounded,
	parseRegistryLocation,
	type TransportOptions,
} from '../../registry/index.ts';
import type { RecordedAs } from '../collect.ts';
import type { ResolveEvent } from '../resolve.ts';
import { syncImages, type SyncReport } from '../sync.ts';
import { buildDemoImage, pushBuiltImage } from './builder.ts';
import { DEMO_IMAGES, type DemoImage } from './definitions.ts';

/** Demo data is recorded as if pulled from cgr.dev/chainguard (the snapshot metadata says `demo: true`). */
export const DEMO_RECORDED_AS: RecordedAs = { registry: 'cgr.dev', namespace: 'chainguard' };
/** Namespace the demo images are pushed under in the local registry. */
export const DEMO_NAMESPACE = 'chainguard';
/** The demo snapshot's fixed clock: its sync time never depends on when the command ran. */
export const DEMO_CLOCK = new Date(Date.UTC(2025, 6, 1, 0, 0, 0));

/** Build and push demo images into the registry at `baseUrl` (`http://127.0.0.1:PORT`), under `namespace`. */
export async function seedDemoImages(
	baseUrl: string,
	images: readonly DemoImage[] = DEMO_IMAGES,
	options: { namespace?: string; transport?: TransportOptions } = {},
): Promise<RegistryClient> {
	const namespace = options.namespace ?? DEMO_NAMESPACE;
	const client = new RegistryClient(
		parseRegistryLocation(`${baseUrl}/${namespace}`),
		new RegistryTransport({ concurrency: 16, ...options.transport }),
	);
	await mapBounded(images, 8, (image) =>
		pushBuiltImage(client, joinRepositoryPath(namespace, image.name), buildDemoImage(image, DEMO_RECORDED_AS)),
	);
	return client;
}

/** Seed the demo images into the registry at `baseUrl` and sync all their tags into `outDir` (a full, not incremental, sync). */
export async function syncDemo(
	baseUrl: string,
	outDir: string,
	onEvent?: (event: ResolveEvent) => void,
	transport?: TransportOptions,
): Promise<SyncReport> {
	await seedDemoImages(baseUrl);
	return syncImages({
		location: parseRegistryLocation(`${baseUrl}/${DEMO_NAMESPACE}`),
		repositories: DEMO_IMAGES.map((image) => image.name),
		tags: 'all',
		outDir,
		mode: 'exact',
		incremental: false,
		recordedAs: DEMO_RECORDED_AS,
		demo: true,
		now: () => DEMO_CLOCK,
		transport,
		onEvent,
	});
}
