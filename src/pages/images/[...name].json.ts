import type { GetStaticPaths } from 'astro';
import { toAstroError } from '../../content/errors.ts';
import { getImageCatalog } from '../../data/images.ts';
import type { ImageRepository } from '../../images/model.ts';
import { imageDataPath, imageDocument } from '../../page-models/image-data.ts';
import { siteConfig } from '../../site.config.ts';

/** One JSON file per image, next to its page: `/images/<name>/` has `/images/<name>.json`. */
export const getStaticPaths = (async () => {
	const { images } = await getImageCatalog();
	try {
		return images.map((image) => ({
			params: { name: imageDataPath(image.name).slice('/images/'.length, -'.json'.length) },
			props: { image },
		}));
	} catch (error) {
		throw toAstroError(error);
	}
}) satisfies GetStaticPaths;

/** The image's data as its page shows it, in the snapshot format, for scripts. */
export async function GET({ props }: { props: { image: ImageRepository } }) {
	const { source } = await getImageCatalog();
	return new Response(imageDocument(props.image, source, siteConfig.url), {
		headers: { 'content-type': 'application/json' },
	});
}
