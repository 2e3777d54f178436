import { describe, expect, it } from 'vitest';
import {
	diffPackages,
	orderedVariants,
	packageIndex,
	platformPackageDifferences,
	publishedDescription,
	variantFact,
	variantName,
	variantAnnotations,
	variantPackages,
	variantPredicateTypes,
} from '../../../src/images/queries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const { image, all } = useDemoImages();

describe('variants', () => {
	it('orders latest, then latest-dev, then the rest, and names them by their best tag', () => {
		expect(orderedVariants(image('php')).map(variantName)).toEqual(['latest', 'latest-dev', 'latest-fpm', 'latest-fpm-dev']);
		// dotnet-sdk's variants carry version tags besides latest; the variant is named after its best tag.
		expect(orderedVariants(image('dotnet-sdk')).map(variantName)).toEqual(['latest', 'latest-dev']);
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
		// jq's latest-dev variant publishes neither signature nor SBOM.
		const unattested = orderedVariants(image('jq'))[1]!;
		expect(variantPackages(unattested)).toBeNull();
		expect(variantFact(unattested, 'hasShell')).toBeNull();
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
		const index = packageIndex(all());
		const python = index.get('python-3.14')!;
		expect(python.map((entry) => entry.image)).toEqual(['python', 'pytorch']);
		expect(python[0]!.variants).toEqual(['latest', 'latest-dev']);
		const glibc = index.get('glibc-2.43')!.map((entry) => entry.image);
		expect(glibc).toContain('glibc-dynamic');
		// static has no C library, in any tag: latest-glibc is the same image as latest.
		expect(glibc).not.toContain('static');
		expect(index.get('npm-12')!.find((entry) => entry.image === 'node')!.variants).toEqual(['latest', 'latest-dev']);
	});
});

describe('attestations and annotations', () => {
	it('lists predicate types and annotations of a variant, from its index or its only platform', () => {
		const python = orderedVariants(image('python'))[0]!;
		expect(variantPredicateTypes(python)).toEqual([
			'https://apko.dev/image-configuration',
			'https://slsa.dev/provenance/v1',
			'https://spdx.dev/Document',
		]);
		expect(variantPredicateTypes(orderedVariants(image('jq'))[1]!)).toEqual([]);
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
});
