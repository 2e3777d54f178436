import { describe, expect, it } from 'vitest';
import { buildGuideIndex } from '../../../src/data/guide-index.ts';
import type { ImageSourceData } from '../../../src/data/image-catalog.ts';
import { llmsTxtModel, type ListedGuide } from '../../../src/page-models/llms-txt.ts';
import { TEST_TAGS, docEntry } from '../../helpers/collection-entries.ts';

const site = buildGuideIndex(
	[
		docEntry('open-source/index'),
		docEntry('open-source/wolfi'),
		docEntry('container-images/index'),
		docEntry('container-images/pinning'),
	],
	{
		sections: [
			{ path: 'open-source', label: 'Open source' },
			{ path: 'container-images', label: 'Container images' },
		],
		gitDates: new Map(),
		tags: TEST_TAGS,
		learningPaths: [
			{
				id: 'pin-images',
				title: 'Pin images',
				description: 'From what Wolfi is to pinning an image by its digest, step by step.',
				section: 'container-images',
				guides: ['open-source/wolfi', 'container-images/pinning'],
			},
		],
	},
);
const guide = (href: string, title: string): ListedGuide => ({
	href,
	twinHref: `${href.slice(0, -1)}.md`,
	title,
	description: `About ${title}.`,
});
const GUIDES = [
	guide('/open-source/', 'Open source'),
	guide('/open-source/wolfi/', 'Wolfi'),
	guide('/container-images/', 'Container images'),
	guide('/container-images/pinning/', 'Pinning'),
];
const source = (demo: boolean): ImageSourceData => ({
	mode: 'snapshot',
	schemaVersion: 1,
	registry: 'cgr.dev',
	namespace: 'chainguard',
	demo,
	syncedAt: '2025-07-01T00:00:00.000Z',
	repositories: [],
});
const about = (demo: boolean) => ({
	title: 'Academy',
	description: 'Guides.',
	url: 'https://academy.test',
	imageSource: source(demo),
});

describe('llms.txt model', () => {
	it('lists each sidebar section’s guides by their twins, in the order given, then the learning paths and the image data files', () => {
		const model = llmsTxtModel(site, GUIDES, about(false));
		expect(model.sections.map((section) => [section.title, section.links.map((link) => link.url)])).toEqual([
			['Open source', ['https://academy.test/open-source.md', 'https://academy.test/open-source/wolfi.md']],
			['Container images', ['https://academy.test/container-images.md', 'https://academy.test/container-images/pinning.md']],
			['Learning paths', ['https://academy.test/paths/pin-images/']],
			['Image data', ['https://academy.test/images/index.json', 'https://academy.test/images/packages.json']],
		]);
		expect(model.sections[0]!.links[1]).toEqual({
			title: 'Wolfi',
			url: 'https://academy.test/open-source/wolfi.md',
			description: 'About Wolfi.',
		});
		expect(model.sections[2]!.links[0]!.description).toMatch(
			/^From what Wolfi is to pinning an image by its digest, step by step\. In order: .+; .+\.$/,
		);
		expect(model.optional.map((link) => link.url)).toEqual(['https://academy.test/llms-full.txt']);
	});

	it('explains the twins with a real guide as the example', () => {
		const [twins] = llmsTxtModel(site, GUIDES, about(false)).notes;
		expect(twins).toContain('https://academy.test/open-source/wolfi/ → https://academy.test/open-source/wolfi.md');
	});

	it('says when the image data is demo data, and only then', () => {
		expect(llmsTxtModel(site, GUIDES, about(true)).notes.join(' ')).toContain('The image data is demo data');
		expect(llmsTxtModel(site, GUIDES, about(false)).notes.join(' ')).not.toContain('demo');
	});
});
