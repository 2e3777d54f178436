import { getImageCatalog } from '../../data/images.ts';
import { catalogDocument } from '../../page-models/image-data.ts';
import { siteConfig } from '../../site.config.ts';

/** The image catalog for scripts: every image with its tags, digests and platforms, and a link to its full data. */
export async function GET() {
	const { images, source } = await getImageCatalog();
	return new Response(catalogDocument(images, source, siteConfig.url), { headers: { 'content-type': 'application/json' } });
}
