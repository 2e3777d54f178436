import { describe, expect, it } from 'vitest';
import { MarkdownTwinError, markdownTwin, twinPath, type TwinSource } from '../../../src/markdown/twin.ts';

const SITE = 'https://academy.test';
const PAGE = `${SITE}/container-images/non-root-users/`;

/** The twin of an MDX (or, with `file`, Markdown) guide whose body is `body`. */
function twin(body: string, overrides: Partial<TwinSource> = {}): string {
	return markdownTwin({
		file: 'content/docs/container-images/non-root-users.mdx',
		source: `---\ntitle: Non-root users\ndescription: Run as uid 65532.\n---\n\n${body}`,
		title: 'Non-root users',
		description: 'Run as uid 65532.',
		pageUrl: PAGE,
		siteUrl: SITE,
		...overrides,
	});
}

/** The twin's body: everything after the header (title, summary, web page line). */
const bodyOf = (markdown: string) => markdown.split('\n\n').slice(3).join('\n\n');

const IMPORT = "import { Callout, Tabs, TabItem, Steps, Card, CardGrid, LinkCard, Badge, Details } from '@/components';\n\n";

describe('markdownTwin: header and plain Markdown', () => {
	it('starts with the title as h1, the description as a blockquote and the page URL, and drops the front matter', () => {
		const markdown = twin('## Why\n\nBecause.\n');
		expect(markdown).toBe(`# Non-root users\n\n> Run as uid 65532.\n\nWeb page: <${PAGE}>\n\n## Why\n\nBecause.\n`);
	});

	it('keeps GFM: tables, task lists, footnotes and strikethrough', () => {
		const body = bodyOf(
			twin('| a | b |\n| :- | -: |\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\nA note[^1] and ~~old~~.\n\n[^1]: The note.\n', {
				file: 'content/docs/x.md',
			}),
		);
		expect(body).toBe(
			'| a | b |\n| :- | -: |\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\nA note[^1] and ~~old~~.\n\n[^1]: The note.\n',
		);
	});

	it('keeps the language of a code block, turns its title into a label line and drops line highlights', () => {
		const body = bodyOf(twin('```dockerfile title="Dockerfile (deps stage)" {3-4}\nFROM scratch\n```\n\n```output\nok\n```\n'));
		expect(body).toBe('_Dockerfile (deps stage)_\n\n```dockerfile\nFROM scratch\n```\n\n```output\nok\n```\n');
	});

	it('makes site-root, image and fragment links absolute and leaves external links alone', () => {
		const body = bodyOf(
			twin(
				'See [apk](/open-source/wolfi/apk-package-manager/#install), [below](#why), [Sigstore](https://sigstore.dev/) and ![A chart](/images/guides/chart.png).\n\n[ref]: /images/nginx/\n',
			),
		);
		expect(body).toContain(`[apk](${SITE}/open-source/wolfi/apk-package-manager/#install)`);
		expect(body).toContain(`[below](${PAGE}#why)`);
		expect(body).toContain('[Sigstore](https://sigstore.dev/)');
		expect(body).toContain(`![A chart](${SITE}/images/guides/chart.png)`);
		expect(body).toContain(`[ref]: ${SITE}/images/nginx/`);
	});

	it('is deterministic: the same source gives the same bytes', () => {
		const source = `${IMPORT}<Callout type="tip">Same.</Callout>\n`;
		expect(twin(source)).toBe(twin(source));
	});
});

describe('markdownTwin: components written out as Markdown', () => {
	it('removes the import line', () => {
		expect(twin(`${IMPORT}Text.\n`)).not.toContain('import');
	});

	it('writes a Callout as a blockquote with a bold label: the type, then the title', () => {
		const body = bodyOf(
			twin(`${IMPORT}<Callout type="caution" title="Tags move">\n\n\`latest\` moves. Pin a digest.\n\n</Callout>\n`),
		);
		expect(body).toBe('> **Caution: Tags move**\n>\n> `latest` moves. Pin a digest.\n');
	});

	it('labels a Callout without a title by its type, note by default', () => {
		expect(bodyOf(twin(`${IMPORT}<Callout>\n\nBackground.\n\n</Callout>\n`))).toBe('> **Note**\n>\n> Background.\n');
		expect(bodyOf(twin(`${IMPORT}<Callout type="danger">\n\nData loss.\n\n</Callout>\n`))).toBe(
			'> **Danger**\n>\n> Data loss.\n',
		);
	});

	it('writes Details as its bold summary followed by the content', () => {
		const body = bodyOf(twin(`${IMPORT}<Details summary="Show the full output">\n\n\`\`\`output\nline\n\`\`\`\n\n</Details>\n`));
		expect(body).toBe('**Show the full output**\n\n```output\nline\n```\n');
	});

	it('writes Tabs as one labelled section per tab, in order', () => {
		const body = bodyOf(
			twin(
				`${IMPORT}<Tabs syncKey="engine">\n<TabItem label="Docker">\n\n\`\`\`bash\ndocker run x\n\`\`\`\n\n</TabItem>\n<TabItem label="Podman">\n\n\`\`\`bash\npodman run x\n\`\`\`\n\n</TabItem>\n</Tabs>\n`,
			),
		);
		expect(body).toBe('**Docker**\n\n```bash\ndocker run x\n```\n\n**Podman**\n\n```bash\npodman run x\n```\n');
	});

	it('writes Steps as the ordered list it wraps', () => {
		const body = bodyOf(
			twin(`${IMPORT}<Steps>\n\n1. Install cosign.\n2. Verify:\n\n   \`\`\`bash\n   cosign verify x\n   \`\`\`\n\n</Steps>\n`),
		);
		expect(body).toBe('1. Install cosign.\n2. Verify:\n\n   ```bash\n   cosign verify x\n   ```\n');
	});

	it('writes a CardGrid of LinkCards and Cards as one list, links made absolute', () => {
		const body = bodyOf(
			twin(
				`${IMPORT}<CardGrid>\n  <LinkCard title="Choose a base image" href="/container-images/choosing-a-base-image/" description="A decision table." />\n  <Card title="Small">Only what the application needs.</Card>\n  <LinkCard title="Sigstore" href="https://sigstore.dev/" />\n</CardGrid>\n`,
			),
		);
		expect(body).toBe(
			`- [Choose a base image](${SITE}/container-images/choosing-a-base-image/): A decision table.\n- **Small**: Only what the application needs.\n- [Sigstore](https://sigstore.dev/)\n`,
		);
	});

	it('joins consecutive LinkCards outside a grid into one list', () => {
		const body = bodyOf(
			twin(`${IMPORT}<LinkCard title="A" href="/a/" />\n<LinkCard title="B" href="/b/" description="Bee." />\n\nAfter.\n`),
		);
		expect(body).toBe(`- [A](${SITE}/a/)\n- [B](${SITE}/b/): Bee.\n\nAfter.\n`);
	});

	it('writes a Badge as bold text in its sentence or table cell', () => {
		const body = bodyOf(
			twin(
				`${IMPORT}Keyless signing <Badge text="New" variant="tip" /> needs no key.\n\n| Level | Needs |\n| - | - |\n| <Badge text="Build L0" /> | Nothing |\n`,
			),
		);
		expect(body).toBe('Keyless signing **New** needs no key.\n\n| Level | Needs |\n| - | - |\n| **Build L0** | Nothing |\n');
	});

	it('keeps string expressions as their text and drops comments', () => {
		const body = bodyOf(twin(`Write {'{'}braces{'}'} here.{/* editor note */}\n`));
		expect(body).toBe('Write {braces} here.\n');
	});
});

describe('markdownTwin: directives in Markdown guides', () => {
	const md = (body: string) => bodyOf(twin(body, { file: 'content/docs/x.md' }));

	it('writes :::caution[Title] like a Callout, keeping inline code in the title', () => {
		expect(md(':::caution[Tags `move`]\nPin a digest.\n:::\n')).toBe('> **Caution: Tags `move`**\n>\n> Pin a digest.\n');
		expect(md(':::tip\nShortcut.\n:::\n')).toBe('> **Tip**\n>\n> Shortcut.\n');
	});

	it('writes :::details[Summary] as a bold summary and its content', () => {
		expect(md(':::details[Full output]{open}\nAll of it.\n:::\n')).toBe('**Full output**\n\nAll of it.\n');
	});

	it('writes :::steps as its ordered list', () => {
		expect(md(':::steps\n1. One.\n2. Two.\n:::\n')).toBe('1. One.\n2. Two.\n');
	});

	it('keeps prose that only looks like an inline directive as written', () => {
		expect(md('Run cgr.dev/chainguard/python:latest at 10:30.\n')).toBe('Run cgr.dev/chainguard/python:latest at 10:30.\n');
	});

	it('reads the text as the page shows it, with the site’s smart punctuation', () => {
		expect(md('A "quoted" word -- and an `--flag`.\n')).toBe('A “quoted” word – and an `--flag`.\n');
	});

	it('nests a details block inside a callout', () => {
		expect(md('::::note\nOuter.\n\n:::details[More]\nInner.\n:::\n::::\n')).toBe(
			'> **Note**\n>\n> Outer.\n>\n> **More**\n>\n> Inner.\n',
		);
	});
});

describe('markdownTwin: section pages and errors', () => {
	it('lists a section page’s guides under "Guides in this section", as the page does', () => {
		const markdown = twin('Intro.\n', {
			sectionGuides: [
				{ title: 'Non-root users', url: `${SITE}/container-images/non-root-users.md`, description: 'uid 65532.' },
				{ title: 'No description', url: `${SITE}/x.md` },
			],
		});
		expect(
			markdown.endsWith(
				`## Guides in this section\n\n- [Non-root users](${SITE}/container-images/non-root-users.md): uid 65532.\n- [No description](${SITE}/x.md)\n`,
			),
		).toBe(true);
	});

	it('names the file, the line and the fix for a component it cannot write out', () => {
		const attempt = () => twin('Text.\n\n<Mystery />\n');
		expect(attempt).toThrow(MarkdownTwinError);
		expect(attempt).toThrow('content/docs/container-images/non-root-users.mdx:8: uses <Mystery>');
		try {
			attempt();
		} catch (error) {
			expect((error as MarkdownTwinError).hint).toContain('src/markdown/twin.ts');
		}
	});

	it('refuses an expression it cannot evaluate instead of dropping it', () => {
		expect(() => twin('Version {props.version}.\n')).toThrow('has the expression {props.version}');
	});

	it('refuses an unknown directive, as the site build does', () => {
		expect(() => twin(':::warning\nX.\n:::\n', { file: 'content/docs/x.md' })).toThrow('Unknown directive ":::warning"');
	});

	it('refuses a component attribute written as an expression', () => {
		expect(() => twin(`${IMPORT}<Callout title={name}>\n\nX.\n\n</Callout>\n`)).toThrow('computed value');
	});
});

describe('twinPath', () => {
	it('puts the twin next to the page: /a/b/ → /a/b.md, a section → /section.md', () => {
		expect(twinPath('/container-images/non-root-users/')).toBe('/container-images/non-root-users.md');
		expect(twinPath('/container-images/')).toBe('/container-images.md');
		expect(twinPath('/')).toBe('/index.md');
	});
});
