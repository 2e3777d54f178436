import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { highlightOptions, markdownPlugins } from '../../../src/markdown/config.ts';

const cacheRoot = mkdtempSync(join(tmpdir(), 'academy-highlight-'));
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

/** A renderer with the site's plugins whose highlight cache lives in `cacheRoot`. */
const renderer = () =>
	createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: markdownPlugins(highlightOptions(cacheRoot)) });

describe('cached code highlighting', () => {
	const source = '```bash\necho "hello from the cache test"\n```\n';

	it('stores each highlighted block on disk and reuses it in the next build', async () => {
		const first = (await (await renderer()).render(source)).code;
		const cacheDir = join(cacheRoot, 'academy-highlight');
		const files = readdirSync(cacheDir);
		expect(files).toHaveLength(1);
		// Mark the cached entry: a new renderer (a new build) must take the block from disk, not from Shiki.
		const file = join(cacheDir, files[0]!);
		writeFileSync(file, readFileSync(file, 'utf8').replace('hello from the cache test', 'served from the cache'));
		const second = (await (await renderer()).render(source)).code;
		expect(first).toContain('hello from the cache test');
		expect(second).toContain('served from the cache');
	});

	it('renders identical blocks identically and highlights tokens with both themes', async () => {
		const html = (await (await renderer()).render('```yaml\nname: demo\n```\n\n```yaml\nname: demo\n```\n')).code;
		const blocks = html.match(/<figure[\s\S]*?<\/figure>/g)!;
		expect(blocks).toHaveLength(2);
		expect(blocks[0]).toBe(blocks[1]);
		expect(blocks[0]).toMatch(/--shiki-light:#[0-9a-fA-F]{6};--shiki-dark:#[0-9a-fA-F]{6}/);
		expect(blocks[0]).toContain('class="astro-code astro-code-themes"');
	});

	it('leaves the configured language aliases as they are, so each grammar set gets one highlighter', async () => {
		// An alias of its own gives these options highlighters of their own: earlier tests' highlighters are not reused.
		const options = { ...highlightOptions(cacheRoot), langAlias: { output: 'plaintext', 'alias-test': 'plaintext' } };
		const configured = structuredClone(options.langAlias);
		const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: markdownPlugins(options) });
		await processor.render('```bash\necho "aliases test"\n```\n\n```dockerfile\nFROM scratch\n```\n');
		expect(options.langAlias).toEqual(configured);
	});

	it('fails with a hint on a language the site does not highlight', async () => {
		await expect((await renderer()).render('```cobol\nDISPLAY "HI".\n```\n')).rejects.toThrow(
			expect.objectContaining({
				message: 'Code block language "cobol" is not highlighted.',
				hint: 'Use one of the languages listed in src/site.config.ts.',
			}),
		);
	});
});
