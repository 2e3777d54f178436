import { slug } from 'github-slugger';
import { AcademyError } from '../../src/lib/errors.ts';
import { docPathForFile } from '../../src/lib/routes.ts';

/** One generated file: its path under content/docs and its text. */
export interface CorpusFile {
	path: string;
	content: string;
}

/** What the generator needs: how many articles, and the tag vocabulary the schema accepts. */
export interface CorpusOptions {
	articles: number;
	tags: readonly string[];
	/** File format: the corpus uses no components, so plain Markdown is what an author would pick (default mdx). */
	format?: 'mdx' | 'md';
}

/** A folder of the corpus with its landing page; articles are dealt round-robin over these folders. */
interface Folder {
	path: string;
	title: string;
}

/** Landing pages that exist in every corpus; articles only go into the leaf folders, which mirrors the real site. */
const SECTION_FOLDERS: readonly Folder[] = [
	{ path: 'open-source', title: 'Open source' },
	{ path: 'container-images', title: 'Container images' },
	{ path: 'software-supply-chain', title: 'Software supply chain security' },
];
const OPEN_SOURCE_FOLDERS: readonly Folder[] = [
	{ path: 'open-source/wolfi', title: 'Wolfi' },
	{ path: 'open-source/melange', title: 'melange' },
	{ path: 'open-source/apko', title: 'apko' },
];
/** Leaf folders in dealing order: the three sections get equal shares, open-source spreads its share over its tools. */
const ARTICLE_FOLDERS: readonly (readonly Folder[])[] = [OPEN_SOURCE_FOLDERS, [SECTION_FOLDERS[1]!], [SECTION_FOLDERS[2]!]];

const TOPICS = [
	'package builds',
	'base image choice',
	'signature checks',
	'SBOM generation',
	'provenance records',
	'vulnerability triage',
	'non-root containers',
	'digest pinning',
	'keyring rotation',
	'multi-stage builds',
	'registry mirrors',
	'policy admission',
] as const;

/** Six h2 titles; each article rotates them so neighbouring pages differ while ids stay unique inside a page. */
const HEADINGS = [
	'Prepare the workspace',
	'Build the artifact',
	'Inspect what changed',
	'Sign and attest the result',
	'Verify in continuous integration',
	'Roll out and keep it current',
] as const;

const WORDS = (
	'package image layer digest registry signature attestation builder pipeline keyring repository manifest index ' +
	'platform tag release patch advisory scanner policy provenance predicate subject envelope bundle certificate ' +
	'identity issuer workflow runner cache checksum archive tarball user group permission entrypoint command ' +
	'environment variable config file directory version upstream downstream dependency graph component license'
).split(' ');

/** Deterministic 32-bit generator (mulberry32): the same seed gives the same words on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Where article number `index` (0-based) lives, and its file name. */
function articlePlacement(
	index: number,
	width: number,
	format: 'mdx' | 'md' = 'mdx',
): { folder: Folder; path: string; number: string } {
	const group = ARTICLE_FOLDERS[index % ARTICLE_FOLDERS.length]!;
	const folder = group[Math.floor(index / ARTICLE_FOLDERS.length) % group.length]!;
	const number = String(index + 1).padStart(width, '0');
	return { folder, path: `${folder.path}/article-${number}.${format}`, number };
}

/** The h2 titles of one article, in page order. */
function articleHeadings(index: number): string[] {
	return HEADINGS.map((_, section) => HEADINGS[(section + index) % HEADINGS.length]!);
}

/** What every generated page says it was checked against, as the schema requires of a published guide. */
const CHECKED_AGAINST = {
	sources: [{ title: 'CommonMark specification 0.31.2', url: 'https://spec.commonmark.org/0.31.2/' }],
	testedWith: ['CommonMark 0.31.2'],
	reviewed: '2025-01-01',
} as const;

type FrontMatterValue = string | readonly string[] | Record<string, number> | readonly Record<string, string>[];

/** A front matter block; strings (and lists of objects) are written as JSON, which YAML reads as flow scalars. */
function frontMatter(fields: Record<string, FrontMatterValue>): string {
	const lines = Object.entries(fields).map(([key, value]) => {
		if (typeof value === 'string') return `${key}: ${JSON.stringify(value)}`;
		if (Array.isArray(value) && value.some((item) => typeof item === 'object')) return `${key}: ${JSON.stringify(value)}`;
		if (Array.isArray(value)) return `${key}:\n${value.map((item) => `  - ${JSON.stringify(item)}`).join('\n')}`;
		return `${key}:\n${Object.entries(value)
			.map(([name, number]) => `  ${name}: ${number}`)
			.join('\n')}`;
	});
	return `---\n${lines.join('\n')}\n---\n`;
}

/** A sentence of `count` pseudo-random words, capitalised and ended with a full stop. */
function sentence(random: () => number, count: number): string {
	const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]!);
	const text = words.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Date `offset` days after 2025-01-01, as YYYY-MM-DD. */
function dateAfter(offset: number): string {
	return new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** Two or three distinct tags for an article, spread over the whole vocabulary. */
function articleTags(index: number, tags: readonly string[]): string[] {
	const picked = [tags[index % tags.length]!, tags[(index * 7 + 3) % tags.length]!, tags[(index * 13 + 5) % tags.length]!];
	return [...new Set(picked)].slice(0, 2 + (index % 2));
}

/** One of the six sections of an article: paragraph, table, task list, footnote reference, bash and YAML blocks. */
function articleSection(index: number, section: number, heading: string, links: string): string {
	const random = seededRandom(index * 6 + section + 1);
	const note = section + 1;
	const release = `${1 + (index % 4)}.${section}.${index % 10}`;
	const paragraph =
		`${sentence(random, 14)} ${sentence(random, 11)} Run \`make release-${note}\` before you ~~guess~~ check the ` +
		`[upstream notes](https://example.com/releases/${release}/) for ${WORDS[(index + section) % WORDS.length]}.[^${note}] ` +
		`${sentence(random, 16)}${links}`;
	const table = [
		'| Component | Version | Status |',
		'| --- | --- | --- |',
		...[0, 1, 2].map(
			(row) =>
				`| ${WORDS[(index + section * 3 + row) % WORDS.length]} | ${release}-r${row} | ${row === 1 ? 'pending' : 'ready'} |`,
		),
	].join('\n');
	const tasks = [0, 1, 2]
		.map((item) => `- [${(index + section + item) % 2 === 0 ? 'x' : ' '}] ${sentence(random, 6)}`)
		.join('\n');
	const bash = [
		'```bash',
		`export RELEASE=${release}`,
		`melange build --arch x86_64 package-${note}.yaml`,
		`apko build image-${note}.yaml example.com/app:${release} app.tar`,
		`cosign verify-attestation --type slsaprovenance example.com/app:${release}`,
		'```',
	].join('\n');
	const yaml = [
		'```yaml',
		'package:',
		`  name: sample-${index + 1}-${note}`,
		`  version: ${release}`,
		'  epoch: 0',
		'pipeline:',
		'  - uses: fetch',
		'    with:',
		`      uri: https://example.com/sample-${release}.tar.gz`,
		'  - runs: make install',
		'```',
	].join('\n');
	return `## ${heading}\n\n${paragraph}\n\n${table}\n\n${tasks}\n\n${bash}\n\n${yaml}\n`;
}

/** Build one synthetic article; `previous` is the article before it in the same folder, if any. */
function article(
	index: number,
	width: number,
	tags: readonly string[],
	previous: number | undefined,
	format: 'mdx' | 'md',
): CorpusFile {
	const { folder, path, number } = articlePlacement(index, width, format);
	const topic = TOPICS[index % TOPICS.length]!;
	const headings = articleHeadings(index);
	const sectionLink = ` Start from the [${folder.title} overview](${docPathForFile(`${folder.path}/index.mdx`)}).`;
	const previousLink =
		previous === undefined
			? ''
			: ` The [previous guide](${docPathForFile(articlePlacement(previous, width, format).path)}#${slug(articleHeadings(previous)[1]!)}) covers the build step.`;
	const ownLink = ` Jump to [${headings[5]!.toLowerCase()}](#${slug(headings[5]!)}).`;
	const sections = headings.map((heading, section) =>
		articleSection(index, section, heading, section === 0 ? sectionLink + previousLink : section === 2 ? ownLink : ''),
	);
	const footnotes = headings.map((heading, section) => `[^${section + 1}]: Source for "${heading}" in guide ${number}.`);
	const head = frontMatter({
		title: `Guide ${number}: ${topic} in ${folder.title}`,
		description: `Synthetic benchmark guide ${number} on ${topic}, with tables, task lists, footnotes and highlighted bash and YAML blocks.`,
		tags: articleTags(index, tags),
		date: dateAfter(index % 365),
		sidebar: { order: Math.floor(index / ARTICLE_FOLDERS.length) + 1 },
		authors: ['academy-bench'],
		...CHECKED_AGAINST,
	});
	const intro = `${sentence(seededRandom(index + 100_000), 24)}`;
	return { path, content: `${head}\n${intro}\n\n${sections.join('\n')}\n${footnotes.join('\n')}\n` };
}

/** A landing page for a folder; the site lists the folder's guides under its text. */
function landingPage(folder: Folder, order: number, format: 'mdx' | 'md'): CorpusFile {
	const head = frontMatter({
		title: folder.title,
		description: `Synthetic benchmark landing page for ${folder.title}: the generated guides of this folder, in order.`,
		sidebar: { order },
		...CHECKED_AGAINST,
	});
	return { path: `${folder.path}/index.${format}`, content: `${head}\nEvery guide below is generated for build benchmarks.\n` };
}

/**
 * Generate a synthetic guide corpus, a pure function of its options.
 *
 * Articles are dealt round-robin over the three sections (open-source over wolfi, melange and apko), so any
 * count gives a balanced sidebar. Internal links only point at pages and headings of the corpus itself, so
 * the build's link check passes; image pages are never linked because they may not exist.
 */
export function generateCorpus({ articles, tags, format = 'mdx' }: CorpusOptions): CorpusFile[] {
	if (!Number.isInteger(articles) || articles < 1) {
		throw new AcademyError(`Corpus: articles must be a positive integer, got ${articles}.`, 'Pass --articles 600.');
	}
	if (tags.length === 0) throw new AcademyError('Corpus: the tag vocabulary is empty.', 'Check content/tags.yaml.');
	const width = Math.max(4, String(articles).length);
	const landing = [...SECTION_FOLDERS, ...OPEN_SOURCE_FOLDERS].map((folder, order) => landingPage(folder, order, format));
	const lastInFolder = new Map<string, number>();
	const pages: CorpusFile[] = [];
	for (let index = 0; index < articles; index++) {
		const { folder } = articlePlacement(index, width);
		pages.push(article(index, width, tags, lastInFolder.get(folder.path), format));
		lastInFolder.set(folder.path, index);
	}
	return [...landing, ...pages];
}
