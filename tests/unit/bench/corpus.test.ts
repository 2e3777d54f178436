import { describe, expect, it } from 'vitest';
import { slug } from 'github-slugger';
import { parse } from 'yaml';
import { generateCorpus, type CorpusFile } from '../../../scripts/bench/corpus.ts';
import { docPathForFile } from '../../../src/lib/routes.ts';
import { createDocsSchema } from '../../../src/content/docs-schema.ts';
import { loadTags } from '../../../src/content/tags.ts';

const tags = loadTags().map((tag) => tag.id);
const corpus = generateCorpus({ articles: 60, tags });
const articles = corpus.filter((file) => !file.path.endsWith('index.mdx'));

/** Front matter and body of a generated file. */
function split(file: CorpusFile): { data: unknown; body: string } {
	const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.content);
	if (!match) throw new Error(`${file.path}: no front matter block`);
	return { data: parse(match[1]!), body: match[2]! };
}

/** Ids of the h2 headings of a page, as the site's slugger assigns them. */
function headingIds(body: string): string[] {
	return [...body.matchAll(/^## (.+)$/gm)].map((match) => slug(match[1]!));
}

describe('synthetic benchmark corpus', () => {
	it('is a pure function of its options: same input, identical files', () => {
		expect(generateCorpus({ articles: 60, tags })).toEqual(corpus);
		expect(generateCorpus({ articles: 60, tags: [...tags].reverse() })).not.toEqual(corpus);
	});

	it('extends a smaller corpus, so runs of different sizes share their first articles', () => {
		expect(generateCorpus({ articles: 61, tags }).slice(0, corpus.length)).toEqual(corpus);
	});

	it('deals the articles evenly over the three sections and gives every folder a landing page', () => {
		expect(articles).toHaveLength(60);
		const perSection = (section: string) => articles.filter((file) => file.path.startsWith(`${section}/`)).length;
		expect([perSection('open-source'), perSection('container-images'), perSection('software-supply-chain')]).toEqual([
			20, 20, 20,
		]);
		expect(corpus.filter((file) => file.path.endsWith('index.mdx')).map((file) => file.path)).toEqual([
			'open-source/index.mdx',
			'container-images/index.mdx',
			'software-supply-chain/index.mdx',
			'open-source/wolfi/index.mdx',
			'open-source/melange/index.mdx',
			'open-source/apko/index.mdx',
		]);
		expect(new Set(corpus.map((file) => file.path)).size).toBe(corpus.length);
	});

	it('writes front matter that the site schema accepts, with tags from content/tags.yaml', () => {
		const schema = createDocsSchema(tags);
		for (const file of corpus) {
			const result = schema.safeParse(split(file).data);
			expect(result.success, `${file.path}: ${result.error?.message}`).toBe(true);
		}
	});

	it('gives each article six h2 sections with a paragraph, table, task list, footnote, bash and YAML block', () => {
		for (const file of articles) {
			const { body } = split(file);
			const sections = body.split(/^## /m).slice(1);
			expect(sections, file.path).toHaveLength(6);
			sections.forEach((section, index) => {
				expect(section).toContain('| --- | --- | --- |');
				expect(section).toMatch(/^- \[[x ]\] /m);
				expect(section).toContain(`[^${index + 1}]`);
				expect(section).toContain('```bash\n');
				expect(section).toContain('```yaml\n');
			});
			expect(body.match(/^\[\^\d\]: /gm)).toHaveLength(6);
			expect(new Set(headingIds(body)).size).toBe(6);
		}
	});

	it('links only to pages and headings of the corpus', () => {
		const ids = new Map(corpus.map((file) => [docPathForFile(file.path), new Set(headingIds(split(file).body))]));
		let checked = 0;
		for (const file of articles) {
			const page = docPathForFile(file.path);
			for (const [, target] of split(file).body.matchAll(/\]\(((?:\/|#)[^)]*)\)/g)) {
				const [path, fragment] = target!.split('#');
				const targetPage = path || page;
				expect(ids.has(targetPage), `${file.path} links to ${target}`).toBe(true);
				if (fragment) expect(ids.get(targetPage)!.has(fragment), `${file.path} links to ${target}`).toBe(true);
				checked += 1;
			}
		}
		// Every article links its folder and a heading of its own; all but the first of each folder link the previous one.
		expect(checked).toBe(60 * 3 - 5);
	});

	it('rejects an article count that is not a positive whole number', () => {
		expect(() => generateCorpus({ articles: 0, tags })).toThrow(
			expect.objectContaining({
				message: 'Corpus: articles must be a positive integer, got 0.',
				hint: 'Pass --articles 600.',
			}),
		);
		expect(() => generateCorpus({ articles: 10, tags: [] })).toThrow('the tag vocabulary is empty');
	});
});
