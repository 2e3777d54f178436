import { getGuideIndex } from '../data/docs.ts';
import { getImageCatalog } from '../data/images.ts';
import { getGuideTwins } from '../data/twins.ts';
import { formatLlmsTxt } from '../markdown/llms-txt.ts';
import { llmsTxtModel } from '../page-models/llms-txt.ts';
import { siteConfig } from '../site.config.ts';

/** The site map for language models, by the llms.txt convention: every published guide's Markdown twin, by section. */
export async function GET() {
	const [site, twins, catalog] = await Promise.all([getGuideIndex(), getGuideTwins(), getImageCatalog()]);
	const guides = twins.map((twin) => ({ ...twin, title: twin.entry.data.title, description: twin.entry.data.description }));
	const body = formatLlmsTxt(llmsTxtModel(site, guides, { ...siteConfig, imageSource: catalog.source }));
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
