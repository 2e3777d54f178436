import { describe, expect, it } from 'vitest';
import type { ImageSourceData } from '../../../src/data/image-catalog.ts';
import { prepareLinkList } from '../../../src/lib/sidebar-html.ts';
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
			variants: ['latest', 'latest-dev'],
			architectures: ['amd64', 'arm64'],
			shellFilter: 'no',
			shell: { text: 'No shell', tone: 'success' },
			root: { text: 'Non-root', tone: 'success' },
			signature: { text: 'Verified', tone: 'success' },
			signatureFilter: 'verified',
		});
	});

	it('colours an unknown shell neutral, as the image page does, not green', () => {
		const unattested = { ...demo.image('jq'), variants: [demo.image('jq').variants[1]!] };
		const card = catalogCardModel(unattested, undefined);
		expect(card.shell).toEqual({ text: 'Shell: unknown', tone: 'default' });
		expect(card.shellFilter).toBe('unknown');
		expect(card.category).toBe('Uncategorized');
		expect(card.signature).toMatchObject({ text: 'Not signed', tone: 'caution' });
	});

	it('shows a failed verification as a warning, with its reason on hover, and filters on it', () => {
		const card = catalogCardModel(demo.image('jq'), undefined);
		expect(card.signature).toMatchObject({ text: 'Verification failed', tone: 'caution' });
		expect(card.signature.title).toMatch(/^Signed by "https:\/\/demo\.invalid\/someone-else\/.*but the policy expects/);
		expect(card.signatureFilter).toBe('failed');
	});

	it('lists filter values in code-unit order and says where the data comes from', () => {
		const source: ImageSourceData = {
			mode: 'live',
			schemaVersion: 2,
			registry: 'registry.example.org',
			namespace: 'team',
			demo: false,
			standsFor: null,
			syncedAt: '2025-07-01T12:00:00.000Z',
			repositories: ['jq', 'static'],
		};
		const model = catalogModel({
			images: [demo.image('jq'), demo.image('static')],
			overviews: new Map([['jq', overviewEntry('jq', 'jq for JSON on the command line.', 'Tooling')]]),
			mentions: new Map(),
			sidebar: prepareLinkList([], 'sidebar-images'),
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
		expect(model.demo).toBeNull();
		expect(model.signatureFilters).toEqual([
			{ value: 'verified', label: 'Verified', count: 1 },
			{ value: 'failed', label: 'Verification failed', count: 1 },
			{ value: 'unsigned', label: 'Not signed', count: 0 },
			{ value: 'not-checked', label: 'Not checked', count: 0 },
		]);
	});

	it('carries the demo notice when the data is demo data', () => {
		const snapshot = demo.metadata();
		const model = catalogModel({
			images: demo.all(),
			overviews: new Map(),
			mentions: new Map(),
			sidebar: prepareLinkList([], 'sidebar-images'),
			source: { ...snapshot, mode: 'snapshot' },
		});
		expect(model.demo?.what).toMatch(/^Every image on these pages is a demo image that Supply Chain Academy builds itself/);
		expect(model.source.demo).toBe(true);
	});
});
