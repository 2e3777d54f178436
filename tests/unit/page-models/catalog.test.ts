import { describe, expect, it } from 'vitest';
import type { ImageSourceData } from '../../../src/data/image-catalog.ts';
import { catalogCardModel, catalogModel } from '../../../src/page-models/catalog.ts';
import { overviewEntry } from '../../helpers/collection-entries.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();

describe('catalog cards', () => {
	it('shows a minimal image as shell-less and non-root, in green', () => {
		const card = catalogCardModel(
			demo.image('python'),
			overviewEntry('python', 'Python, with pip in latest-dev.', 'Language runtime'),
		);
		expect(card).toMatchObject({
			name: 'python',
			href: '/images/python/',
			description: 'Python, with pip in latest-dev.',
			category: 'Language runtime',
			searchText: 'python python, with pip in latest-dev.',
			variants: ['latest', 'latest-dev', '3.12', '3.12-dev'],
			architectures: ['amd64', 'arm64'],
			shellFilter: 'no',
			shell: { text: 'No shell', tone: 'success' },
			root: { text: 'Non-root', tone: 'success' },
		});
	});

	it('colours an unknown shell neutral, as the image page does, not green', () => {
		const card = catalogCardModel(demo.image('maven'), undefined);
		expect(card.shell).toEqual({ text: 'Shell: unknown', tone: 'default' });
		expect(card.shellFilter).toBe('unknown');
		expect(card.category).toBe('Uncategorized');
	});

	it('lists filter values in code-unit order and says where the data comes from', () => {
		const source: ImageSourceData = {
			mode: 'live',
			schemaVersion: 1,
			registry: 'registry.example.org',
			namespace: 'team',
			demo: false,
			syncedAt: '2025-07-01T12:00:00.000Z',
			repositories: ['jq', 'static'],
		};
		const model = catalogModel({
			images: [demo.image('jq'), demo.image('static')],
			overviews: new Map([['jq', overviewEntry('jq', 'jq for JSON on the command line.', 'Tooling')]]),
			mentions: new Map(),
			sidebarHtml: '',
			source,
		});
		expect(model.categories).toEqual(['Tooling', 'Uncategorized']);
		expect(model.architectures).toEqual(['amd64', 'arm64']);
		expect(model.source).toEqual({
			name: 'registry.example.org/team',
			demo: false,
			live: true,
			syncedAt: '2025-07-01T12:00:00.000Z',
			syncedOn: 'Jul 1, 2025',
		});
	});
});
