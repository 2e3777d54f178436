import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/checks/format.ts';
import { runChecks } from '../../../src/checks/runner.ts';
import type { Problem } from '../../../src/checks/types.ts';
import { FIXTURE_NOW, FIXTURE_ROOT, linesFor } from './helpers.ts';

let problems: Problem[];
beforeAll(async () => {
	({ problems } = await runChecks({ root: FIXTURE_ROOT, now: FIXTURE_NOW, spelling: false }));
});

const PASSING = [
	'frontmatter/pass.mdx',
	'duplicates/pass.mdx',
	'links/pass.mdx',
	'headings/pass.mdx',
	'code/pass.mdx',
	'pictures/pass.mdx',
	'leftovers/pass.mdx',
	'leftovers/draft.mdx',
	// Also shows that colons in prose stay text: its link to #pin-pythonlatest-to-a-digest must resolve.
	'directives/pass.md',
];

describe('passing fixtures', () => {
	it.each(PASSING)('%s has no problem under any rule', (file) => {
		expect(linesFor(problems, file)).toEqual([]);
	});
});

describe('frontmatter', () => {
	it('reports type, required, length, unknown tag and unknown field errors at the field', () => {
		expect(linesFor(problems, 'frontmatter/fail.mdx')).toEqual([
			'content/docs/frontmatter/fail.mdx:2:1  frontmatter  Missing required field "title".  (title: Page title, shown as the h1 and in the browser tab.)',
			'content/docs/frontmatter/fail.mdx:2:14  frontmatter  description: The description must be at least 50 characters: say what the reader will learn.  (description: Summary for search results and link previews, 50 to 170 characters.)',
			'content/docs/frontmatter/fail.mdx:3:8  frontmatter  tags[0]: Unknown tag "wolfy". Did you mean "wolfi"? Tags come from content/tags.yaml; propose a new one there in your pull request.  (tags: Topics from content/tags.yaml (2 to 5 for a guide).)',
			'content/docs/frontmatter/fail.mdx:4:7  frontmatter  "date" must be a date.  (date: First publication date, YYYY-MM-DD.)',
			'content/docs/frontmatter/fail.mdx:5:8  frontmatter  "draft" must be a boolean.  (draft: Leave the page out of production builds.)',
			'content/docs/frontmatter/fail.mdx:7:10  frontmatter  "sidebar.order" must be a number.  (sidebar.order: Position among siblings; lower first.)',
			'content/docs/frontmatter/fail.mdx:8:3  frontmatter  Unknown field "sidebar.colour".  (Did you mean "order"? Allowed fields: order, label, hidden.)',
			'content/docs/frontmatter/fail.mdx:9:1  frontmatter  Unknown field "titel".  (Did you mean "title"? Allowed fields: title, description, tags, date, updated, draft, sidebar, authors, aliases, sources, testedWith, reviewed, toc.)',
		]);
	});

	it('requires dates written as YYYY-MM-DD even where JavaScript could read them', () => {
		expect(linesFor(problems, 'frontmatter/bad-date.mdx')).toEqual([
			'content/docs/frontmatter/bad-date.mdx:4:10  frontmatter  updated must be a date written as YYYY-MM-DD, not "2025-3-4".  (For example: updated: 2025-03-14)',
		]);
	});

	it('reports YAML that does not parse, and a missing block', () => {
		expect(linesFor(problems, 'frontmatter/bad-yaml.mdx')).toEqual([
			'content/docs/frontmatter/bad-yaml.mdx:2:8  frontmatter  The front matter is not valid YAML: Nested mappings are not allowed in compact mappings  (Quote values that contain a colon followed by a space, e.g. title: "Wolfi: an overview".)',
		]);
		expect(linesFor(problems, 'frontmatter/missing.mdx')).toEqual([
			'content/docs/frontmatter/missing.mdx:1:1  frontmatter  The guide has no front matter.  (Start the file with a --- block holding title and description; `npm run new` writes one for you.)',
		]);
	});
});

describe('duplicates', () => {
	it('reports a title used twice (in any case) and an alias that is another page', () => {
		expect(linesFor(problems, 'duplicates/fail.mdx')).toEqual([
			'content/docs/duplicates/fail.mdx:2:8  duplicates  The title "Shared Title" is also used by content/docs/duplicates/twin.mdx.  (Give each guide its own title so readers can tell them apart in search results and the sidebar.)',
			'content/docs/duplicates/fail.mdx:4:11  duplicates  The alias /duplicates/pass/ is already the URL of content/docs/duplicates/pass.mdx.  (An old URL can redirect to one page only; remove the alias from one of them.)',
		]);
	});

	it('reports two files with one URL, and a guide on a URL the site generates', () => {
		expect(linesFor(problems, 'duplicates/same.mdx')).toEqual([
			'content/docs/duplicates/same.mdx:1:1  duplicates  This file and content/docs/duplicates/same/index.mdx both publish /duplicates/same/.  (Rename one of them: a/b.mdx and a/b/index.mdx have the same URL.)',
		]);
		expect(linesFor(problems, 'search.mdx')).toEqual([
			'content/docs/search.mdx:1:1  duplicates  /search/ is a page the site generates itself.  (Move the guide to another folder or file name.)',
		]);
	});
});

describe('links', () => {
	it('reports each broken internal link on its own line, with the closest match', () => {
		expect(linesFor(problems, 'links/fail.mdx')).toEqual([
			'content/docs/links/fail.mdx:12:1  links  Nothing is published at /links/missing/.  (A guide at content/docs/a/b.mdx is published at /a/b/; files in public/ are served from the site root.)',
			'content/docs/links/fail.mdx:13:1  links  /links/pass/ has no heading or id "#nowhere".  (Anchors are heading texts in lower case with spaces as hyphens, e.g. "## Run the image" is #run-the-image.)',
			'content/docs/links/fail.mdx:14:1  links  This page has no heading or id "#second-sectoin".  (Did you mean #second-section?)',
			'content/docs/links/fail.mdx:15:1  links  There is no image named "ngnix".  (Did you mean /images/nginx/? The images with a page are listed at /images/.)',
			'content/docs/links/fail.mdx:16:1  links  There is no tag "wolf".  (Did you mean /tags/wolfi/? Tags are listed in content/tags.yaml.)',
			'content/docs/links/fail.mdx:17:1  links  The link /links/pass lacks the trailing slash.  (Write /links/pass/; every page URL ends with /.)',
			'content/docs/links/fail.mdx:18:1  links  The relative link "../headings/pass.mdx" breaks when the page moves.  (Link from the site root instead: /headings/pass/)',
			'content/docs/links/fail.mdx:20:1  links  Nothing is published at /links/gone/.  (A guide at content/docs/a/b.mdx is published at /a/b/; files in public/ are served from the site root.)',
			'content/docs/links/fail.mdx:22:1  links  Nothing is published at /nowhere/.  (A guide at content/docs/a/b.mdx is published at /a/b/; files in public/ are served from the site root.)',
			'content/docs/links/fail.mdx:24:1  links  /old/unique/ is an old URL that redirects to /duplicates/pass/.  (Link /duplicates/pass/ directly.)',
		]);
	});
});

describe('headings', () => {
	it('reports a first heading below h2, a skipped level and a second h1', () => {
		expect(linesFor(problems, 'headings/fail.mdx')).toEqual([
			'content/docs/headings/fail.mdx:9:1  headings  The first section heading is h3.  (Sections start at h2: write ## instead.)',
			'content/docs/headings/fail.mdx:13:1  headings  The heading jumps from h2 to h4.  (Go down one level at a time: write ### here.)',
			'content/docs/headings/fail.mdx:17:1  headings  The page has more than one h1.  (The title from the front matter is the h1; write sections as ## (h2).)',
		]);
	});

	it("starts image overviews at h3, under the image page's own Overview heading", () => {
		const overview = (name: string) =>
			problems.filter((problem) => problem.file === `content/images/${name}.mdx`).map(formatProblem);
		expect(overview('nginx')).toEqual([]);
		expect(overview('wolfi-base')).toEqual([
			'content/images/wolfi-base.mdx:5:1  headings  An image overview cannot hold an h2.  (The page puts the overview under its own h2: write ### for sections.)',
			'content/images/wolfi-base.mdx:9:1  headings  The first section heading is h5.  (Sections start at h3: write ### instead.)',
		]);
	});
});

describe('code blocks', () => {
	it('reports a missing or unknown language and spaces after a continuation, pointing at the spaces', () => {
		expect(linesFor(problems, 'code/fail.mdx')).toEqual([
			'content/docs/code/fail.mdx:11:1  code-language  The code block has no language.  (Name it after the opening fence, e.g. ```bash; use ```output for command output and ```text for anything else.)',
			'content/docs/code/fail.mdx:15:1  code-language  The code block language "shel" is not one the site highlights.  (Did you mean "shell"? The list is in CONTRIBUTING.md.)',
			'content/docs/code/fail.mdx:20:13  command-whitespace  Whitespace after the line-continuation backslash breaks the command when it is copied.  (Delete the spaces after \\ so that it ends the line.)',
			'content/docs/code/fail.mdx:27:12  command-whitespace  Whitespace after the line-continuation backslash breaks the command when it is copied.  (Delete the spaces after \\ so that it ends the line.)',
		]);
	});
});

describe('images', () => {
	it('reports missing alt text in Markdown and on elements, and a missing local file', () => {
		expect(linesFor(problems, 'pictures/fail.mdx')).toEqual([
			'content/docs/pictures/fail.mdx:11:1  images  The image has no alt text.  (Describe what the image shows for readers who cannot see it: ![Output of cosign verify](/images/guides/cosign.png).)',
			'content/docs/pictures/fail.mdx:13:1  images  The image has no alt text.  (Describe what the image shows for readers who cannot see it: ![Output of cosign verify](/images/guides/cosign.png).)',
			'content/docs/pictures/fail.mdx:15:1  images  The image file public/images/guides/missing.png does not exist.  (Put guide images in public/images/guides/ and link them as /images/guides/<file>.)',
		]);
	});
});

describe('leftovers', () => {
	it('reports TODO, FIXME and lorem ipsum anywhere in a published guide, code and front matter included', () => {
		const hint = '(Finish or remove it, or mark the guide as a draft with draft: true until it is ready.)';
		expect(linesFor(problems, 'leftovers/fail.mdx')).toEqual([
			`content/docs/leftovers/fail.mdx:3:39  leftovers  "TODO" is left in a published guide.  ${hint}`,
			`content/docs/leftovers/fail.mdx:3:47  leftovers  "FIXME" is left in a published guide.  ${hint}`,
			`content/docs/leftovers/fail.mdx:11:1  leftovers  "TODO" is left in a published guide.  ${hint}`,
			`content/docs/leftovers/fail.mdx:13:1  leftovers  "Lorem ipsum" is left in a published guide.  ${hint}`,
			`content/docs/leftovers/fail.mdx:16:3  leftovers  "FIXME" is left in a published guide.  ${hint}`,
		]);
	});
});

describe('directives', () => {
	it('reports an unknown block directive, a stray attribute, steps without a list and details without a summary', () => {
		expect(linesFor(problems, 'directives/fail.md')).toEqual([
			'content/docs/directives/fail.md:9:1  directives  Unknown directive ":::warning".  (Use one of :::note, :::tip, :::caution, :::danger, :::details, :::steps. To show the colons as text, escape the first one: \\:::warning.)',
			'content/docs/directives/fail.md:13:1  directives  ":::tip" does not take the attribute icon.  (Remove the {…} part; a title goes in brackets: :::tip[Title].)',
			'content/docs/directives/fail.md:17:1  directives  ":::steps" must wrap exactly one ordered list.  (Write the steps as "1. First step" lines between ":::steps" and ":::", and indent anything that belongs to a step (code, notes) under it.)',
			'content/docs/directives/fail.md:21:1  directives  ":::details" needs a summary: the line readers click to open it.  (Write the summary in brackets: :::details[What the hidden part explains].)',
		]);
	});
});

describe('syntax', () => {
	it('reports MDX that does not parse at the parser position', () => {
		expect(linesFor(problems, 'syntax/fail.mdx')).toEqual([
			'content/docs/syntax/fail.mdx:11:16  syntax  The file cannot be parsed as MDX: Could not parse expression with oxc: Expected `,` or `)` but found `:` (mdx-jsx:unexpected-character)  (In MDX, write { and < as \\{ and \\< in text (or put them in `code`), and close every component tag.)',
		]);
	});
});

describe('flags in prose', () => {
	it('reports a flag written as plain text at its column, on any line of a paragraph, and reads anchors as the site makes them', () => {
		expect(linesFor(problems, 'flags/fail.md')).toEqual([
			'content/docs/flags/fail.md:9:9  flags-in-prose  "--from" is written as plain text, so the site shows it with an en dash ("–from").  (Write it as inline code: `--from`.)',
			'content/docs/flags/fail.md:11:16  flags-in-prose  "--rm" is written as plain text, so the site shows it with an en dash ("–rm").  (Write it as inline code: `--rm`.)',
			'content/docs/flags/fail.md:12:6  flags-in-prose  "--pull" is written as plain text, so the site shows it with an en dash ("–pull").  (Write it as inline code: `--pull`.)',
		]);
	});
});

describe('reviewed', () => {
	it('warns when a published guide was last checked more than a year ago, at the field', () => {
		expect(linesFor(problems, 'reviewed/fail.mdx')).toEqual([
			'content/docs/reviewed/fail.mdx:6:11  reviewed  The guide was last reviewed 503 days ago (2024-01-15), more than 365.  (Check every command and fact against its sources again (and update testedWith), then set reviewed to today.)',
		]);
		expect(problems.find((problem) => problem.rule === 'reviewed')?.severity).toBe('warning');
	});
});

describe('wanted guides', () => {
	it('reports each broken entry of content/wanted.yaml at the line of its field, and accepts the good one', () => {
		expect(problems.filter((problem) => problem.file === 'content/wanted.yaml').map(formatProblem)).toEqual([
			'content/wanted.yaml:11:7  wanted  the id "good-first-guide" is used twice.  (Give each wanted guide its own id.)',
			'content/wanted.yaml:24:10  wanted  tags.0: Unknown tag "wolfy". Did you mean "wolfi"? Tags come from content/tags.yaml; propose a new one there in your pull request.  (Each entry needs id, title, section, description, tags, difficulty and sources (see CONTRIBUTING.md).)',
			'content/wanted.yaml:25:15  wanted  difficulty: Invalid option: expected one of "beginner"|"intermediate"|"advanced"  (Each entry needs id, title, section, description, tags, difficulty and sources (see CONTRIBUTING.md).)',
			'content/wanted.yaml:26:12  wanted  sources: Give at least one primary source to start from.  (Each entry needs id, title, section, description, tags, difficulty and sources (see CONTRIBUTING.md).)',
			'content/wanted.yaml:27:3  wanted  "pass" is written already (content/docs/links/pass).  (Remove the entry from content/wanted.yaml in the pull request that adds the guide.)',
		]);
	});
});

describe('learning paths', () => {
	it('reports an unknown section and each guide that is not published, with the closest guide, at its line', () => {
		expect(problems.filter((problem) => problem.file === 'content/paths.yaml').map(formatProblem)).toEqual([
			'content/paths.yaml:12:12  learning-paths  "broken-path" names the unknown section "nowhere".  (Use one of: code, directives, duplicates, flags, frontmatter, headings, leftovers, links, pictures, reviewed, spelling, syntax.)',
			'content/paths.yaml:14:7  learning-paths  "broken-path" lists "links/pas", which is not a published guide.  (Did you mean "links/pass"? Guide ids are paths under content/docs without extension, e.g. "open-source/wolfi/overview"; drafts cannot be part of a path.)',
			'content/paths.yaml:15:7  learning-paths  "broken-path" lists "leftovers/draft", which is a draft.  (Publish the guide (remove draft: true) in the same pull request, or leave it out of the path until then.)',
		]);
	});
});

describe('selected files', () => {
	it('checks only the files given, against the whole site', async () => {
		const result = await runChecks({
			root: FIXTURE_ROOT,
			now: FIXTURE_NOW,
			files: [`${FIXTURE_ROOT}content/docs/links/pass.mdx`],
			spelling: false,
		});
		expect(result).toEqual({ problems: [], checkedFiles: 1 });
	});

	it('refuses a file that is not content instead of skipping it', async () => {
		await expect(runChecks({ root: FIXTURE_ROOT, now: FIXTURE_NOW, files: ['README.md'], spelling: false })).rejects.toThrow(
			'README.md is not a guide in content/docs/ or an image overview in content/images/.',
		);
	});
});
