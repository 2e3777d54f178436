import { describe, expect, it } from 'vitest';
import { buildGuideIndex } from '../../../src/data/guide-index.ts';
import { guideSocialCard, imageSocialCard, socialCardImage, socialCardPages } from '../../../src/page-models/social-card.ts';
import { imagePageModel } from '../../../src/page-models/image-page.ts';
import { TEST_TAGS, docEntry } from '../../helpers/collection-entries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const entries = [
	docEntry('index', { title: 'Home' }),
	docEntry('open-source/index', { title: 'Open source — Wolfi, melange and apko' }),
	docEntry('open-source/wolfi/index', { title: 'Wolfi' }),
	docEntry('open-source/wolfi/overview', { title: 'What is Wolfi?' }),
];
const site = buildGuideIndex(entries, {
	sections: [{ path: 'open-source', label: 'Open source' }],
	gitDates: new Map(),
	tags: TEST_TAGS,
	learningPaths: [],
});

describe('social card page model', () => {
	it('shows a guide under the sidebar labels of the sections above it', () => {
		expect(guideSocialCard(site, '/open-source/wolfi/overview/', 'What is Wolfi?')).toEqual({
			title: 'What is Wolfi?',
			section: 'Open source · Wolfi',
		});
		expect(guideSocialCard(site, '/open-source/', 'Open source — Wolfi, melange and apko').section).toBe('Supply Chain Academy');
	});

	it('shows an image page in the Images section', () => {
		expect(imageSocialCard('nginx')).toEqual({ title: 'nginx', section: 'Images' });
	});

	it('describes the card for og:image:alt and gives its path and size', () => {
		expect(socialCardImage('/images/nginx/', imageSocialCard('nginx'))).toEqual({
			src: '/og/images/nginx.png',
			alt: 'nginx (Images), Supply Chain Academy',
			width: 1200,
			height: 630,
		});
	});

	it('makes a card for every guide and image page, and none for the home entry', () => {
		const pages = socialCardPages(site, [demo.image('jq'), demo.image('static')]);
		expect(pages.map((page) => page.href)).toEqual([
			'/open-source/',
			'/open-source/wolfi/',
			'/open-source/wolfi/overview/',
			'/images/jq/',
			'/images/static/',
		]);
	});

	it('is the card the image page model points at', () => {
		const page = imagePageModel(demo.image('jq'), {
			overview: undefined,
			guides: [],
			source: { ...demo.metadata(), mode: 'snapshot' },
		});
		expect(page.route.socialCard).toEqual(socialCardImage('/images/jq/', imageSocialCard('jq')));
	});
});
