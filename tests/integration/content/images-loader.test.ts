import { AstroError } from 'astro/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageLoaders } from '../../../src/content/images-loader.ts';
import { buildDemoImage, pushBuiltImage } from '../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { freePort } from '../../../src/images/demo/local-registry.ts';
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
		// The overviews of the 23 images this registry lacks are skipped, named in one warning.
		const skipped = first.logged.warn.filter((message) => message.includes('image overview(s)'));
		expect(skipped).toHaveLength(1);
		expect(skipped[0]).toMatch(
			/^23 image overview\(s\) in content\/images\/ are skipped because this registry has no such image: bash, /,
		);
		expect(skipped[0]).not.toMatch(/\b(jq|static)\b/);
		// No signing policy names this loopback registry, so nothing is verified and the log says so.
		expect(first.logged.info.join('\n')).toContain('signatures not checked (no signing policy for 127.0.0.1:');
		const second = loaderContext('images', first.store);
		await imageLoaders(env).images.load(second.context);
		expect(requestsOf(second.logged.info), 'requests of a load where nothing changed').toBe(1 + NAMES.length * TAGS.length);
	});
});

describe('image loaders, live from a registry that cannot be reached', () => {
	/** Settings for a port nobody listens on: the connection is refused at once, and retried a few times. */
	const unreachable = async (extra: NodeJS.ProcessEnv = {}) => ({
		IMAGES_REGISTRY: `http://127.0.0.1:${await freePort()}/chainguard`,
		IMAGES_REPOS: 'python',
		IMAGES_TAGS: 'latest',
		...extra,
	});

	it('fails with the address and a hint, and the source loader fails with it', async () => {
		const env = await unreachable();
		const loaders = imageLoaders(env);
		const sourceLoad = loaders.imageSource.load(loaderContext('imageSource').context);
		const error = await loaders.images.load(loaderContext('images').context).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AstroError);
		expect((error as AstroError).message).toContain(`Could not load images live from IMAGES_REGISTRY=${env.IMAGES_REGISTRY}`);
		expect((error as AstroError).hint).toContain('set IMAGES_FALLBACK=snapshot');
		await expect(sourceLoad).rejects.toBe(error);
	});

	it('falls back to the snapshot with IMAGES_FALLBACK=snapshot, and the source loader says so', async () => {
		const loaders = imageLoaders(await unreachable({ IMAGES_FALLBACK: 'snapshot' }));
		const images = loaderContext('images');
		const source = loaderContext('imageSource');
		// Started first, the source loader waits for the images loader's decision.
		const sourceLoad = loaders.imageSource.load(source.context);
		await loaders.images.load(images.context);
		await sourceLoad;
		expect(images.logged.warn.join('\n')).toContain('Using the committed snapshot (IMAGES_FALLBACK=snapshot)');
		expect(images.store.size).toBe(25);
		expect(source.store.get('current')?.data).toMatchObject({ mode: 'snapshot', demo: true });
	});
});
