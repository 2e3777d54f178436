import { getGuideTwins } from '../data/twins.ts';
import { formatLlmsFull } from '../markdown/llms-txt.ts';
import { siteConfig } from '../site.config.ts';

/** Every published guide's Markdown twin in one file, in sidebar order, for readers that take a whole site at once. */
export async function GET() {
	const twins = await getGuideTwins();
	const body = formatLlmsFull(
		siteConfig.title,
		siteConfig.description,
		twins.map((twin) => twin.markdown),
	);
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
