import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compareText } from './compare.ts';

/** Every Markdown and MDX file below a folder (absolute paths when the folder is), sorted so that output is stable. */
export function listContentFiles(directory: string): string[] {
	if (!existsSync(directory)) return [];
	return readdirSync(directory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort(compareText);
}

/** Section folders a guide can go into below `<root>/content/docs`, e.g. `container-images` and `open-source/wolfi`. */
export function listSections(root: string): string[] {
	const docs = path.join(root, 'content', 'docs');
	if (!existsSync(docs)) return [];
	return readdirSync(docs, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => path.relative(docs, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort(compareText);
}
