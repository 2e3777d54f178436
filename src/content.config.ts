import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createDocsSchema } from './content/docs-schema.ts';

/** Guides: every Markdown and MDX file under content/docs; the id is its path without extension. */
const docs = defineCollection({
	loader: glob({
		pattern: '**/*.{md,mdx}',
		base: './content/docs',
		// Keep the folder path as written so that the URL follows the file tree one to one.
		generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
	}),
	schema: createDocsSchema(),
});

export const collections = { docs };
