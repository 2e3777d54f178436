import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { AstroError } from 'astro/errors';
import { mdxToJs } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { highlightOptions, markdownPlugins, markdownProcessorOptions } from '../../../src/markdown/config.ts';

type Renderer = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;
let site: Renderer;
/** The same pipeline without directive parsing: what prose rendered as before directives were turned on. */
let withoutDirectives: Renderer;

beforeAll(async () => {
	const options = markdownProcessorOptions(highlightOptions(undefined));
	site = await createSatteriMarkdownProcessor({ syntaxHighlight: false, ...options });
	withoutDirectives = await createSatteriMarkdownProcessor({
		syntaxHighlight: false,
		hastPlugins: markdownPlugins(highlightOptions(undefined)),
	});
});

const render = async (markdown: string, renderer = site) => (await renderer.render(markdown)).code.trim();

/** The error a render throws, so its message and hint can be compared. */
async function renderError(markdown: string, fileURL?: URL): Promise<AstroError> {
	const error = await site.render(markdown, fileURL ? { fileURL } : undefined).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	if (!(error instanceof AstroError)) throw new Error(`Expected an AstroError, got ${String(error)}`);
	return error;
}

describe('callouts', () => {
	it.each([
		['note', 'Note', 'i'],
		['tip', 'Tip', '✓'],
		['caution', 'Caution', '!'],
		['danger', 'Danger', '⚠'],
	])(':::%s renders the Callout component markup with its default title', async (type, label, icon) => {
		expect(await render(`:::${type}\nWatch the *tag*.\n:::`)).toBe(
			`<aside class="callout callout-${type}" aria-label="${label}"><p class="callout-title">` +
				`<span class="callout-icon" aria-hidden="true">${icon}</span>${label}</p>` +
				'<div class="callout-body"><p>Watch the <em>tag</em>.</p></div></aside>',
		);
	});

	it('takes a title in brackets, keeps its inline code and labels the aside with its text', async () => {
		expect(await render(':::tip[Use `apk add` with python:latest]\nBody.\n:::')).toBe(
			'<aside class="callout callout-tip" aria-label="Use apk add with python:latest"><p class="callout-title">' +
				'<span class="callout-icon" aria-hidden="true">✓</span>Use <code>apk add</code> with python:latest</p>' +
				'<div class="callout-body"><p>Body.</p></div></aside>',
		);
	});

	it('treats empty brackets as no title', async () => {
		expect(await render(':::note[]\nBody.\n:::')).toContain('aria-label="Note"');
	});

	it('runs the site plugins inside: highlighted code, heading anchors, nested blocks', async () => {
		const html = await render('::::caution\n## Inside\n\n```bash\necho hi\n```\n\n:::details[More]\nHidden.\n:::\n::::');
		expect(html).toContain('<div class="heading-wrapper level-h2"><h2 id="inside">Inside</h2><a class="anchor-link"');
		expect(html).toMatch(/<figure class="code-block is-code no-title" data-language="bash"><pre class="astro-code/);
		expect(html).toContain(
			'<details class="details-block"><summary>More</summary><div class="details-body"><p>Hidden.</p></div></details></div></aside>',
		);
	});
});

describe('details and steps', () => {
	it(':::details renders the Details component markup, closed unless {open} is given', async () => {
		expect(await render(':::details[Why not scratch?]\nNo CA bundle.\n:::')).toBe(
			'<details class="details-block"><summary>Why not scratch?</summary><div class="details-body"><p>No CA bundle.</p></div></details>',
		);
		expect(await render(':::details[Why?]{open}\nBecause.\n:::')).toMatch(/^<details class="details-block" open>/);
	});

	it(':::steps wraps the list like the Steps component: role="list" first, then the start number', async () => {
		expect(await render(':::steps\n1. Pull.\n2. Run.\n:::')).toBe(
			'<div class="steps"><ol role="list">\n<li>Pull.</li>\n<li>Run.</li>\n</ol></div>',
		);
		expect(await render(':::steps\n3. Sign.\n4. Verify.\n:::')).toMatch(/^<div class="steps"><ol role="list" start="3">/);
	});

	it('keeps code and paragraphs indented under a step inside that step', async () => {
		const html = await render(':::steps\n1. Build:\n\n   ```bash\n   docker build .\n   ```\n\n2. Push.\n:::');
		expect(html).toMatch(/<li>\n<p>Build:<\/p>\n<figure class="code-block[^]*<\/figure>\n<\/li>\n<li>\n<p>Push.<\/p>\n<\/li>/);
	});
});

describe('colons that are not directives', () => {
	const PROSE = [
		'Pull cgr.dev/chainguard/python:latest at 10:30, then compare sha256:abc123 and 65532:65532.',
		'C++ has std::vector, YAML has key::value, and a:b[*label*] keeps its label.',
		"Use `image:tag` or `:::note` in code, and python:latest's digest.",
		'::leaf[Text]{a=1}',
		'## Pin python:latest',
		'- item with user:group\n- item with ISO/IEC 5962:2021',
		'| column | value |\n| - | - |\n| uid:gid | 65532:65532 |',
		'```yaml\nimage: cgr.dev/chainguard/python:latest\n:::warning\n```',
	];

	it.each(PROSE)('renders %j exactly as it would without directives', async (markdown) => {
		expect(await render(markdown)).toBe(await render(markdown, withoutDirectives));
	});

	it('keeps a line that starts with :: as written, in a paragraph of its own (the one difference)', async () => {
		expect(await render('A line\n::leaf-like text after it')).toBe('<p>A line</p>\n<p>::leaf-like text after it</p>');
	});

	it('keeps {…} after a directive-like word exactly as written, straight quotes included', async () => {
		expect(await render('See a:b[*label*]{x="y" .z} here.')).toBe('<p>See a:b[<em>label</em>]{x="y" .z} here.</p>');
	});

	it('keeps the text around a directive-like word, e.g. an image reference', async () => {
		expect(await render('Pull cgr.dev/chainguard/python:latest at 10:30.')).toBe(
			'<p>Pull cgr.dev/chainguard/python:latest at 10:30.</p>',
		);
	});

	it('gives a heading with a colon the slug it would have without directives', async () => {
		const { metadata } = await site.render('## Pin python:latest to a digest');
		expect(metadata.headings.map((heading) => heading.slug)).toEqual(['pin-pythonlatest-to-a-digest']);
	});
});

describe('mistakes stop the build', () => {
	it('rejects an unknown block directive with the names it knows and how to write the colons as text', async () => {
		const error = await renderError('Text.\n\n:::warning\nCareful.\n:::');
		expect(error.message).toBe('Unknown directive ":::warning" at line 3.');
		expect(error.hint).toBe(
			'Use one of :::note, :::tip, :::caution, :::danger, :::details, :::steps. To show the colons as text, escape the first one: \\:::warning.',
		);
		expect(await render('\\:::warning')).toBe('<p>:::warning</p>');
	});

	it('names the file and counts the front matter Astro cut off the body', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'academy-directives-'));
		try {
			const file = join(folder, 'guide.md');
			const body = 'Intro.\n\n:::important\nBody.\n:::\n';
			writeFileSync(file, `---\ntitle: A guide\ndescription: Four lines of front matter.\n---\n${body}`);
			const error = await renderError(body, pathToFileURL(file));
			expect(error.message).toMatch(/^Unknown directive ":::important" in .*guide\.md at line 7\.$/);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it.each([
		[':::tip{icon=rocket}\nx\n:::', '":::tip" does not take the attribute icon at line 1.'],
		[':::details[More]{open closed}\nx\n:::', '":::details" does not take the attribute closed at line 1.'],
		[':::steps\nNot a list.\n:::', '":::steps" must wrap exactly one ordered list at line 1.'],
		[':::steps\n- unordered\n:::', '":::steps" must wrap exactly one ordered list at line 1.'],
		[':::steps\n1. one\n\nafter\n:::', '":::steps" must wrap exactly one ordered list at line 1.'],
		[':::details\nNo summary.\n:::', '":::details" needs a summary: the line readers click to open it at line 1.'],
	])('rejects %j', async (markdown, message) => {
		expect((await renderError(markdown)).message).toBe(message);
	});
});

describe('MDX', () => {
	const compile = async (mdx: string) => {
		const options = markdownProcessorOptions(highlightOptions(undefined));
		const { code } = await mdxToJs(mdx, {
			features: options.features,
			mdastPlugins: options.mdastPlugins,
			// As @astrojs/mdx compiles with optimize: static HTML becomes one set:html string.
			optimizeStatic: { component: 'Fragment', prop: 'set:html' },
		});
		return code;
	};

	it('compiles a directive in .mdx to the same HTML as in .md', async () => {
		const source = ':::note[Mind the tag]\nUse python:latest.\n:::';
		const staticHtml = /"set:html": ("(?:[^"\\]|\\.)*")/.exec(await compile(source))?.[1];
		expect(staticHtml && JSON.parse(staticHtml)).toBe(await render(source));
	});

	it('keeps components inside a directive', async () => {
		const code = await compile(':::tip\nNew: <Badge text="beta" />\n:::');
		expect(code).toMatch(/className: "callout callout-tip"[^]*_jsx\(Badge, \{ text: "beta" \}\)/);
	});
});
