import { describe, expect, it } from 'vitest';
import type { ImageSourceData } from '../../../src/data/image-catalog.ts';
import type { ImageRepository } from '../../../src/images/model.ts';
import { imagePageModel, packageDiffSentence } from '../../../src/page-models/image-page.ts';
import { VERIFIED_RULE } from '../../../src/page-models/verification.ts';
import { overviewEntry } from '../../helpers/collection-entries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const demoSource = (): ImageSourceData => ({ ...demo.metadata(), mode: 'snapshot' });
/** The same data as if synced from a real registry: no demo notice, commands pinned by digest. */
const realSource = (image: ImageRepository): ImageSourceData => ({
	...demo.metadata(),
	registry: image.registry,
	demo: false,
	standsFor: null,
	mode: 'snapshot',
});
const page = (name: string, source?: ImageSourceData) =>
	imagePageModel(demo.image(name), { overview: undefined, guides: [], source: source ?? demoSource() });

describe('image page model', () => {
	it('gives the layout its title, description, breadcrumbs, sections and search filters', () => {
		const { route } = imagePageModel(demo.image('python'), {
			overview: overviewEntry('python', 'Python, with pip in the latest-dev variant.'),
			guides: [{ title: 'Multi-stage Python', href: '/container-images/multi-stage-python/' }],
			source: demoSource(),
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

	it('shows shell, user and verification badges of the first variant, each with its rule', () => {
		const python = page('python');
		expect(python.badges.map((badge) => [badge.text, badge.tone])).toEqual([
			['No shell', 'success'],
			['Non-root', 'success'],
			['Verified', 'success'],
		]);
		expect(python.badges[2]!.title).toBe(VERIFIED_RULE);
		const jq = page('jq').badges[2]!;
		expect([jq.text, jq.tone]).toEqual(['Verification failed', 'caution']);
		expect(jq.title).toMatch(/^Signed by ".*", but the policy expects ".*"\. Verified only when/);
		expect(
			page('bash')
				.badges.slice(0, 2)
				.map((badge) => badge.text),
		).toEqual(['Shell', 'Runs as root']);
	});

	it('says on every demo page what the data is, and names the public image it stands for', () => {
		expect(page('python').demo!.what).toMatch(
			/shaped after cgr\.dev\/chainguard\/python.*registry\.demo\.invalid\/chainguard\/python is not a real image/,
		);
		expect(page('jq').demo!.what).toMatch(/demo-only image .* no public cgr\.dev\/chainguard\/jq exists/);
		expect(page('python').demo).toMatchObject({
			sync: 'npm run images:sync -- --registry cgr.dev/chainguard',
			live: 'IMAGES_REGISTRY=cgr.dev/chainguard npm run build',
		});
		expect(page('python', realSource(demo.image('python'))).demo).toBeNull();
	});

	it('lists platforms and tags of every variant, with pull commands for the first', () => {
		const python = page('python');
		// Demo digests exist nowhere: the page pulls the public image by tag and pins nothing.
		expect(python.overview.pull).toEqual({ byTag: 'docker pull cgr.dev/chainguard/python:latest', byDigest: null });
		expect(page('jq').overview.pull).toBeNull();
		const real = page('python', realSource(demo.image('python'))).overview.pull!;
		expect(real.byDigest).toBe(`docker pull registry.demo.invalid/chainguard/python@${demo.image('python').tags[0]!.digest}`);
		expect(python.overview.singlePlatform).toBeNull();
		expect(python.overview.platforms[0]).toMatchObject({
			variant: 'latest',
			platform: 'linux/amd64',
			size: expect.stringMatching(/^[0-9.]+ (B|kB|MB|GB)$/),
		});
		expect(page('pytorch').overview.singlePlatform).toBe('linux/amd64');
		expect(python.tags.map((row) => row.variant)).toEqual(['latest', 'latest-dev']);
		expect(page('dotnet-sdk').tags[0]!.tags).toEqual(['10', '10.0', '10.0.303', '10.0.303-r1', 'latest']);
		// The demo registry keeps no tag history: the time is the image's own created annotation, and says so.
		expect(python.tags[0]!.updated).toBe('Aug 22, 2026, 5:00 AM UTC (image build time)');
	});

	it('puts the configuration and facts of each variant side by side', () => {
		const specs = page('python').specifications;
		expect(specs.columns).toEqual(['latest', 'latest-dev']);
		expect(specs.rows.find((row) => row.label === 'User')!.values).toEqual(['65532', '65532']);
		const shell = specs.facts.find((row) => row.label === 'Has a shell')!;
		expect(shell.badges.map((badge) => badge.text)).toEqual(['No', 'Yes']);
		expect(specs.keyValues[0]!.entries.filter((entry) => entry.isUrl).map((entry) => entry.key)).toContain(
			'org.opencontainers.image.source',
		);
	});

	it('compares each variant package list with the first one, in one sentence', () => {
		const packages = page('python').packages;
		expect(packages[0]).toMatchObject({ variant: 'latest', diffSentence: null, open: true, samePackagesOnEveryPlatform: true });
		expect(packages[1]!.diffSentence).toMatch(/^Against latest: adds apk-tools, bash, binutils, build-base, busybox, /);
		expect(page('jq').packages[1]!.packages).toBeNull();
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

	it('says what was verified, by whom, when and against which root', () => {
		const [latest] = page('python').provenance;
		expect(latest!.signature.status).toBe('verified');
		expect(latest!.signature.sentence).toMatch(
			/^The cosign signature \(\.sig tag\) of the index digest was made by https:\/\/demo\.invalid\/supply-chain-academy\/.*, logged Aug 22, 2026, .* UTC, and chains to the demo trust root\.$/,
		);
		expect(latest!.signature.details.map((detail) => detail.label)).toEqual([
			'What was checked',
			'Signed by',
			'Identity issuer',
			'Transparency log',
			'Trust root',
		]);
		expect(latest!.indexNote).toMatch(/covers every platform of this variant/);
		// cosign 3 bundles: the signature is a Statement with cosign's own predicate type.
		expect(page('go').provenance[0]!.signature.sentence).toMatch(
			/^The cosign signature \(Sigstore bundle v0\.3, OCI referrer\) of the index digest/,
		);
	});

	it('marks each attestation with its verification, and lists the reasons of those that failed', () => {
		const [latest] = page('python').provenance;
		// The demo attests every predicate type on the index and on each platform.
		expect(latest!.attestations.map((row) => [row.label, row.index?.text, row.platforms.map((cell) => cell.text)])).toEqual([
			['apko image configuration', 'Verified', ['Verified', 'Verified']],
			['SLSA provenance v1', 'Verified', ['Verified', 'Verified']],
			['SPDX SBOM', 'Verified', ['Verified', 'Verified']],
		]);
		expect(latest!.attestationProblems).toEqual([]);
		const [jqLatest, jqDev] = page('jq').provenance;
		expect(jqLatest!.signature).toMatchObject({ status: 'failed', reasonCode: 'identity-mismatch' });
		expect(jqLatest!.attestations[0]!.index).toMatchObject({
			text: 'Failed',
			tone: 'caution',
			title: expect.stringMatching(/^Signed by/),
		});
		expect(jqLatest!.attestationProblems).toEqual([
			expect.stringMatching(
				/^apko image configuration, SLSA provenance v1, SPDX SBOM \(index, linux\/amd64, linux\/arm64\): Signed by "https:\/\/demo\.invalid\/someone-else\//,
			),
		]);
		expect(jqDev!.signature).toMatchObject({
			status: 'unsigned',
			sentence: 'No signature or signed attestation refers to the index digest.',
		});
		// A single-platform image has no index, so no index column.
		expect(page('pytorch').provenance[0]!.attestations.filter((row) => row.index !== null)).toEqual([]);
	});

	it('offers cosign commands for what is signed or attested, and says why when there are none', () => {
		const [latest] = page('python').provenance;
		expect(latest!.commands).toMatchObject({
			kind: 'commands',
			target: 'cgr.dev/chainguard/python:latest',
			standsFor: true,
			verify: expect.stringMatching(/^cosign verify \\\n {2}--certificate-identity=https:\/\/github\.com\/chainguard-images\//),
		});
		const real = page('python', realSource(demo.image('python'))).provenance[0]!.commands;
		expect(real).toMatchObject({
			kind: 'commands',
			standsFor: false,
			verify: expect.stringContaining('--certificate-identity=https://demo.invalid/'),
		});
		expect(page('jq').provenance[0]!.commands).toEqual({ kind: 'demo-only' });
		const unknown = { ...demo.image('python'), registry: 'registry.example.org', signing: null };
		const noPolicy = imagePageModel(unknown, { overview: undefined, guides: [], source: realSource(unknown) });
		expect(noPolicy.provenance[0]!.commands).toEqual({ kind: 'unknown-identity' });
		const jqDev = { ...demo.image('jq'), variants: [demo.image('jq').variants[1]!] };
		const nothing = imagePageModel(jqDev, { overview: undefined, guides: [], source: realSource(jqDev) });
		expect(nothing.provenance[0]!.commands).toEqual({ kind: 'nothing-to-verify' });
	});
});
