import type { ImageCatalog } from '../data/image-catalog.ts';
import { lastUpdated, type GuideIndex } from '../data/guide-index.ts';
import type { LearningPath } from '../data/learning-paths.ts';
import { packageIndex } from '../images/queries.ts';
import { compareText } from '../lib/compare.ts';
import { docPath, isIndexEntry, pathSegments } from '../lib/routes.ts';
import { sections } from '../site.config.ts';
import { pathSummary } from './learning-paths.ts';
import { formatDate } from './values.ts';

/** A section of guides on the home page. */
export interface HomeSection {
	label: string;
	description: string;
	href: string;
	/** Published guides in the section and its folders, landing pages not counted. */
	guides: number;
}

/** A learning path on the home page, shown as steps. */
export interface HomePath {
	id: string;
	title: string;
	description: string;
	href: string;
	/** Label of the section the path belongs to. */
	section: string;
	/** "9 guides · about 1 h 20 min of reading". */
	summary: string;
	steps: { title: string; href: string }[];
}

/** The image catalog at a glance. */
export interface HomeCatalog {
	images: number;
	/** Distinct packages across every image's SBOMs. */
	packages: number;
	/** Tagged variants (latest, latest-dev, …) across all images. */
	variants: number;
	/** The snapshot is demo data built by this project, not a real registry's. */
	demo: boolean;
	/** `registry/namespace` the data is recorded as. */
	source: string;
	syncedOn: string;
}

/** A recently updated guide. */
export interface RecentGuide {
	title: string;
	description: string;
	href: string;
	section: string;
	updated: Date;
}

/** Everything the home page shows. */
export interface HomeModel {
	sections: HomeSection[];
	paths: HomePath[];
	catalog: HomeCatalog;
	recent: RecentGuide[];
}

/** How many recently updated guides the home page lists. */
const RECENT_GUIDES = 6;

/** Published guides below a section folder, without landing pages. */
export function countGuides(site: Pick<GuideIndex, 'docs'>, section: string): number {
	return site.docs.filter((entry) => !isIndexEntry(entry.id) && entry.id.startsWith(`${section}/`)).length;
}

/** The catalog figures: images, distinct packages and tagged variants, and where the data comes from. */
export function catalogCounts(catalog: ImageCatalog): HomeCatalog {
	const { source } = catalog;
	return {
		images: catalog.images.length,
		packages: packageIndex(catalog.images).size,
		variants: catalog.images.reduce((sum, image) => sum + image.variants.length, 0),
		demo: source.demo,
		source: `${source.registry}/${source.namespace}`,
		syncedOn: formatDate(new Date(source.syncedAt)),
	};
}

/** Label of a top-level section by its folder. */
function sectionLabel(path: string): string {
	return sections.find((section) => section.path === path)?.label ?? path;
}

/** A path as the home page shows it. */
function homePath(path: LearningPath): HomePath {
	return {
		id: path.id,
		title: path.title,
		description: path.description,
		href: path.href,
		section: path.sectionLabel,
		summary: pathSummary(path),
		steps: path.steps.map(({ title, href }) => ({ title, href })),
	};
}

/** The home page: sections with their guide counts, the learning paths, the catalog figures and recent guides. */
export function homeModel(site: GuideIndex, catalog: ImageCatalog): HomeModel {
	const recent = site.docs
		.filter((entry) => !isIndexEntry(entry.id))
		.flatMap((entry) => {
			const updated = lastUpdated(entry, site.gitDates);
			return updated ? [{ entry, updated }] : [];
		})
		.sort((a, b) => b.updated.getTime() - a.updated.getTime() || compareText(a.entry.id, b.entry.id))
		.slice(0, RECENT_GUIDES)
		.map(({ entry, updated }) => ({
			title: entry.data.title,
			description: entry.data.description,
			href: docPath(entry.id),
			section: sectionLabel(pathSegments(entry.id)[0] ?? ''),
			updated,
		}));
	return {
		sections: site.sidebar.map((group) => ({
			label: group.label,
			description: sections.find((section) => section.path === group.path)?.description ?? '',
			href: group.href ?? `/${group.path}/`,
			guides: countGuides(site, group.path),
		})),
		paths: site.learningPaths.map(homePath),
		catalog: catalogCounts(catalog),
		recent,
	};
}
