import { createDocsSchema } from '../../src/content/docs-schema.ts';
import type { DocEntry } from '../../src/data/guide-index.ts';
import type { ImageOverviewEntry } from '../../src/data/image-catalog.ts';

/** Tags the test entries may use, with labels. */
export const TEST_TAGS = [
	{ id: 'wolfi', label: 'Wolfi', description: 'The undistro.' },
	{ id: 'sbom', label: 'SBOM', description: 'Software bills of materials.' },
];

const schema = createDocsSchema(TEST_TAGS.map((tag) => tag.id));

/** A guide as the docs collection holds it: front matter through the real schema, a body, a file path. */
export function docEntry(id: string, frontmatter: Record<string, unknown> = {}, body = 'Some words.'): DocEntry {
	const data = schema.parse({
		title: `Title of ${id}`,
		description: 'A description that is long enough to pass the schema of the guides.',
		sources: [{ title: 'A specification', url: 'https://example.org/spec' }],
		testedWith: ['cosign 3.0.2'],
		reviewed: '2025-01-01',
		...frontmatter,
	});
	return { id, collection: 'docs', data, body, filePath: `content/docs/${id}.mdx`, digest: id } as unknown as DocEntry;
}

/** A hand-written image overview as the imageOverviews collection holds it. */
export function overviewEntry(name: string, description: string, category = 'Base'): ImageOverviewEntry {
	return {
		id: name,
		collection: 'imageOverviews',
		data: { description, category },
		filePath: `content/images/${name}.mdx`,
		digest: name,
	} as unknown as ImageOverviewEntry;
}
