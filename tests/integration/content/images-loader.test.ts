import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageLoaders } from '../../../src/content/images-loader.ts';
import { buildDemoImage, pushBuiltImage } from '../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { RegistryClient, RegistryTransport, parseRegistryLocation } from '../../../src/registry/index.ts';
import { loaderContext } from '../../helpers/loader-context.ts';
import { startLocalRegistry, type LocalRegistry } from '../../helpers/registry/registries.ts';

const NAMES = ['jq', 'static'];
const TAGS = ['latest', 'latest-dev'];

/** Requests the loader reports for one load, from its "Pulled … with N requests." line. */
function requestsOf(messages: string[]): number {
	const line = messages.find((message) => message.startsWith('Pulled '));
	const match = line && /with (\d+) requests/.exec(line);
	if (!match) throw new Error(`No "Pulled … requests" line among: ${messages.join(' | ')}`);
	return Number(match[1]);
}

describe('images loader, live from a registry without a namespace', () => {
	let registry: LocalRegistry;
	let env: NodeJS.ProcessEnv;

	beforeAll(async () => {
		registry = await startLocalRegistry();
		const client = new RegistryClient(parseRegistryLocation(registry.url), new RegistryTransport());
		for (const definition of DEMO_IMAGES.filter((image) => NAMES.includes(image.name))) {
			await pushBuiltImage(client, definition.name, buildDemoImage(definition, { registry: registry.host, namespace: '' }));
		}
		env = { IMAGES_REGISTRY: registry.url, IMAGES_REPOS: NAMES.join(','), IMAGES_TAGS: TAGS.join(',') };
	});
	afterAll(async () => {
		await registry?.stop();
	});

	it('reuses what the last load kept: one HEAD per tag after the ping', async () => {
		const first = loaderContext('images');
		await imageLoaders(env).images.load(first.context);
		expect([...first.store.keys()].sort()).toEqual(NAMES);
		const second = loaderContext('images', first.store);
		await imageLoaders(env).images.load(second.context);
		expect(requestsOf(second.logged.info), 'requests of a load where nothing changed').toBe(1 + NAMES.length * TAGS.length);
	});
});
