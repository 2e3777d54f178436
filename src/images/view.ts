import type { ImagePlatform, ImageRepository, ImageVariant, SbomPackage } from './model.ts';
import { signingIdentityFor } from './verification.ts';

/** Predicate types the pages name in words. */
export const PREDICATE_LABELS: Record<string, string> = {
	'https://spdx.dev/Document': 'SPDX SBOM',
	'https://cyclonedx.org/bom': 'CycloneDX SBOM',
	'https://slsa.dev/provenance/v1': 'SLSA provenance v1',
	'https://slsa.dev/provenance/v0.2': 'SLSA provenance v0.2',
	'https://apko.dev/image-configuration': 'apko image configuration',
	'https://openvex.dev/ns': 'OpenVEX',
	'https://cosign.sigstore.dev/attestation/vuln/v1': 'Vulnerability scan',
};

/** The `cosign verify-attestation --type` value for a predicate type (cosign's short names where they exist). */
export function cosignAttestationType(predicateType: string): string {
	const short: Record<string, string> = {
		'https://spdx.dev/Document': 'spdxjson',
		'https://cyclonedx.org/bom': 'cyclonedx',
		'https://slsa.dev/provenance/v1': 'slsaprovenance1',
		'https://slsa.dev/provenance/v0.2': 'slsaprovenance02',
		'https://openvex.dev/ns': 'openvex',
		'https://cosign.sigstore.dev/attestation/vuln/v1': 'vuln',
	};
	return short[predicateType] ?? predicateType;
}

/** Human size of a byte count in decimal units, as registries and `docker images` report it. */
export function formatSize(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	const units = ['kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = -1;
	do {
		value /= 1000;
		unit++;
	} while (value >= 1000 && unit < units.length - 1);
	return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** The first tag of a variant, which names it on the page (`latest`, `latest-dev`). */
export function variantName(variant: ImageVariant): string {
	return variant.tags.includes('latest') ? 'latest' : variant.tags.includes('latest-dev') ? 'latest-dev' : variant.tags[0]!;
}

/** Order variants for side-by-side display: `latest`, then `latest-dev`, then the rest by name. */
export function orderedVariants(image: ImageRepository): ImageVariant[] {
	const rank = (variant: ImageVariant) => (variant.tags.includes('latest') ? 0 : variant.tags.includes('latest-dev') ? 1 : 2);
	return [...image.variants].sort((a, b) => rank(a) - rank(b) || variantName(a).localeCompare(variantName(b)));
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
	return [...new Set(image.variants.flatMap((variant) => variant.platforms.map((platform) => platform.platform)))].sort();
}

/** Architectures (amd64, arm64) of the image, for filters. */
export function imageArchitectures(image: ImageRepository): string[] {
	return [...new Set(image.variants.flatMap((variant) => variant.platforms.map((platform) => platform.architecture)))].sort();
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
	const byName = (a: SbomPackage, b: SbomPackage) => a.name.localeCompare(b.name);
	return {
		added: other.filter((pkg) => !baseByName.has(pkg.name)).sort(byName),
		removed: base.filter((pkg) => !otherByName.has(pkg.name)).sort(byName),
		changed: other
			.filter((pkg) => baseByName.has(pkg.name) && baseByName.get(pkg.name)!.version !== pkg.version)
			.map((pkg) => ({ name: pkg.name, from: baseByName.get(pkg.name)!.version, to: pkg.version }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** Packages whose name and version are not the same on every platform of a variant that has SBOMs. */
export function platformPackageDifferences(variant: ImageVariant): { platform: string; only: string[] }[] {
	const withSbom = variant.platforms.filter((platform) => platform.sbom);
	if (withSbom.length < 2) return [];
	const sets = withSbom.map((platform) => new Set(platform.sbom!.packages.map(packageKey)));
	const common = [...sets[0]!].filter((key) => sets.every((set) => set.has(key)));
	return withSbom
		.map((platform, i) => ({ platform: platform.platform, only: [...sets[i]!].filter((key) => !common.includes(key)).sort() }))
		.filter((entry) => entry.only.length > 0);
}

/** Predicate types attested for a variant, on its index or on any platform, sorted. */
export function variantPredicateTypes(variant: ImageVariant): string[] {
	const attestations = [...variant.attestations, ...variant.platforms.flatMap((platform) => platform.attestations)];
	return [...new Set(attestations.map((attestation) => attestation.predicateType))].sort();
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

/** `docker pull` commands for a tag and for its pinned digest. */
export function pullCommands(image: ImageRepository, variant: ImageVariant): { byTag: string; byDigest: string } {
	return {
		byTag: `docker pull ${image.reference}:${variantName(variant)}`,
		byDigest: `docker pull ${image.reference}@${variant.digest}`,
	};
}

/** Ready-to-copy cosign commands pinned by digest, or null when the registry's signing identity is unknown. */
export function verifyCommands(
	image: ImageRepository,
	variant: ImageVariant,
): { verify: string; attestations: { type: string; command: string }[]; download: string } | null {
	const identity = signingIdentityFor(image.registry);
	if (!identity) return null;
	const ref = `${image.reference}@${variant.digest}`;
	const flags = `--certificate-identity=${identity.certificateIdentity} \\\n  --certificate-oidc-issuer=${identity.certificateOidcIssuer}`;
	const types = variantPredicateTypes(variant);
	return {
		verify: `cosign verify \\\n  ${flags} \\\n  ${ref}`,
		attestations: types.map((type) => ({
			type,
			command: `cosign verify-attestation \\\n  --type=${cosignAttestationType(type)} \\\n  ${flags} \\\n  ${ref}`,
		})),
		download: `cosign download attestation ${ref} | jq -r .payload | base64 -d | jq .predicateType`,
	};
}

/** The value as a URL when it is an absolute http(s) URL; anything else (javascript:, data:, relative) is null. */
export function safeHttpUrl(value: string | null | undefined): string | null {
	if (!value) return null;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** Split a long untrusted value into a visible head and the rest, so pages stay readable yet complete. */
export function truncate(value: string, limit = 160): { head: string; truncated: boolean } {
	const chars = [...value];
	return chars.length <= limit
		? { head: value, truncated: false }
		: { head: `${chars.slice(0, limit).join('')}…`, truncated: true };
}

/** Which images and variants ship each package name, for the package index. */
export function packageIndex(
	images: readonly ImageRepository[],
): Map<string, { image: string; variants: string[]; versions: string[] }[]> {
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
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([name, byImage]) => [
				name,
				[...byImage]
					.sort(([a], [b]) => a.localeCompare(b))
					.map(([image, entry]) => ({ image, variants: [...entry.variants].sort(), versions: [...entry.versions].sort() })),
			]),
	);
}

/** Names of the images a guide links to (`/images/<name>/`), for "guides that mention this image". */
export function imagesLinkedFrom(body: string): string[] {
	return [...new Set([...body.matchAll(/\/images\/([a-z0-9][a-z0-9._/-]*?)\/(?=[#)"'\s]|$)/g)].map((match) => match[1]!))].filter(
		(name) => name !== 'packages',
	);
}
