import { getImageCatalog } from '../../data/images.ts';
import { packagesDocument } from '../../page-models/image-data.ts';
import { siteConfig } from '../../site.config.ts';

/** The package index for scripts: every package in the SBOMs, with the images, variants and versions that ship it. */
export async function GET() {
	const { images, source } = await getImageCatalog();
	return new Response(packagesDocument(images, source, siteConfig.url), { headers: { 'content-type': 'application/json' } });
}
