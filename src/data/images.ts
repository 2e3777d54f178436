import { getCollection, getEntry, render } from 'astro:content';
import { AstroError } from 'astro/errors';
import { getGuideIndex } from './docs.ts';
import { buildImageCatalog, type ImageCatalog, type ImageOverviewEntry } from './image-catalog.ts';

let catalog: Promise<ImageCatalog> | undefined;

/** Load images, overviews and guide mentions once for all image pages. */
export function getImageCatalog(): Promise<ImageCatalog> {
	catalog ??= loadImageCatalog();
	return catalog;
}

async function loadImageCatalog(): Promise<ImageCatalog> {
	const [entries, overviews, source, guides] = await Promise.all([
		getCollection('images'),
		getCollection('imageOverviews'),
		getEntry('imageSource', 'current'),
		getGuideIndex(),
	]);
	if (!source) {
		throw new AstroError(
			'The imageSource collection has no "current" entry.',
			'Check the imageSource loader in src/content/images-loader.ts.',
		);
	}
	return buildImageCatalog({ images: entries.map((entry) => entry.data), overviews, source: source.data, guides: guides.docs });
}

/** Render the hand-written overview of an image, when it has one. */
export async function renderOverview(entry: ImageOverviewEntry | undefined) {
	return entry ? (await render(entry)).Content : undefined;
}

/**
 * The image names links may point at when links to other image pages must become plain text: in a live build, which
 * may read a registry with only some of the images the guides mention. Null in a snapshot build, where every image
 * page a guide links to must exist and the link check fails the build otherwise.
 */
export function linkableImages(catalog: ImageCatalog): string[] | null {
	return catalog.source.mode === 'live' ? catalog.images.map((image) => image.name) : null;
}
