import { getSiteIndex } from '../data/docs.ts';
import { getGuideTwins } from '../data/twins.ts';
import { formatLlmsTxt } from '../markdown/llms-txt.ts';
import { pathSegments } from '../lib/routes.ts';
import { siteConfig } from '../site.config.ts';

const absolute = (path: string) => new URL(path, siteConfig.url).href;

/** The site map for language models, by the llms.txt convention: every published guide's Markdown twin, by section. */
export async function GET() {
	const [site, twins] = await Promise.all([getSiteIndex(), getGuideTwins()]);
	const sections = site.sidebar.map((group) => ({
		title: group.label,
		links: twins
			.filter((twin) => pathSegments(twin.href)[0] === group.path)
			.map((twin) => ({ title: twin.entry.data.title, url: absolute(twin.twinHref), description: twin.entry.data.description })),
	}));
	const example = twins.find((twin) => !twin.entry.id.endsWith('index'));
	const body = formatLlmsTxt({
		title: siteConfig.title,
		summary: siteConfig.description,
		notes: [
			`Every guide is also published as Markdown next to its web page: drop the trailing slash and add \`.md\`${example ? ` (${absolute(example.href)} → ${absolute(example.twinHref)})` : ''}. The links below point at those Markdown files; each starts with the guide's title, summary and web page URL.`,
			'Guides are licensed CC BY 4.0; cite the web page URL.',
		],
		sections,
		optional: [
			{
				title: 'All guides in one file',
				url: absolute('/llms-full.txt'),
				description: 'every guide above, in the same order, as one Markdown file',
			},
		],
	});
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
