import { describe, expect, it } from 'vitest';
import { SIGNED_RULE, imagePageModel, packageDiffSentence } from '../../../src/page-models/image-page.ts';
import { overviewEntry } from '../../helpers/collection-entries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const page = (name: string, registry?: string) => {
	const image = demo.image(name);
	return imagePageModel(registry ? { ...image, registry } : image, { overview: undefined, guides: [] });
};

describe('image page model', () => {
	it('gives the layout its title, description, breadcrumbs, sections and search filters', () => {
		const { route } = imagePageModel(demo.image('python'), {
			overview: overviewEntry('python', 'Python, with pip in the latest-dev variant.'),
			guides: [{ title: 'Multi-stage Python', href: '/container-images/multi-stage-python/' }],
		});
		expect(route).toMatchObject({
			title: 'python',
			description: 'Python, with pip in the latest-dev variant.',
			href: '/images/python/',
			breadcrumbs: [
				{ label: 'Home', href: '/' },
				{ label: 'Images', href: '/images/' },
			],
			editUrl: 'https://github.com/supply-chain-academy/academy/edit/main/content/images/python.mdx',
			searchFilters: { type: ['Image'], section: ['Images'], shell: ['No shell'], architecture: ['amd64', 'arm64'] },
		});
		expect(route.toc!.map((item) => item.slug)).toEqual(['overview', 'tags', 'specifications', 'packages', 'provenance']);
	});

	it('shows shell, user and signature badges of the first variant, each with its rule', () => {
		const python = page('python');
		expect(python.badges.map((badge) => [badge.text, badge.tone])).toEqual([
			['No shell', 'success'],
			['Non-root', 'success'],
			['Signed', 'success'],
		]);
		expect(python.badges[2]!.title).toBe(SIGNED_RULE);
		expect(page('maven').badges.map((badge) => [badge.text, badge.tone])).toEqual([
			['Shell: unknown', 'default'],
			['Non-root', 'success'],
			['Not signed', 'caution'],
		]);
	});

	it('lists platforms and tags of every variant, with pull commands for the first', () => {
		const python = page('python');
		expect(python.overview.pull.byTag).toBe('docker pull cgr.dev/chainguard/python:latest');
		expect(python.overview.singlePlatform).toBeNull();
		expect(python.overview.platforms[0]).toMatchObject({
			variant: 'latest',
			platform: 'linux/amd64',
			size: expect.stringMatching(/^[0-9.]+ (B|kB|MB|GB)$/),
		});
		expect(page('pytorch').overview.singlePlatform).toBe('linux/amd64');
		expect(python.tags.map((row) => row.variant)).toEqual(['latest', 'latest-dev', '3.12', '3.12-dev']);
		expect(python.tags[0]!.tags).toContain('3.13');
		// The demo registry keeps no tag history: the time is the image's own created annotation, and says so.
		expect(python.tags[0]!.updated).toBe('Jun 30, 2025, 3:00 PM UTC (image build time)');
	});

	it('puts the configuration and facts of each variant side by side', () => {
		const specs = page('python').specifications;
		expect(specs.columns).toEqual(['latest', 'latest-dev', '3.12', '3.12-dev']);
		expect(specs.rows.find((row) => row.label === 'User')!.values).toEqual(['65532', '65532', '65532', '65532']);
		const shell = specs.facts.find((row) => row.label === 'Has a shell')!;
		expect(shell.badges.map((badge) => badge.text)).toEqual(['No', 'Yes', 'No', 'Yes']);
		expect(specs.keyValues[0]!.entries.filter((entry) => entry.isUrl).map((entry) => entry.key)).toContain(
			'org.opencontainers.image.source',
		);
	});

	it('compares each variant package list with the first one, in one sentence', () => {
		const packages = page('python').packages;
		expect(packages[0]).toMatchObject({ variant: 'latest', diffSentence: null, open: true, samePackagesOnEveryPlatform: true });
		expect(packages[1]!.diffSentence).toMatch(/^Against latest: adds apk-tools, bash, busybox/);
		expect(page('maven').packages[0]!.packages).toBeNull();
		const pkg = (name: string, version: string | null) => ({ name, version, license: null, purl: null });
		expect(packageDiffSentence('latest', { added: [], removed: [], changed: [] })).toBe('Against latest: the same packages.');
		expect(
			packageDiffSentence('latest', {
				added: [pkg('a', '1')],
				removed: [pkg('b', '1')],
				changed: [{ name: 'c', from: null, to: '2' }],
			}),
		).toBe('Against latest: adds a; removes b; changes c (? → 2).');
	});

	it('offers cosign commands for what is signed or attested, and says why when there are none', () => {
		const [latest] = page('python').provenance;
		expect(latest!.signatureSentence).toBe('Signed: 1 signature manifest(s) for the index digest.');
		// The demo attests every predicate type on the index and on each platform.
		expect(latest!.attestations.map((row) => [row.label, row.index, row.platforms])).toEqual([
			['apko image configuration', 'Yes', ['Yes', 'Yes']],
			['SLSA provenance v1', 'Yes', ['Yes', 'Yes']],
			['SPDX SBOM', 'Yes', ['Yes', 'Yes']],
		]);
		// A single-platform image has no index, so no index column.
		expect(page('pytorch').provenance[0]!.attestations.filter((row) => row.index !== null)).toEqual([]);
		expect(latest!.verification).toMatchObject({ kind: 'commands', verify: expect.stringMatching(/^cosign verify /) });
		expect(page('maven').provenance[0]!.verification).toEqual({ kind: 'nothing-to-verify' });
		expect(page('python', 'registry.example.org').provenance[0]!.verification).toEqual({ kind: 'unknown-identity' });
	});
});
