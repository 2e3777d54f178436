import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDocsSchema } from '../content/docs-schema.ts';
import { loadTags } from '../content/tags.ts';
import { parseDoc } from './parse.ts';
import { checkCodeLanguage, checkCommandWhitespace } from './rules/code-blocks.ts';
import { checkDirectives } from './rules/directives.ts';
import { checkDuplicates } from './rules/duplicates.ts';
import { createFrontmatterRule } from './rules/frontmatter.ts';
import { checkHeadings } from './rules/headings.ts';
import { checkImages } from './rules/images.ts';
import { checkLeftovers } from './rules/leftovers.ts';
import { checkFlagsInProse } from './rules/flags-in-prose.ts';
import { checkLinks } from './rules/links.ts';
import { checkSidebarFolders } from './rules/sidebar.ts';
import { checkSpelling } from './rules/spelling.ts';
import { checkWantedFile } from './rules/wanted.ts';
import { checkLearningPathsFile } from './rules/learning-paths.ts';
import { createReviewedRule } from './rules/reviewed.ts';
import { WANTED_FILE } from '../content/wanted.ts';
import { PATHS_FILE } from '../content/learning-paths.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../images/snapshot.ts';
import { compareText } from '../lib/compare.ts';
import { listContentFiles } from '../lib/content-files.ts';
import { AcademyError } from '../lib/errors.ts';
import { docPathForFile, entryId, imagePath } from '../lib/routes.ts';
import { buildPublishedSite, learningPathIds, loadImageNames } from './site.ts';
import type { DocRule, ParsedDoc, Problem } from './types.ts';

/** What to check and where the project is. */
export interface CheckOptions {
	/** Project root holding `content/`, `public/` and `cspell.config.yaml`. */
	root: string;
	/** Files to check (absolute or relative to the current directory); every guide, image overview, the wanted list and the learning paths when absent. */
	files?: readonly string[];
	/** Run cspell (the slowest rule); on by default. */
	spelling?: boolean;
	/** Today, for the age of `reviewed` dates; the clock when absent. */
	now?: Date;
}

/** The problems found, sorted by file and position, and how many files were checked. */
export interface CheckResult {
	problems: Problem[];
	checkedFiles: number;
}

/** Load every guide and image overview, then run each rule on the requested files against the whole site. */
export async function runChecks(options: CheckOptions): Promise<CheckResult> {
	const root = path.resolve(options.root);
	const docsDirectory = path.join(root, 'content', 'docs');
	const imagesDirectory = path.join(root, DEFAULT_SNAPSHOT_DIR);
	const tags = loadTags(path.join(root, 'content', 'tags.yaml')).map((tag) => tag.id);

	const parsed = [
		...listContentFiles(docsDirectory).map((file) =>
			parseDoc(root, file, docPathForFile(path.relative(docsDirectory, file)), 'docs'),
		),
		...listContentFiles(imagesDirectory)
			.filter((file) => path.dirname(file) === imagesDirectory)
			.map((file) => parseDoc(root, file, imagePath(entryId(path.basename(file))), 'image-overview')),
	];
	const docs = parsed.map(({ doc }) => doc);
	const site = buildPublishedSite({
		root,
		docs,
		tags,
		imageNames: await loadImageNames(imagesDirectory),
		learningPaths: learningPathIds(root),
	});

	// The YAML data files are checked when everything is, or when named on the command line.
	const dataFiles = [WANTED_FILE, PATHS_FILE].map((file) => path.join(root, file));
	const files = options.files?.filter((file) => !dataFiles.includes(path.resolve(file)));
	const named = (file: string) => !options.files || options.files.some((name) => path.resolve(name) === path.join(root, file));
	const checkWanted = named(WANTED_FILE);
	const checkPaths = named(PATHS_FILE);
	const targets = files ? selectTargets(docs, files) : docs;
	const targetSet = new Set(targets);
	const rules: DocRule[] = [
		createFrontmatterRule(createDocsSchema(tags)),
		checkLinks,
		checkHeadings,
		checkCodeLanguage,
		checkCommandWhitespace,
		checkDirectives,
		checkImages,
		checkLeftovers,
		checkFlagsInProse,
		createReviewedRule(options.now ?? new Date()),
	];
	const problems = parsed.filter(({ doc }) => targetSet.has(doc)).flatMap(({ problems }) => problems);
	for (const doc of targets) for (const rule of rules) problems.push(...rule(doc, site));
	const targetFiles = new Set(targets.map((doc) => doc.file));
	problems.push(...checkDuplicates(docs, site).filter((problem) => targetFiles.has(problem.file)));
	problems.push(...checkSidebarFolders(docs, targets));
	if (checkWanted) problems.push(...checkWantedFile(root, docs, tags));
	if (checkPaths) problems.push(...checkLearningPathsFile(root, docs));
	if (options.spelling !== false) problems.push(...(await checkSpelling(targets, path.join(root, 'cspell.config.yaml'))));

	problems.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule));
	const dataFilesChecked = [checkWanted && WANTED_FILE, checkPaths && PATHS_FILE].filter(
		(file) => file && existsSync(path.join(root, file)),
	).length;
	return { problems, checkedFiles: targets.length + dataFilesChecked };
}

/** The documents named on the command line; a path that is no guide or image overview is a usage error, not a silent skip. */
function selectTargets(docs: readonly ParsedDoc[], files: readonly string[]): ParsedDoc[] {
	const byPath = new Map(docs.map((doc) => [doc.absolutePath, doc]));
	return files.map((file) => {
		const doc = byPath.get(path.resolve(file));
		if (!doc) {
			throw new AcademyError(
				`${file} is not a guide in content/docs/ or an image overview in content/images/.`,
				'Give .md or .mdx files from those folders, or no file to check them all.',
			);
		}
		return doc;
	});
}
