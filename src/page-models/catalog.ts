import type { ImageCatalog, ImageOverviewEntry } from '../data/image-catalog.ts';
import type { ImageRepository, Verification } from '../images/model.ts';
import {
	imageArchitectures,
	imagePlatforms,
	lastCreated,
	orderedVariants,
	publishedDescription,
	variantFact,
	variantName,
} from '../images/queries.ts';
import { compareText } from '../lib/compare.ts';
import { imagePath } from '../lib/routes.ts';
import { demoNotice, type DemoNotice } from './demo-notice.ts';
import { badgeTone, type BadgeTone } from './fact-badge.ts';
import { formatDate, truncate } from './values.ts';
import { VERIFICATION_FILTER_LABELS, verificationBadge } from './verification.ts';

/** A badge on a catalog card: the answer in words and its colour (the same rule as on image pages). */
export interface CardBadge {
	text: string;
	tone: BadgeTone;
}

/** One image in the catalog. */
export interface CatalogCard {
	name: string;
	href: string;
	/** The overview's description, else the start of the publisher's; null when neither exists. */
	description: string | null;
	category: string;
	/** Lower-cased name and description, which the filter box searches. */
	searchText: string;
	variants: string[];
	platforms: string[];
	architectures: string[];
	/** The shell filter's value for this image. */
	shellFilter: 'yes' | 'no' | 'unknown';
	shell: CardBadge;
	root: CardBadge;
	/** The verification of the first variant's digest, the same badge as on the image page. */
	signature: CardBadge & { title: string };
	/** The signature filter's value for this image. */
	signatureFilter: Verification['status'];
	/** When any platform was last built, or "not published". */
	updated: string;
}

/** The catalog page: the cards, the values its filters offer, and where the data comes from. */
export interface CatalogModel {
	cards: CatalogCard[];
	categories: string[];
	architectures: string[];
	/** The signature filter's options: every outcome, in a fixed order, with how many images have it. */
	signatureFilters: { value: Verification['status']; label: string; count: number }[];
	/** What the catalog must say about demo data; null for real data. */
	demo: DemoNotice | null;
	source: {
		/** `registry/namespace` the data is recorded as. */
		name: string;
		demo: boolean;
		live: boolean;
		syncedAt: string;
		/** The sync (or build) date in words. */
		syncedOn: string;
	};
}

/** The catalog card of an image. */
export function catalogCardModel(image: ImageRepository, overview: ImageOverviewEntry | undefined): CatalogCard {
	const variants = orderedVariants(image);
	const base = variants[0]!;
	const published = publishedDescription(base);
	// Registry descriptions can be any length; the card shows the start, the image page the whole text.
	const description = overview?.data.description ?? (published ? truncate(published, 200).head : null);
	const shell = variantFact(base, 'hasShell');
	const root = variantFact(base, 'runsAsRoot');
	const created = lastCreated(image);
	return {
		name: image.name,
		href: imagePath(image.name),
		description,
		category: overview?.data.category ?? 'Uncategorized',
		searchText: `${image.name} ${description ?? ''}`.toLowerCase(),
		variants: variants.map(variantName),
		platforms: imagePlatforms(image),
		architectures: imageArchitectures(image),
		shellFilter: shell === null ? 'unknown' : shell ? 'yes' : 'no',
		shell: { text: shell === null ? 'Shell: unknown' : shell ? 'Shell' : 'No shell', tone: badgeTone(shell, false) },
		root: { text: root === null ? 'User: mixed' : root ? 'Root' : 'Non-root', tone: badgeTone(root, false) },
		signature: verificationBadge(base.verification),
		signatureFilter: base.verification.status,
		updated: created ? formatDate(new Date(created)) : 'not published',
	};
}

/** The catalog page model of the whole image catalog. */
export function catalogModel(catalog: ImageCatalog): CatalogModel {
	const cards = catalog.images.map((image) => catalogCardModel(image, catalog.overviews.get(image.name)));
	const { source } = catalog;
	return {
		cards,
		categories: [...new Set(cards.map((card) => card.category))].sort(compareText),
		architectures: [...new Set(cards.flatMap((card) => card.architectures))].sort(compareText),
		signatureFilters: Object.entries(VERIFICATION_FILTER_LABELS).map(([value, label]) => ({
			value: value as Verification['status'],
			label,
			count: cards.filter((card) => card.signatureFilter === value).length,
		})),
		demo: demoNotice(source),
		source: {
			name: `${source.registry}/${source.namespace}`,
			demo: source.demo,
			live: source.mode === 'live',
			syncedAt: source.syncedAt,
			syncedOn: formatDate(new Date(source.syncedAt)),
		},
	};
}
