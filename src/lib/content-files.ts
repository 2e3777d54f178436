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
