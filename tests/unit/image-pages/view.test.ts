import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../src/images/snapshot.ts';
import type { ImageRepository } from '../../../src/images/model.ts';
import {
	cosignAttestationType,
	diffPackages,
	formatSize,
	imagesLinkedFrom,
	orderedVariants,
	packageIndex,
	platformPackageDifferences,
	publishedDescription,
	pullCommands,
	safeHttpUrl,
	truncate,
	variantFact,
	variantName,
	variantAnnotations,
	variantPackages,
	variantPredicateTypes,
	verifyCommands,
} from '../../../src/images/view.ts';

let images: Map<string, ImageRepository>;
beforeAll(async () => {
	images = new Map((await readSnapshot('content/images')).images.map((image) => [image.name, image]));
});
const image = (name: string) => images.get(name)!;

describe('variants', () => {
	it('orders latest, then latest-dev, then the rest, and names them by their best tag', () => {
		expect(orderedVariants(image('python')).map(variantName)).toEqual(['latest', 'latest-dev', '3.12', '3.12-dev']);
	});

	it('lists what the -dev variant adds to the base variant', () => {
		const [latest, dev] = orderedVariants(image('python'));
		const diff = diffPackages(variantPackages(latest!)!, variantPackages(dev!)!);
		expect(diff.added.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['apk-tools', 'bash', 'busybox', 'git', 'wget']));
		expect(diff.removed).toEqual([]);
	});

	it('derives shell facts per variant: the base has none, the dev variant has one', () => {
		const [latest, dev] = orderedVariants(image('python'));
		expect(variantFact(latest!, 'hasShell')).toBe(false);
		expect(variantFact(dev!, 'hasShell')).toBe(true);
		expect(variantFact(latest!, 'runsAsRoot')).toBe(false);
	});

	it('reports no SBOM as null packages rather than an empty list', () => {
		const maven = orderedVariants(image('maven'))[0]!;
		expect(variantPackages(maven)).toBeNull();
		expect(variantFact(maven, 'hasShell')).toBeNull();
	});
});

describe('package comparisons', () => {
	const pkg = (name: string, version: string | null) => ({ name, version, license: null, purl: null });

	it('finds added, removed and changed packages by name', () => {
		expect(diffPackages([pkg('a', '1'), pkg('b', '1'), pkg('c', '1')], [pkg('a', '1'), pkg('b', '2'), pkg('d', '1')])).toEqual({
			added: [pkg('d', '1')],
			removed: [pkg('c', '1')],
			changed: [{ name: 'b', from: '1', to: '2' }],
		});
	});

	it('finds packages that differ between platforms', () => {
		const variant = structuredClone(orderedVariants(image('python'))[0]!);
		expect(platformPackageDifferences(variant)).toEqual([]);
		variant.platforms[1]!.sbom!.packages.push(pkg('only-on-arm', '1.0'));
		expect(platformPackageDifferences(variant)).toEqual([{ platform: 'linux/arm64', only: ['only-on-arm@1.0'] }]);
	});

	it('indexes which images ship a package', () => {
		const index = packageIndex([...images.values()]);
		const python = index.get('python-3.13')!;
		expect(python.map((entry) => entry.image)).toEqual(['python']);
		expect(python[0]!.variants).toEqual(['latest', 'latest-dev']);
		const glibc = index.get('glibc')!.map((entry) => entry.image);
		expect(glibc).toContain('static');
		expect(index.get('glibc')!.find((entry) => entry.image === 'static')!.variants).toEqual(['latest-glibc']);
	});
});

describe('commands', () => {
	it('pulls by tag and by digest', () => {
		const variant = orderedVariants(image('static'))[0]!;
		expect(pullCommands(image('static'), variant)).toEqual({
			byTag: 'docker pull cgr.dev/chainguard/static:latest',
			byDigest: `docker pull cgr.dev/chainguard/static@${variant.digest}`,
		});
	});

	it('verifies with the configured keyless identity, pinned by digest', () => {
		const variant = orderedVariants(image('python'))[0]!;
		const commands = verifyCommands(image('python'), variant)!;
		expect(commands.verify).toBe(
			'cosign verify \\\n' +
				'  --certificate-identity=https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main \\\n' +
				'  --certificate-oidc-issuer=https://token.actions.githubusercontent.com \\\n' +
				`  cgr.dev/chainguard/python@${variant.digest}`,
		);
		expect(commands.attestations.map((a) => a.command.split('\n')[1])).toEqual([
			'  --type=https://apko.dev/image-configuration \\',
			'  --type=slsaprovenance1 \\',
			'  --type=spdxjson \\',
		]);
		expect(verifyCommands({ ...image('python'), registry: 'registry.example.org' }, variant)).toBeNull();
	});

	it('lists predicate types and annotations of a variant, from its index or its only platform', () => {
		const python = orderedVariants(image('python'))[0]!;
		expect(variantPredicateTypes(python)).toEqual([
			'https://apko.dev/image-configuration',
			'https://slsa.dev/provenance/v1',
			'https://spdx.dev/Document',
		]);
		expect(variantPredicateTypes(orderedVariants(image('maven'))[0]!)).toEqual([]);
		expect(variantAnnotations(python)['org.opencontainers.image.title']).toBe('python');
		const single = { ...python, annotations: null };
		expect(variantAnnotations(single)).toEqual(python.platforms[0]!.annotations ?? {});
		expect(publishedDescription({ ...python, annotations: { 'org.opencontainers.image.description': 'A runtime.' } })).toBe(
			'A runtime.',
		);
		expect(
			publishedDescription({ ...python, annotations: {}, platforms: python.platforms.map((p) => ({ ...p, annotations: null })) }),
		).toBeNull();
	});

	it('maps predicate types to cosign --type names', () => {
		expect(cosignAttestationType('https://slsa.dev/provenance/v0.2')).toBe('slsaprovenance02');
		expect(cosignAttestationType('https://example.com/custom')).toBe('https://example.com/custom');
	});
});

describe('formatting untrusted values', () => {
	it('formats sizes in decimal units', () => {
		expect([formatSize(512), formatSize(1500), formatSize(23_456_789), formatSize(1_200_000_000)]).toEqual([
			'512 B',
			'1.50 kB',
			'23.5 MB',
			'1.20 GB',
		]);
	});

	it('only turns http(s) URLs into links', () => {
		expect(safeHttpUrl('https://github.com/x')).toBe('https://github.com/x');
		expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
		expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeNull();
		expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
		expect(safeHttpUrl('/relative')).toBeNull();
		expect(safeHttpUrl(null)).toBeNull();
	});

	it('truncates long values by characters, not bytes', () => {
		expect(truncate('short')).toEqual({ head: 'short', truncated: false });
		const long = truncate('é'.repeat(200), 10);
		expect(long).toEqual({ head: `${'é'.repeat(10)}…`, truncated: true });
	});

	it('finds image links in guide bodies', () => {
		expect(
			imagesLinkedFrom('See [static](/images/static/) and [go](/images/go/#tags), not [/images/packages/](/images/packages/).'),
		).toEqual(['static', 'go']);
	});
});
