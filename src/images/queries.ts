import { compareText } from '../lib/compare.ts';
import type { ImagePlatform, ImageRepository, ImageVariant, SbomPackage } from './model.ts';

/** The first tag of a variant, which names it on the page (`latest`, `latest-dev`). */
export function variantName(variant: ImageVariant): string {
	return variant.tags.includes('latest') ? 'latest' : variant.tags.includes('latest-dev') ? 'latest-dev' : variant.tags[0]!;
}

/** Order variants for side-by-side display: `latest`, then `latest-dev`, then the rest by name. */
export function orderedVariants(image: ImageRepository): ImageVariant[] {
	const rank = (variant: ImageVariant) => (variant.tags.includes('latest') ? 0 : variant.tags.includes('latest-dev') ? 1 : 2);
	return [...image.variants].sort((a, b) => rank(a) - rank(b) || compareText(variantName(a), variantName(b)));
}

/** The most recent creation time of any platform of the image, or null when none is published. */
export function lastCreated(image: ImageRepository): string | null {
	let latest: string | null = null;
	for (const variant of image.variants)
		for (const platform of variant.platforms)
			if (platform.created && (!latest || platform.created > latest)) latest = platform.created;
	return latest;
}

/** Every platform any variant of the image publishes, sorted. */
export function imagePlatforms(image: ImageRepository): string[] {
	return [...new Set(image.variants.flatMap((variant) => variant.platforms.map((platform) => platform.platform)))].sort(
		compareText,
	);
}

/** Architectures (amd64, arm64) of the image, for filters. */
export function imageArchitectures(image: ImageRepository): string[] {
	return [...new Set(image.variants.flatMap((variant) => variant.platforms.map((platform) => platform.architecture)))].sort(
		compareText,
	);
}

/** A fact that holds for every platform of a variant, or null when platforms disagree or cannot tell. */
export function variantFact(variant: ImageVariant, fact: keyof ImagePlatform['facts']): boolean | null {
	const values = new Set(variant.platforms.map((platform) => platform.facts[fact].value));
	return values.size === 1 ? [...values][0]! : null;
}

/** Package key independent of architecture: name plus version. */
const packageKey = (pkg: SbomPackage) => `${pkg.name}@${pkg.version ?? ''}`;

/** What one set of packages adds, removes and changes against another, by package name. */
export interface PackageDiff {
	added: SbomPackage[];
	removed: SbomPackage[];
	changed: { name: string; from: string | null; to: string | null }[];
}

/** Compare two package lists by name (e.g. `latest-dev` against `latest`). */
export function diffPackages(base: readonly SbomPackage[], other: readonly SbomPackage[]): PackageDiff {
	const baseByName = new Map(base.map((pkg) => [pkg.name, pkg]));
	const otherByName = new Map(other.map((pkg) => [pkg.name, pkg]));
	const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
	return {
		added: other.filter((pkg) => !baseByName.has(pkg.name)).sort(byName),
		removed: base.filter((pkg) => !otherByName.has(pkg.name)).sort(byName),
		changed: other
			.filter((pkg) => baseByName.has(pkg.name) && baseByName.get(pkg.name)!.version !== pkg.version)
			.map((pkg) => ({ name: pkg.name, from: baseByName.get(pkg.name)!.version, to: pkg.version }))
			.sort(byName),
	};
}

/** Packages whose name and version are not the same on every platform of a variant that has SBOMs. */
export function platformPackageDifferences(variant: ImageVariant): { platform: string; only: string[] }[] {
	const withSbom = variant.platforms.filter((platform) => platform.sbom);
	if (withSbom.length < 2) return [];
	const sets = withSbom.map((platform) => new Set(platform.sbom!.packages.map(packageKey)));
	const common = [...sets[0]!].filter((key) => sets.every((set) => set.has(key)));
	return withSbom
		.map((platform, i) => ({
			platform: platform.platform,
			only: [...sets[i]!].filter((key) => !common.includes(key)).sort(compareText),
		}))
		.filter((entry) => entry.only.length > 0);
}

/** Predicate types attested for a variant, on its index or on any platform, sorted. */
export function variantPredicateTypes(variant: ImageVariant): string[] {
	const attestations = [...variant.attestations, ...variant.platforms.flatMap((platform) => platform.attestations)];
	return [...new Set(attestations.map((attestation) => attestation.predicateType))].sort(compareText);
}

/** Annotations of a variant: its index's, else its first platform's (single-platform images have no index). */
export function variantAnnotations(variant: ImageVariant): Record<string, string> {
	return variant.annotations ?? variant.platforms[0]?.annotations ?? {};
}

/** The description the publisher put in the OCI annotations, or null. */
export function publishedDescription(variant: ImageVariant): string | null {
	return variantAnnotations(variant)['org.opencontainers.image.description'] ?? null;
}

/** The packages of a variant as one list: the first platform with an SBOM, or null when none is published. */
export function variantPackages(variant: ImageVariant): SbomPackage[] | null {
	return variant.platforms.find((platform) => platform.sbom)?.sbom?.packages ?? null;
}

/** One image that ships a package: in which variants and at which versions. */
export interface PackageShipment {
	image: string;
	variants: string[];
	versions: string[];
}

/** Which images and variants ship each package name, for the package index; names and images in code-unit order. */
export function packageIndex(images: readonly ImageRepository[]): Map<string, PackageShipment[]> {
	const index = new Map<string, Map<string, { variants: Set<string>; versions: Set<string> }>>();
	for (const image of images) {
		for (const variant of image.variants) {
			const packages = variant.platforms.flatMap((platform) => platform.sbom?.packages ?? []);
			for (const pkg of packages) {
				const byImage = index.get(pkg.name) ?? index.set(pkg.name, new Map()).get(pkg.name)!;
				const entry =
					byImage.get(image.name) ?? byImage.set(image.name, { variants: new Set(), versions: new Set() }).get(image.name)!;
				entry.variants.add(variantName(variant));
				if (pkg.version) entry.versions.add(pkg.version);
			}
		}
	}
	return new Map(
		[...index]
			.sort(([a], [b]) => compareText(a, b))
			.map(([name, byImage]) => [
				name,
				[...byImage]
					.sort(([a], [b]) => compareText(a, b))
					.map(([image, entry]) => ({
						image,
						variants: [...entry.variants].sort(compareText),
						versions: [...entry.versions].sort(compareText),
					})),
			]),
	);
}
