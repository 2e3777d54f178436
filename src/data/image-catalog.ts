import type { CollectionEntry } from 'astro:content';
import type { ImageRepository } from '../images/model.ts';
import { compareText } from '../lib/compare.ts';
import { docPath, imagePath, imagesLinkedFrom } from '../lib/routes.ts';
import { prepareLinkList, type PreparedSidebar } from '../lib/sidebar-html.ts';
import type { DocEntry } from './guide-index.ts';

export type ImageOverviewEntry = CollectionEntry<'imageOverviews'>;
export type ImageSourceData = CollectionEntry<'imageSource'>['data'];

/** A guide that links to an image page. */
export interface GuideMention {
	title: string;
	href: string;
}

/** Everything image pages share, computed once per build. */
export interface ImageCatalog {
	/** Sorted by name. */
	images: ImageRepository[];
	/** Hand-written overviews by image name. */
	overviews: Map<string, ImageOverviewEntry>;
	/** Guides that link to each image page, by image name, in guide order. */
	mentions: Map<string, GuideMention[]>;
	/** Where the image data of this build comes from. */
	source: ImageSourceData;
	/** The sidebar of image pages, one link per image (a window of them, then the catalog), prepared once for all of them. */
	sidebar: PreparedSidebar;
}

/**
 * Put the image data, the overviews and the guides that mention each image together. The images loader has already
 * checked the overviews against the images (src/content/images-loader.ts): an overview without an image fails a
 * snapshot build there, and is skipped by a live build of a few repositories (IMAGES_REPOS).
 */
export function buildImageCatalog(inputs: {
	images: readonly ImageRepository[];
	overviews: readonly ImageOverviewEntry[];
	source: ImageSourceData;
	guides: readonly DocEntry[];
}): ImageCatalog {
	const images = [...inputs.images].sort((a, b) => compareText(a.name, b.name));
	const mentions = new Map<string, GuideMention[]>();
	for (const guide of inputs.guides) {
		for (const name of imagesLinkedFrom(guide.body ?? '')) {
			(mentions.get(name) ?? mentions.set(name, []).get(name)!).push({ title: guide.data.title, href: docPath(guide.id) });
		}
	}
	return {
		images,
		overviews: new Map(inputs.overviews.map((entry) => [entry.id, entry])),
		mentions,
		source: inputs.source,
		sidebar: prepareLinkList(
			images.map((image) => ({ label: image.name, href: imagePath(image.name) })),
			'sidebar-images',
			{ href: '/images/', noun: 'images' },
		),
	};
}
