import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import {
	closestGuide,
	createLearningPathCollectionSchema,
	learningPathsLoader,
	validateLearningPaths,
} from '../../../src/content/learning-paths.ts';
import { loaderContext } from '../../helpers/loader-context.ts';

const guides = new Set([
	'open-source/wolfi/overview',
	'open-source/wolfi/apk-package-manager',
	'container-images/non-root-users',
]);
const context = { sections: ['open-source', 'container-images'], guides };
const path = (fields: Record<string, unknown> = {}) => ({
	id: 'wolfi-foundations',
	title: 'Wolfi from the ground up',
	description: 'What an undistro is and how apk installs and verifies packages, in order.',
	section: 'open-source',
	guides: ['open-source/wolfi/overview', 'open-source/wolfi/apk-package-manager'],
	...fields,
});

describe('learning paths file', () => {
	it('accepts paths whose guides are published, in file order', () => {
		const second = path({
			id: 'run-as-non-root',
			section: 'container-images',
			guides: ['container-images/non-root-users', 'open-source/wolfi/overview'],
		});
		const { paths, problems } = validateLearningPaths([path(), second], context);
		expect(problems).toEqual([]);
		expect(paths.map((entry) => entry.id)).toEqual(['wolfi-foundations', 'run-as-non-root']);
	});

	it('names the entry, the unknown guide and the closest published guide, at the guide', () => {
		const { problems } = validateLearningPaths(
			[path({ guides: ['open-source/wolfi/overview', 'open-source/wolfi/apk-packge-manager'] })],
			context,
		);
		expect(problems).toEqual([
			{
				at: [0, 'guides', 1],
				message: '"wolfi-foundations" lists "open-source/wolfi/apk-packge-manager", which is not a published guide.',
				hint: 'Did you mean "open-source/wolfi/apk-package-manager"? Guide ids are paths under content/docs without extension, e.g. "open-source/wolfi/overview"; drafts cannot be part of a path.',
			},
		]);
	});

	it('reports a repeated id, a repeated guide, an unknown section and a broken entry', () => {
		const { problems } = validateLearningPaths(
			[
				path(),
				path({ section: 'elsewhere', guides: ['open-source/wolfi/overview', 'open-source/wolfi/overview'] }),
				{ id: 'half', title: 'Half a path' },
			],
			context,
		);
		expect(problems.map(({ at, message }) => `${at.join('.')}: ${message}`)).toEqual([
			'1.id: the id "wolfi-foundations" is used twice.',
			'1.section: "wolfi-foundations" names the unknown section "elsewhere".',
			'2.description: description: Invalid input: expected string, received undefined',
			'2.section: section: Invalid input: expected string, received undefined',
			'2.guides: guides: Invalid input: expected array, received undefined',
			'1.guides.1: "wolfi-foundations" lists "open-source/wolfi/overview" twice.',
		]);
	});

	it('refuses a file that is not a list, and fields it does not know', () => {
		expect(validateLearningPaths({ id: 'x' }, context).problems[0]?.message).toBe('expected a YAML list of learning paths.');
		expect(validateLearningPaths([path({ order: 1 })], context).problems.map((problem) => problem.message)).toEqual([
			'(entry): Unrecognized key: "order"',
		]);
	});

	it('suggests a guide only when one is close', () => {
		expect(closestGuide('container-images/non-root-user', guides)).toBe('container-images/non-root-users');
		expect(closestGuide('software-supply-chain/sboms', guides)).toBeUndefined();
	});
});

describe('learning paths loader', () => {
	// A test may load more than once: every folder it made is removed.
	const roots: string[] = [];
	afterEach(() => {
		for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
	});

	/** Load a paths file through the loader with the collection's schema; returns the stored entries in store order. */
	async function load(yaml: string) {
		const root = mkdtempSync(join(tmpdir(), 'academy-paths-'));
		roots.push(root);
		writeFileSync(join(root, 'paths.yaml'), yaml);
		const { context: base, store } = loaderContext('learningPaths');
		const schema = createLearningPathCollectionSchema();
		const context = {
			...base,
			config: { root: pathToFileURL(`${root}/`) },
			parseData: async ({ data }: { data: unknown }) => schema.parse(data),
		} as unknown as LoaderContext;
		await learningPathsLoader('paths.yaml').load(context);
		return [...store.values()];
	}

	it('stores each path with its place in the file', async () => {
		const stored = await load(
			'- id: b-path\n  title: B\n  description: A path whose id sorts after the next one but comes first.\n  section: open-source\n  guides: [a, b]\n' +
				'- id: a-path\n  title: A\n  description: A path whose id sorts first but comes second in the file.\n  section: open-source\n  guides: [c, d]\n',
		);
		expect(stored.map((entry) => [entry.id, entry.data.position])).toEqual([
			['b-path', 0],
			['a-path', 1],
		]);
	});

	it('stops the build on broken YAML or an entry without an id, instead of carrying on with no paths', async () => {
		await expect(load('- id: [broken\n')).rejects.toThrow(/^paths\.yaml: /);
		await expect(load('- title: No id\n')).rejects.toThrow('paths.yaml: path 1 has no id.');
	});
});
