import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { slug } from 'github-slugger';
import { Document, type YAMLSeq } from 'yaml';
import { DESCRIPTION_LENGTH, sourceSchema, testedWithEntrySchema } from '../content/docs-schema.ts';
import { loadTags, suggestTag } from '../content/tags.ts';
import { readWantedFile, validateWantedGuides, type WantedGuide } from '../content/wanted.ts';
import { listContentFiles, listSections } from '../lib/content-files.ts';
import { AcademyError } from '../lib/errors.ts';
import { docPathForFile } from '../lib/routes.ts';

/** What a contributor tells the scaffold. */
export interface NewGuideRequest {
	/** Project root holding `content/`. */
	root: string;
	/** Section folder under content/docs, e.g. `open-source/melange`. */
	section: string;
	title: string;
	tags: readonly string[];
	/** Optional; a TODO placeholder of a valid length is written when absent. */
	description?: string;
	/** Publication date; today when absent. */
	date?: Date;
	/** Primary documents to start from; bare URLs get a TODO title the checks find once the guide is published. */
	sources?: readonly { title: string; url: string }[];
	/** Tool versions the commands will be written for, e.g. `cosign 3.0.2`. */
	testedWith?: readonly string[];
	/** File name without extension; derived from the title when absent (a wanted guide brings its own id). */
	slug?: string;
}

/** A request the scaffold refuses, with what to do instead. */
export class ScaffoldError extends AcademyError {
	constructor(message: string, hint: string) {
		super(message, hint);
		this.name = 'ScaffoldError';
	}
}

const SOURCES_PROMPT =
	"# TODO: check every fact against primary sources (the tool's own source or docs, the specification), list them in\n" +
	'# sources, name the versions in testedWith (e.g. [cosign 3.0.2]) and add reviewed: YYYY-MM-DD when you are done.';

const PLACEHOLDER_DESCRIPTION = 'TODO: say in one or two sentences what the reader will be able to do after this guide.';

/** A comma-separated answer such as `a, b,c` (tags, URLs, tool versions) as a list. */
export function splitList(text: string): string[] {
	return text
		.split(',')
		.map((tag) => tag.trim())
		.filter(Boolean);
}

/** The file name of a guide from its title: lower case, ASCII, words joined by hyphens. */
export function slugFromTitle(title: string): string {
	return slug(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
		.replace(/[^a-z0-9-]/g, '')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

/** A date as YYYY-MM-DD in local time: "today" is the contributor's today. */
function localDate(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A source given as a bare URL: its title is a TODO, so the checks ask for one once the guide is published. */
export function sourceFromUrl(url: string): { title: string; url: string } {
	return { title: 'TODO: say what this document is', url };
}

/** The skeleton of a new guide: front matter and the sections every guide has, with TODO prompts the checks find. */
export function renderGuide(request: Omit<NewGuideRequest, 'root' | 'section'>): string {
	const frontmatter = new Document({
		title: request.title,
		description: request.description ?? PLACEHOLDER_DESCRIPTION,
		tags: [...request.tags],
		date: localDate(request.date ?? new Date()),
		draft: true,
		sources: (request.sources ?? []).map((source) => ({ ...source })),
		testedWith: [...(request.testedWith ?? [])],
	});
	(frontmatter.get('tags', true) as YAMLSeq).flow = true;
	(frontmatter.get('testedWith', true) as YAMLSeq).flow = true;
	// The checks report a TODO once the guide is published, so this reminder cannot be forgotten.
	const yaml = frontmatter
		.toString({ lineWidth: 0, flowCollectionPadding: false })
		.replace(/^sources:/m, `${SOURCES_PROMPT}\nsources:`);
	return `---
${yaml}---

TODO: open with what the reader will achieve and what they need, in two or three sentences.

## Before you begin

TODO: list the tools and versions the reader needs, with links to install them.

## First step

TODO: explain the step, then show the command and what it prints.

\`\`\`bash
echo "TODO: the command"
\`\`\`

\`\`\`output
TODO: what the command prints
\`\`\`

:::tip
TODO: a pitfall worth a callout (note, tip, caution or danger), or remove this callout.
:::

## Next steps

TODO: link two or three related guides from the site root, e.g. /open-source/wolfi/overview/.
`;
}

/** The request for a guide the Academy wants (content/wanted.yaml), with its front matter filled in. */
export function requestForWanted(root: string, id: string): NewGuideRequest {
	const knownTags = loadTags(path.join(root, 'content', 'tags.yaml')).map((tag) => tag.id);
	const { guides, problems } = validateWantedGuides(
		readWantedFile(root),
		{ sections: listSections(root), existingGuides: new Set() },
		knownTags,
	);
	const wanted: WantedGuide | undefined = guides.find((guide) => guide.id === id);
	if (!wanted) {
		const ids = guides.map((guide) => guide.id);
		const suggestion = ids.length > 0 ? closest(id, ids) : undefined;
		throw new ScaffoldError(
			`There is no wanted guide "${id}".`,
			`${suggestion ? `Did you mean "${suggestion}"? ` : ''}The list is content/wanted.yaml and the /contribute/ page.`,
		);
	}
	if (problems.length > 0) {
		throw new ScaffoldError(
			`content/wanted.yaml has problems: ${problems.map((problem) => problem.message).join(' ')}`,
			'Run npm run check:content to see them with their lines.',
		);
	}
	return {
		root,
		section: wanted.section,
		title: wanted.title,
		tags: wanted.tags,
		description: wanted.description,
		sources: wanted.sources,
		slug: wanted.id,
	};
}

/** Check a request against the sections, the tag vocabulary and the existing guides; return the file and its text. */
export function planGuide(request: NewGuideRequest): { file: string; route: string; content: string } {
	const title = request.title.trim();
	if (!title)
		throw new ScaffoldError('The title is empty.', 'Give the guide a title, e.g. --title "Build a package with melange".');
	const section = request.section.replace(/^content\/docs\//, '').replace(/^\/+|\/+$/g, '');
	const sections = listSections(request.root);
	if (!sections.includes(section)) {
		const suggestion = sections.length > 0 ? closest(section, sections) : undefined;
		throw new ScaffoldError(
			`Unknown section "${section}".`,
			`${suggestion ? `Did you mean "${suggestion}"? ` : ''}Sections: ${sections.join(', ')}. A new section needs a maintainer's agreement first.`,
		);
	}
	const known = loadTags(path.join(request.root, 'content', 'tags.yaml')).map((tag) => tag.id);
	for (const tag of request.tags) {
		if (!known.includes(tag)) {
			const suggestion = suggestTag(tag, known);
			throw new ScaffoldError(
				`Unknown tag "${tag}".`,
				`${suggestion ? `Did you mean "${suggestion}"? ` : ''}Tags come from content/tags.yaml; propose a new one there in your pull request.`,
			);
		}
	}
	if (request.description !== undefined) {
		const { length } = request.description;
		if (length < DESCRIPTION_LENGTH.min || length > DESCRIPTION_LENGTH.max) {
			throw new ScaffoldError(
				`The description has ${length} characters.`,
				`Write ${DESCRIPTION_LENGTH.min} to ${DESCRIPTION_LENGTH.max} characters, or leave it out and fill in the placeholder later.`,
			);
		}
	}
	for (const source of request.sources ?? []) {
		const result = sourceSchema.safeParse(source);
		if (!result.success) throw new ScaffoldError(`The source "${source.url}" is not usable.`, result.error.issues[0]!.message);
	}
	for (const entry of request.testedWith ?? []) {
		const result = testedWithEntrySchema.safeParse(entry);
		if (!result.success) throw new ScaffoldError(`"${entry}" is not a tool version.`, result.error.issues[0]!.message);
	}
	const slugText = request.slug ?? slugFromTitle(title);
	if (!slugText) throw new ScaffoldError(`The title "${title}" gives an empty file name.`, 'Use a title with letters or digits.');

	const docs = path.join(request.root, 'content', 'docs');
	// Markdown with directives covers callouts, details and steps; a guide that needs tabs or cards becomes .mdx.
	const file = path.join(docs, section, `${slugText}.md`);
	const route = docPathForFile(path.relative(docs, file));
	const existing = listContentFiles(docs).find((candidate) => docPathForFile(path.relative(docs, candidate)) === route);
	if (existing) {
		throw new ScaffoldError(
			`A guide already exists at ${route} (${path.relative(request.root, existing)}).`,
			'Choose another title, or improve the existing guide instead.',
		);
	}
	return { file, route, content: renderGuide({ ...request, title }) };
}

/** Create the guide; the file is opened with O_EXCL, so an existing file is never overwritten, even in a race. */
export function createGuide(request: NewGuideRequest): { file: string; route: string } {
	const { file, route, content } = planGuide(request);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, content, { flag: 'wx' });
	return { file, route };
}
