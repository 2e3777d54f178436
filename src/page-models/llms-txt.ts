import type { GuideIndex } from '../data/guide-index.ts';
import type { ImageSourceData } from '../data/image-catalog.ts';
import { pathSegments } from '../lib/routes.ts';
import type { LlmsTxtInput } from '../markdown/llms-txt.ts';

/** A guide as llms.txt lists it. */
export interface ListedGuide {
	/** URL path of the page. */
	href: string;
	/** URL path of its Markdown twin. */
	twinHref: string;
	title: string;
	description: string;
}

/** What llms.txt says about the site: its name and summary, and where the image data lives. */
export interface LlmsSite {
	title: string;
	description: string;
	url: string;
	/** Where the image data comes from; llms.txt says when it is demo data. */
	imageSource: ImageSourceData;
}

/**
 * The content of llms.txt: notes on the twins and the JSON files, one section per top-level section of the sidebar
 * with its guides' twins in sidebar order, the learning paths (reading orders through those guides), the image data
 * files, and llms-full.txt as optional.
 */
export function llmsTxtModel(site: GuideIndex, guides: readonly ListedGuide[], about: LlmsSite): LlmsTxtInput {
	const absolute = (path: string) => new URL(path, about.url).href;
	const example = guides.find((guide) => pathSegments(guide.href).length > 1) ?? guides[0];
	const demo = about.imageSource.demo
		? ' The image data is demo data: images this project builds to show the format, not a real registry.'
		: '';
	return {
		title: about.title,
		summary: about.description,
		notes: [
			`Every guide is also published as Markdown next to its web page: drop the trailing slash and add \`.md\`${
				example ? ` (${absolute(example.href)} → ${absolute(example.twinHref)})` : ''
			}. The links below point at those Markdown files; each starts with the guide's title, summary and web page URL.`,
			`Image data is published as JSON for scripts: a catalog, a package index, and one file per image at \`/images/<name>.json\`, each with a \`schemaVersion\`.${demo}`,
			'Guides are licensed CC BY 4.0; cite the web page URL.',
		],
		sections: [
			...site.sidebar.map((group) => ({
				title: group.label,
				links: guides
					.filter((guide) => pathSegments(guide.href)[0] === group.path)
					.map((guide) => ({ title: guide.title, url: absolute(guide.twinHref), description: guide.description })),
			})),
			...(site.learningPaths.length > 0
				? [
						{
							title: 'Learning paths',
							links: site.learningPaths.map((path) => ({
								title: path.title,
								url: absolute(path.href),
								description: `${path.description} In order: ${path.steps.map((step) => step.title).join('; ')}.`,
							})),
						},
					]
				: []),
			{
				title: 'Image data',
				links: [
					{
						title: 'Image catalog (JSON)',
						url: absolute('/images/index.json'),
						description: 'every image with its tags, digests and platforms',
					},
					{
						title: 'Package index (JSON)',
						url: absolute('/images/packages.json'),
						description: 'which images ship each package, at which versions',
					},
				],
			},
		],
		optional: [
			{
				title: 'All guides in one file',
				url: absolute('/llms-full.txt'),
				description: 'every guide above, in the same order, as Markdown',
			},
		],
	};
}
