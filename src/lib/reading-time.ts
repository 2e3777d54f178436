import { splitFrontmatter } from './frontmatter.ts';

/** Count the words a reader reads: prose and code, without front matter, MDX imports and JSX tags. */
export function countWords(body: string): number {
	const text = (splitFrontmatter(body)?.body ?? body).replace(/^(import|export)\s.*$/gm, '').replace(/<\/?[A-Za-z][^>]*>/g, ' ');
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes a guide takes to read, at least one. */
export function readingMinutes(body: string, wordsPerMinute: number): number {
	return Math.max(1, Math.round(countWords(body) / wordsPerMinute));
}
