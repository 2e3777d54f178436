import {
	RegistryClient,
	RegistryTransport,
	joinRepositoryPath,
	mapBounded,
	parseRegistryLocation,
	type TransportOptions,
} from '../../registry/index.ts';
import { DEFAULT_REPOSITORIES_FILE, loadRepositoriesConfig, type RegistrySigning } from '../repositories-config.ts';
import type { ResolveEvent } from '../resolve.ts';
import { syncImages, type SyncReport } from '../sync.ts';
import { buildDemoImage, pushBuiltImage } from './builder.ts';
import { DEMO_IMAGES, type DemoImage } from './definitions.ts';
import { DEMO_NAMESPACE, DEMO_RECORDED_AS } from './registry.ts';

export { DEMO_NAMESPACE, DEMO_RECORDED_AS };

/** The demo snapshot's fixed clock, the day after the demo builds: its sync time never depends on when the command ran. */
export const DEMO_CLOCK = new Date(Date.UTC(2026, 7, 23, 0, 0, 0));

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

/**
 * Sync all tags of the demo images that seedDemoImages pushed to the registry at `baseUrl` into `outDir` (a full, not
 * incremental, sync). Recorded as the demo registry, whose signatures are verified against the demo trust root; the
 * repositories file gives the signing policy of the registry the demo stands for, which the demo pages' cosign
 * commands use.
 */
export async function syncDemoImages(
	baseUrl: string,
	outDir: string,
	onEvent?: (event: ResolveEvent) => void,
	transport?: TransportOptions,
	signing?: Readonly<Record<string, RegistrySigning>>,
): Promise<SyncReport> {
	return syncImages({
		location: parseRegistryLocation(`${baseUrl}/${DEMO_NAMESPACE}`),
		repositories: DEMO_IMAGES.map((image) => image.name),
		tags: 'all',
		outDir,
		mode: 'exact',
		incremental: false,
		recordedAs: DEMO_RECORDED_AS,
		signing: signing ?? (await loadRepositoriesConfig(DEFAULT_REPOSITORIES_FILE)).signing,
		now: () => DEMO_CLOCK,
		transport,
		onEvent,
	});
}
