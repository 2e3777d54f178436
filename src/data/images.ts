import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import type { ImageRepository } from '../images/model.ts';
import { imagesLinkedFrom } from '../images/view.ts';
import { docPath } from '../lib/routes.ts';
import { getSiteIndex } from './docs.ts';

/** Everything image pages share, computed once per build. */
export interface ImageIndex {
	images: ImageRepository[];
	overviews: Map<string, CollectionEntry<'imageOverviews'>>;
	/** Guides that link to each image page, by image name. */
	mentions: Map<string, { title: string; href: string }[]>;
	source: CollectionEntry<'imageSource'>['data'];
}

let index: Promise<ImageIndex> | undefined;

/** Load images, overviews and guide mentions once for all image pages. */
export function getImageIndex(): Promise<ImageIndex> {
	index ??= buildImageIndex();
	return index;
}

async function buildImageIndex(): Promise<ImageIndex> {
	const [entries, overviews, source, site] = await Promise.all([
		getCollection('images'),
		getCollection('imageOverviews'),
		getEntry('imageSource', 'current'),
		getSiteIndex(),
	]);
	if (!source)
		throw new Error(
			'The imageSource collection has no "current" entry. Hint: check the images loader in src/content/images-loader.ts.',
		);
	const images = entries.map((entry) => entry.data).sort((a, b) => a.name.localeCompare(b.name));
	const known = new Set(images.map((image) => image.name));
	for (const overview of overviews) {
		// A live build of a few repositories (IMAGES_REPOS) leaves the other overviews unused, which is expected.
		if (!known.has(overview.id) && source.data.mode === 'snapshot') {
			throw new Error(
				`content/images/${overview.id}.mdx: there is no image "${overview.id}" in the image data. Hint: rename the file after an image in /images/, or remove it.`,
			);
		}
	}
	const mentions = new Map<string, { title: string; href: string }[]>();
	for (const doc of site.docs) {
		for (const name of imagesLinkedFrom(doc.body ?? '')) {
			(mentions.get(name) ?? mentions.set(name, []).get(name)!).push({ title: doc.data.title, href: docPath(doc.id) });
		}
	}
	return { images, overviews: new Map(overviews.map((entry) => [entry.id, entry])), mentions, source: source.data };
}

/** Render the hand-written overview of an image, when it has one. */
export async function renderOverview(entry: CollectionEntry<'imageOverviews'> | undefined) {
	return entry ? (await render(entry)).Content : undefined;
}
