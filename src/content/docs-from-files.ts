import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CollectionEntry } from 'astro:content';
import { listContentFiles } from '../lib/content-files.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { entryId } from '../lib/routes.ts';
import { createDocsSchema } from './docs-schema.ts';

/**
 * The guides under `contentDir` as their files state them, front matter parsed by the docs schema: for work that can
 * start before the pages can read the content layer. A file whose front matter does not parse or pass the schema is
 * left out; the content layer reports it and stops the build.
 */
export function docEntriesFromFiles(contentDir: string): CollectionEntry<'docs'>[] {
	const schema = createDocsSchema();
	return listContentFiles(contentDir).flatMap((file) => {
		const frontMatter = splitFrontmatter(readFileSync(file, 'utf8'));
		let parsed;
		try {
			parsed = schema.safeParse(frontMatter ? parseYaml(frontMatter.yaml) : {});
		} catch {
			return [];
		}
		if (!parsed.success) return [];
		const id = entryId(path.relative(contentDir, file));
		return [{ id, collection: 'docs', data: parsed.data, filePath: file } as CollectionEntry<'docs'>];
	});
}
