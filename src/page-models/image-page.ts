import { combineOutcomes } from '../attestations/verify/index.ts';
import type { ImageOverviewEntry, GuideMention, ImageSourceData } from '../data/image-catalog.ts';
import type { ImagePlatform, ImageRepository, ImageVariant, Provenance, SbomPackage, Verification } from '../images/model.ts';
import {
	diffPackages,
	imageArchitectures,
	orderedVariants,
	platformPackageDifferences,
	publishedDescription,
	variantAnnotations,
	variantFact,
	variantName,
	variantPackages,
	variantPredicateTypes,
	type PackageDiff,
} from '../images/queries.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../attestations/in-toto.ts';
import { imagePath } from '../lib/routes.ts';
import type { TocItem } from '../lib/toc.ts';
import { editUrl } from '../site.config.ts';
import {
	PREDICATE_LABELS,
	commandTarget,
	pullCommands,
	verifyCommands,
	type CommandTarget,
	type VerifyCommands,
} from './commands.ts';
import { demoNotice, type DemoNotice } from './demo-notice.ts';
import { factBadge, type BadgeTone, type FactBadgeModel } from './fact-badge.ts';
import type { RouteInput } from './route-data.ts';
import { imageDataPath } from './image-data.ts';
import { imageSocialCard, socialCardImage } from './social-card.ts';
import { formatDateTime, truncate } from './values.ts';
import { verificationBadge, verificationView, type VerificationView } from './verification.ts';
import { formatBytes } from '../lib/bytes.ts';

/** The sections of an image page, in order: the table of contents and the ids the section components use. */
const SECTIONS = [
	{ slug: 'overview', text: 'Overview' },
	{ slug: 'tags', text: 'Tags' },
	{ slug: 'specifications', text: 'Specifications' },
	{ slug: 'packages', text: 'Packages' },
	{ slug: 'provenance', text: 'Provenance' },
] as const;

/** A row of the platforms table. */
export interface PlatformRow {
	variant: string;
	platform: string;
	size: string;
	layers: number;
	created: string;
}

/** The overview section: description, pull commands, platforms, source and guides. */
export interface OverviewSection {
	/** The hand-written overview's description, else the publisher's; null when neither exists. */
	description: string | null;
	/** Pull commands; by digest only where the digest exists (not for demo data); null for a demo-only image. */
	pull: { byTag: string; byDigest: string | null } | null;
	/** The platform of a single-platform image, for the sentence above the table; null for several. */
	singlePlatform: string | null;
	platforms: PlatformRow[];
	/** `org.opencontainers.image.source` of the first variant (annotation, else label); shown as a link only if http(s). */
	sourceUrl: string | null;
	guides: GuideMention[];
}

/** A row of the tags table: the tags of one variant and its digest. */
export interface TagRow {
	variant: string;
	tags: string[];
	digest: string;
	/** When the tags last moved (from the registry's tag history), else when the image was built (said so), else "not published". */
	updated: string;
}

/** A configuration value in the specifications table: not set, one value, or a list. */
export type SpecValue = string | string[] | null;

/** The labels and annotations of one variant. */
export interface KeyValueSet {
	variant: string;
	labels: number;
	annotations: number;
	entries: { kind: 'label' | 'annotation'; key: string; value: string; isUrl: boolean }[];
}

/** The specifications section: runtime configuration and facts side by side per variant. */
export interface SpecificationsSection {
	/** The platform whose config the table shows (the first platform of the first variant). */
	platform: string;
	/** Variant names, one column each. */
	columns: string[];
	rows: { label: string; values: SpecValue[] }[];
	facts: { label: string; badges: FactBadgeModel[] }[];
	/** The rules behind the facts, in words. */
	rules: { shell: string; packageManager: string; root: string };
	keyValues: KeyValueSet[];
}

/** The package list of one variant and how it differs from the first variant and across platforms. */
export interface PackagesSection {
	variant: string;
	/** Null when the variant publishes no SBOM. */
	packages: SbomPackage[] | null;
	/** The platform whose SBOM the list is. */
	sbomPlatform: string | null;
	/** "Against latest: adds …; removes …." for variants after the first; null for the first. */
	diffSentence: string | null;
	platformDifferences: { platform: string; only: string[] }[];
	/** True when several platforms have SBOMs and all list the same packages. */
	samePackagesOnEveryPlatform: boolean;
	/** The first variant's list starts open. */
	open: boolean;
}

/** One cell of the attestation table: not published, or published and how its verification came out. */
export interface AttestationCell {
	/** "No", or the outcome in words: Verified, Failed, Unsigned, Not checked. */
	text: string;
	/** Colour of the outcome; null for "No". */
	tone: BadgeTone | null;
	/** The reason of a failed or unchecked outcome, as a tooltip; empty otherwise. */
	title: string;
}

/** One attestation row of the provenance table: where the predicate type is attested and whether it verified. */
export interface AttestationRow {
	type: string;
	label: string;
	/** The index column, null when the variant has a single platform (no index column). */
	index: AttestationCell | null;
	platforms: AttestationCell[];
}

/** The provenance section of one variant: its verification, SLSA provenance, attestations and the commands to check them. */
export interface ProvenanceSection {
	variant: string;
	/** The verification of the variant's digest. */
	signature: VerificationView;
	/** For an index: what a verified signature on it covers. Null for a single-platform image. */
	indexNote: string | null;
	provenance: Provenance | null;
	/** Platform names, one column each, when the attestation table is shown. */
	platformColumns: string[];
	attestations: AttestationRow[];
	/** Attestations that failed or were not checked, grouped by reason: "SPDX SBOM (index, linux/amd64): reason". */
	attestationProblems: string[];
	/** The cosign commands that repeat the checks, or why none are offered. */
	commands: CosignCommands;
}

/** Commands for what a variant publishes; none when the signing policy is unknown or nothing is signed or attested. */
export type CosignCommands =
	| {
			kind: 'commands';
			/** What the commands address: this image by digest, or (demo data) the public image by tag. */
			target: string;
			/** True when the target is the public image a demo image stands for, not the image on the page. */
			standsFor: boolean;
			/** `cosign verify`, when the variant is signed. */
			verify: string | null;
			/** `cosign verify-attestation` per predicate type, with the type's name in words. */
			attestations: { label: string; command: string }[];
			/** `cosign download attestation`, when anything is attested. */
			download: string | null;
	  }
	| { kind: 'unknown-identity' }
	| { kind: 'demo-only' }
	| { kind: 'nothing-to-verify' };

/** Everything an image page shows, computed from the image, its overview and the guides that mention it. */
export interface ImagePageModel {
	route: RouteInput;
	reference: string;
	/** URL path of the same image data as JSON (`/images/<name>.json`), for readers and tools that want the data. */
	dataHref: string;
	badges: FactBadgeModel[];
	overview: OverviewSection;
	tags: TagRow[];
	specifications: SpecificationsSection;
	packages: PackagesSection[];
	provenance: ProvenanceSection[];
	/** The registry, for the sentence shown when its signing identity is unknown. */
	registry: string;
	/** What the page must say about demo data; null for real data. */
	demo: DemoNotice | null;
}

/** The diff of a variant's packages against the first variant's, as the sentence the page shows. */
export function packageDiffSentence(baseName: string, diff: PackageDiff): string {
	const parts = [
		diff.added.length > 0 && `adds ${diff.added.map((pkg) => pkg.name).join(', ')}`,
		diff.removed.length > 0 && `removes ${diff.removed.map((pkg) => pkg.name).join(', ')}`,
		diff.changed.length > 0 && `changes ${diff.changed.map((c) => `${c.name} (${c.from ?? '?'} → ${c.to ?? '?'})`).join(', ')}`,
	].filter(Boolean);
	return `Against ${baseName}: ${parts.length === 0 ? 'the same packages.' : `${parts.join('; ')}.`}`;
}

/** The overview section of the page. */
function overviewSection(
	target: CommandTarget | null,
	variants: ImageVariant[],
	description: string | null,
	guides: GuideMention[],
): OverviewSection {
	const base = variants[0]!;
	const annotations = variantAnnotations(base);
	return {
		description,
		pull: target ? pullCommands(target, base) : null,
		singlePlatform: base.platforms.length === 1 ? base.platforms[0]!.platform : null,
		platforms: variants.flatMap((variant) =>
			variant.platforms.map((platform) => ({
				variant: variantName(variant),
				platform: platform.platform,
				size: formatBytes(platform.compressedSize),
				layers: platform.layers,
				created: formatDateTime(platform.created) ?? 'not published',
			})),
		),
		sourceUrl:
			annotations['org.opencontainers.image.source'] ??
			base.platforms[0]?.config.labels?.['org.opencontainers.image.source'] ??
			null,
		guides,
	};
}

/** The tags table: one row per variant. */
function tagRows(image: ImageRepository, variants: ImageVariant[]): TagRow[] {
	return variants.map((variant) => {
		const tags = image.tags.filter((tag) => tag.digest === variant.digest);
		return {
			variant: variantName(variant),
			tags: tags.map((tag) => tag.name),
			digest: variant.digest,
			updated: tagUpdated(tags),
		};
	});
}

/**
 * When the tags of a variant moved, as the page states it: a registry's tag history says when the tag moved; the
 * image's own date says when it was built, and the page says so.
 */
function tagUpdated(tags: ImageRepository['tags']): string {
	const dated = tags.find((tag) => tag.updatedAt !== null);
	const when = formatDateTime(dated?.updatedAt ?? null);
	if (!dated || !when) return 'not published';
	return dated.updatedAtSource === 'tag-history' ? when : `${when} (image build time)`;
}

/** The facts rows of the specifications table, with the badge texts of each fact. */
const FACT_ROWS = [
	{ label: 'Runs as root', fact: 'runsAsRoot', yes: 'Yes', unknown: 'Unknown' },
	{ label: 'Has a shell', fact: 'hasShell', yes: 'Yes', unknown: 'Unknown: no SBOM' },
	{ label: 'Package manager', fact: 'hasPackageManager', yes: 'Yes (apk)', unknown: 'Unknown: no SBOM' },
] as const satisfies readonly { label: string; fact: keyof ImagePlatform['facts']; yes: string; unknown: string }[];

/** The specifications section: the first platform's config of each variant, its facts and its labels. */
function specificationsSection(variants: ImageVariant[]): SpecificationsSection {
	const configs = variants.map((variant) => variant.platforms[0]!.config);
	const facts = variants[0]!.platforms[0]!.facts;
	return {
		platform: variants[0]!.platforms[0]!.platform,
		columns: variants.map(variantName),
		rows: [
			{ label: 'User', values: configs.map((config) => config.user) },
			{ label: 'Entrypoint', values: configs.map((config) => config.entrypoint) },
			{ label: 'Command', values: configs.map((config) => config.cmd) },
			{ label: 'Working directory', values: configs.map((config) => config.workingDir) },
			{ label: 'Environment', values: configs.map((config) => config.env?.map((e) => `${e.name}=${e.value}`) ?? null) },
			{ label: 'Stop signal', values: configs.map((config) => config.stopSignal) },
			{ label: 'Volumes', values: configs.map((config) => config.volumes) },
			{ label: 'Exposed ports', values: configs.map((config) => config.exposedPorts) },
		],
		facts: FACT_ROWS.map((row) => ({
			label: row.label,
			badges: variants.map((variant) =>
				factBadge(variant.platforms[0]!.facts[row.fact], { yes: row.yes, no: 'No', unknown: row.unknown, good: false }),
			),
		})),
		rules: { shell: facts.hasShell.rule, packageManager: facts.hasPackageManager.rule, root: facts.runsAsRoot.rule },
		keyValues: variants.map((variant) => {
			const labels = Object.entries(variant.platforms[0]!.config.labels ?? {});
			const annotations = Object.entries(variantAnnotations(variant));
			return {
				variant: variantName(variant),
				labels: labels.length,
				annotations: annotations.length,
				entries: [
					...labels.map(([key, value]) => ({ kind: 'label' as const, key, value, isUrl: /^https?:/i.test(value) })),
					...annotations.map(([key, value]) => ({ kind: 'annotation' as const, key, value, isUrl: /^https?:/i.test(value) })),
				],
			};
		}),
	};
}

/** The packages section: one list per variant, compared with the first variant's list. */
function packagesSections(variants: ImageVariant[]): PackagesSection[] {
	const basePackages = variantPackages(variants[0]!);
	return variants.map((variant, index) => {
		const packages = variantPackages(variant);
		const withSbom = variant.platforms.filter((platform) => platform.sbom);
		const differences = platformPackageDifferences(variant);
		return {
			variant: variantName(variant),
			packages,
			sbomPlatform: withSbom[0]?.platform ?? null,
			diffSentence:
				index > 0 && basePackages && packages
					? packageDiffSentence(variantName(variants[0]!), diffPackages(basePackages, packages))
					: null,
			platformDifferences: differences,
			samePackagesOnEveryPlatform: differences.length === 0 && withSbom.length > 1,
			open: index === 0,
		};
	});
}

/** Words and colour of an attestation's outcome in the table. */
const CELL_TEXT: Record<Verification['status'], string> = {
	verified: 'Verified',
	failed: 'Failed',
	unsigned: 'Unsigned',
	'not-checked': 'Not checked',
};

/** The cell of one predicate type on one digest: "No" when not attested there, else how its verification came out. */
function attestationCell(subject: { attestations: ImageVariant['attestations'] }, type: string): AttestationCell {
	const outcomes = subject.attestations.filter((a) => a.predicateType === type).map((a) => a.verification);
	if (outcomes.length === 0) return { text: 'No', tone: null, title: '' };
	const outcome = combineOutcomes(outcomes);
	return { text: CELL_TEXT[outcome.status], tone: verificationBadge(outcome).tone, title: outcome.reason?.message ?? '' };
}

/**
 * Failed and unchecked attestations of a variant, one line per reason, naming the predicate types and the digests it
 * applies to: "SPDX SBOM, SLSA provenance v1 (index, linux/amd64): reason".
 */
function attestationProblems(variant: ImageVariant, multiPlatform: boolean): string[] {
	const subjects = [
		...(multiPlatform ? [{ name: 'index', attestations: variant.attestations }] : []),
		...variant.platforms.map((platform) => ({ name: platform.platform, attestations: platform.attestations })),
	];
	const byReason = new Map<string, { labels: Set<string>; where: Set<string> }>();
	for (const subject of subjects) {
		for (const attestation of subject.attestations) {
			const { status, reason } = attestation.verification;
			if ((status !== 'failed' && status !== 'not-checked') || !reason) continue;
			const entry =
				byReason.get(reason.message) ??
				byReason.set(reason.message, { labels: new Set(), where: new Set() }).get(reason.message)!;
			entry.labels.add(PREDICATE_LABELS[attestation.predicateType] ?? attestation.predicateType);
			entry.where.add(subject.name);
		}
	}
	return [...byReason].map(([message, entry]) => `${[...entry.labels].join(', ')} (${[...entry.where].join(', ')}): ${message}`);
}

/** The provenance section of one variant. */
function provenanceSection(target: CommandTarget | null, variant: ImageVariant): ProvenanceSection {
	const types = variantPredicateTypes(variant);
	const multiPlatform = variant.platforms.length > 1;
	// cosign 3 stores its image signature as a Statement with its own predicate type, so that counts as a signature too.
	const signed = variant.signatures.length > 0 || types.includes(COSIGN_SIGN_PREDICATE_TYPE);
	return {
		variant: variantName(variant),
		signature: verificationView(variant.verification, multiPlatform ? 'the index digest' : 'the image digest'),
		indexNote:
			multiPlatform && variant.verification.status === 'verified'
				? `The index lists the digest of each of its ${variant.platforms.length} platforms, so a verified signature on the index covers every platform of this variant.`
				: null,
		provenance: variant.provenance ?? variant.platforms.find((platform) => platform.provenance)?.provenance ?? null,
		platformColumns: variant.platforms.map((platform) => platform.platform),
		attestations: types.map((type) => ({
			type,
			label: PREDICATE_LABELS[type] ?? 'Other',
			index: multiPlatform ? attestationCell(variant, type) : null,
			platforms: variant.platforms.map((platform) => attestationCell(platform, type)),
		})),
		attestationProblems: attestationProblems(variant, multiPlatform),
		commands: cosignCommands(target, variant, signed, types.length > 0),
	};
}

/** Which cosign commands a variant's provenance section offers. */
function cosignCommands(target: CommandTarget | null, variant: ImageVariant, signed: boolean, attested: boolean): CosignCommands {
	if (!target) return { kind: 'demo-only' };
	const commands: VerifyCommands | null = verifyCommands(target, variant);
	if (!commands) return { kind: 'unknown-identity' };
	if (!signed && !attested) return { kind: 'nothing-to-verify' };
	return {
		kind: 'commands',
		target: target.pin === 'digest' ? `${target.reference}@${variant.digest}` : `${target.reference}:${variantName(variant)}`,
		standsFor: target.pin === 'tag',
		verify: signed ? commands.verify : null,
		attestations: commands.attestations.map((attestation) => ({
			label: PREDICATE_LABELS[attestation.type] ?? attestation.type,
			command: attestation.command,
		})),
		download: attested ? commands.download : null,
	};
}

/** The page model of an image: route input for the layout and one model per section. */
export function imagePageModel(
	image: ImageRepository,
	context: { overview: ImageOverviewEntry | undefined; guides: GuideMention[]; source: ImageSourceData },
): ImagePageModel {
	const variants = orderedVariants(image);
	const target = commandTarget(image, context.source);
	const base = variants[0]!;
	const description = context.overview?.data.description ?? publishedDescription(base);
	const hasShell = variantFact(base, 'hasShell');
	const href = imagePath(image.name);
	const toc: TocItem[] = SECTIONS.map((section) => ({ depth: 2, ...section, children: [] }));
	return {
		route: {
			title: image.name,
			description: description
				? truncate(description, 200).head
				: `Tags, variants, packages, licences and provenance of the ${image.name} container image.`,
			href,
			breadcrumbs: [
				{ label: 'Home', href: '/' },
				{ label: 'Images', href: '/images/' },
			],
			toc,
			editUrl: context.overview?.filePath ? editUrl(context.overview.filePath) : undefined,
			searchFilters: {
				type: ['Image'],
				section: ['Images'],
				shell: [hasShell === null ? 'Unknown' : hasShell ? 'Has shell' : 'No shell'],
				architecture: imageArchitectures(image),
			},
			socialCard: socialCardImage(href, imageSocialCard(image.name)),
		},
		reference: image.reference,
		dataHref: imageDataPath(image.name),
		badges: [
			factBadge(base.platforms[0]!.facts.hasShell, { yes: 'Shell', no: 'No shell', unknown: 'Shell: unknown', good: false }),
			factBadge(base.platforms[0]!.facts.runsAsRoot, {
				yes: 'Runs as root',
				no: 'Non-root',
				unknown: 'User: unknown',
				good: false,
			}),
			verificationBadge(base.verification),
		],
		overview: overviewSection(target, variants, description, context.guides),
		tags: tagRows(image, variants),
		specifications: specificationsSection(variants),
		packages: packagesSections(variants),
		provenance: variants.map((variant) => provenanceSection(target, variant)),
		registry: image.registry,
		demo: demoNotice(context.source, image),
	};
}
