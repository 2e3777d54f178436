import { describe, expect, it } from 'vitest';
import { buildSidebar, flattenSidebar, neighbours, type SidebarEntry } from '../../../src/lib/sidebar.ts';
import { prepareSidebarTree } from '../../../src/lib/sidebar-html.ts';

const entry = (id: string, title: string, extra: Partial<SidebarEntry> = {}): SidebarEntry => ({
	id,
	title,
	hidden: false,
	...extra,
});

const entries = [
	entry('index', 'Home'),
	entry('software-supply-chain/index', 'Supply chain security'),
	entry('software-supply-chain/sboms', 'SBOMs', { order: 2 }),
	entry('software-supply-chain/sigstore', 'Sigstore', { order: 1 }),
	entry('software-supply-chain/glossary', 'Glossary'),
	entry('software-supply-chain/secret', 'Hidden page', { hidden: true }),
	entry('open-source/index', 'Open source'),
	entry('open-source/wolfi/index', 'Wolfi', { label: 'Wolfi basics', order: 1 }),
	entry('open-source/wolfi/overview', 'Wolfi overview'),
	entry('open-source/wolfi/apk', 'The apk package manager', { label: 'apk' }),
	entry('open-source/melange/getting-started', 'Getting started with melange'),
];

describe('sidebar tree', () => {
	const tree = buildSidebar(entries, [
		{ path: 'open-source', label: 'Open source' },
		{ path: 'software-supply-chain', label: 'Supply chain' },
	]);

	it('puts sections in the configured order and labels folders from their index page', () => {
		expect(tree.map((group) => [group.label, group.href])).toEqual([
			['Open source', '/open-source/'],
			['Supply chain', '/software-supply-chain/'],
		]);
	});

	it('sorts by sidebar.order, then by label, and leaves hidden pages out', () => {
		expect(tree[1]!.children.map((child) => child.label)).toEqual(['Sigstore', 'SBOMs', 'Glossary']);
	});

	it('nests folders and names a folder without index page after its directory', () => {
		const [wolfi, melange] = tree[0]!.children;
		expect(wolfi).toMatchObject({
			type: 'group',
			label: 'Wolfi',
			indexLabel: 'Wolfi basics',
			href: '/open-source/wolfi/',
			path: 'open-source/wolfi',
		});
		expect(melange).toMatchObject({ type: 'group', label: 'Melange', href: undefined });
		expect(wolfi!.type === 'group' && wolfi.children.map((c) => c.label)).toEqual(['apk', 'Wolfi overview']);
	});

	it('flattens into reading order with index pages first and finds neighbours', () => {
		const links = flattenSidebar(tree).map((link) => link.href);
		expect(links).toEqual([
			'/open-source/',
			'/open-source/wolfi/',
			'/open-source/wolfi/apk/',
			'/open-source/wolfi/overview/',
			'/open-source/melange/getting-started/',
			'/software-supply-chain/',
			'/software-supply-chain/sigstore/',
			'/software-supply-chain/sboms/',
			'/software-supply-chain/glossary/',
		]);
		const { prev, next } = neighbours(flattenSidebar(tree), '/open-source/wolfi/overview/');
		expect([prev?.href, next?.href]).toEqual(['/open-source/wolfi/apk/', '/open-source/melange/getting-started/']);
		expect(neighbours(flattenSidebar(tree), '/nowhere/')).toEqual({});
	});

	it('marks only the current page and opens the groups around it', () => {
		const html = prepareSidebarTree(tree[0]!).render('/open-source/wolfi/apk/');
		expect(html.match(/aria-current="page"/g)).toHaveLength(1);
		expect(html).toContain('<a href="/open-source/wolfi/apk/" aria-current="page">apk</a>');
		expect(html).toContain('<details data-path="open-source/wolfi" open>');
		expect(html).toContain('<details data-path="open-source/melange">');
		expect(html).toContain('<a href="/open-source/wolfi/">Wolfi basics</a>');
	});

	it('escapes labels taken from front matter', () => {
		const html = prepareSidebarTree(buildSidebar([entry('a/b', '<img src=x onerror=alert(1)>')])[0]!).render('/');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});
});
