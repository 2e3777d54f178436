import { PassThrough } from 'node:stream';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/runner.ts';
import { listSections } from '../../../src/lib/content-files.ts';
import { createGuide, planGuide, requestForWanted, slugFromTitle } from '../../../src/scaffold/new-guide.ts';
import { askForGuide } from '../../../src/scaffold/prompt.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATE = new Date(2025, 2, 14);

/** A throwaway copy of the project's content and spelling setup, so the scaffold never writes into content/. */
let root: string;
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'scaffold-'));
	cpSync(path.join(PROJECT_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
	for (const file of ['cspell.config.yaml', 'project-words.txt']) cpSync(path.join(PROJECT_ROOT, file), path.join(root, file));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('scaffold', () => {
	it('makes a file name from the title', () => {
		expect(slugFromTitle('Wolfi: a “first” look at apk & APKINDEX')).toBe('wolfi-a-first-look-at-apk-apkindex');
		expect(slugFromTitle('Café déjà vu')).toBe('cafe-deja-vu');
	});

	it('writes a draft with valid front matter and a skeleton that passes every content check', async () => {
		const section = listSections(root)[0];
		const { file, route } = createGuide({
			root,
			section,
			title: 'Pin images by digest',
			tags: ['digests', 'getting-started'],
			date: DATE,
		});
		expect(path.relative(root, file)).toBe(path.join('content', 'docs', section, 'pin-images-by-digest.md'));
		expect(route).toBe(`/${section}/pin-images-by-digest/`);
		const text = readFileSync(file, 'utf8');
		expect(text.split('\n').slice(0, 11)).toEqual([
			'---',
			'title: Pin images by digest',
			'description: "TODO: say in one or two sentences what the reader will be able to do after this guide."',
			'tags: [digests, getting-started]',
			'date: 2025-03-14',
			'draft: true',
			"# TODO: check every fact against primary sources (the tool's own source or docs, the specification), list them in",
			'# sources, name the versions in testedWith (e.g. [cosign 3.0.2]) and add reviewed: YYYY-MM-DD when you are done.',
			'sources: []',
			'testedWith: []',
			'---',
		]);
		expect(text).toContain('## Before you begin');
		expect(await runChecks({ root, files: [file] })).toEqual({ problems: [], checkedFiles: 1 });
	}, 60_000);

	it('leaves TODO prompts that fail the checks once the guide is published unfinished', async () => {
		const { file } = createGuide({ root, section: listSections(root)[0], title: 'Unfinished', tags: [], date: DATE });
		writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true\n', ''));
		const { problems } = await runChecks({ root, files: [file], spelling: false });
		// The TODO prompts, and the schema asking for what a published guide was checked against.
		expect(new Set(problems.map((problem) => problem.rule))).toEqual(new Set(['leftovers', 'frontmatter']));
		expect(problems.filter((problem) => problem.rule === 'frontmatter').map((problem) => problem.message)).toEqual([
			expect.stringMatching(/^reviewed: A published guide needs reviewed/),
			expect.stringMatching(/^sources: A published guide needs sources/),
			expect.stringMatching(/^testedWith: A published guide needs testedWith/),
		]);
	});

	it('refuses an unknown section or tag, naming the closest', () => {
		const request = { root, title: 'Anything', tags: [] as string[], date: DATE };
		expect(() => planGuide({ ...request, section: 'container-image' })).toThrow('Unknown section "container-image".');
		expect(() => planGuide({ ...request, section: 'container-image' })).toThrow(
			expect.objectContaining({ hint: expect.stringMatching(/^Did you mean "container-images"\?/) }),
		);
		expect(() => planGuide({ ...request, section: 'container-images', tags: ['digest'] })).toThrow(
			expect.objectContaining({ message: 'Unknown tag "digest".', hint: expect.stringMatching(/^Did you mean "digests"\?/) }),
		);
	});

	it('refuses a slug that exists and never overwrites a file', () => {
		const request = { root, section: 'container-images', title: 'Same title', tags: [], date: DATE };
		const { file } = createGuide(request);
		writeFileSync(file, 'edited by hand');
		expect(() => createGuide(request)).toThrow('A guide already exists at /container-images/same-title/');
		expect(readFileSync(file, 'utf8')).toBe('edited by hand');
	});

	it('refuses a description of the wrong length', () => {
		expect(() => planGuide({ root, section: 'container-images', title: 'Short', tags: [], description: 'Too short.' })).toThrow(
			'The description has 10 characters.',
		);
	});

	it('asks for each value, keeping answers typed ahead, and shows the choices', async () => {
		const input = new PassThrough();
		const output = new PassThrough();
		let shown = '';
		output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
		input.end(
			'container-images\nPin images by digest\ndigests, getting-started\n\nhttps://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md\ndocker 28.2.2\n',
		);
		expect(await askForGuide(root, input, output)).toEqual({
			root,
			section: 'container-images',
			title: 'Pin images by digest',
			tags: ['digests', 'getting-started'],
			description: undefined,
			sources: [
				{
					title: 'TODO: say what this document is',
					url: 'https://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md',
				},
			],
			testedWith: ['docker 28.2.2'],
		});
		expect(shown).toContain('Sections: container-images, open-source');
		expect(shown).toContain('Tags: wolfi, apk');
	});

	it('scaffolds a wanted guide with its front matter filled, and refuses an unknown id', () => {
		writeFileSync(
			path.join(root, 'content', 'wanted.yaml'),
			[
				'- id: verify-helm-charts',
				'  title: Sign and verify Helm charts',
				'  section: software-supply-chain',
				'  description: Sign a packaged Helm chart with cosign, push it to an OCI registry and verify it before you install.',
				'  tags: [signing, sigstore]',
				'  difficulty: intermediate',
				'  sources:',
				'    - title: Helm OCI registries',
				'      url: https://helm.sh/docs/topics/registries/',
			].join('\n'),
		);
		const { file, route } = createGuide({ ...requestForWanted(root, 'verify-helm-charts'), date: DATE });
		expect(route).toBe('/software-supply-chain/verify-helm-charts/');
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('title: Sign and verify Helm charts\n');
		expect(text).toContain(
			'description: Sign a packaged Helm chart with cosign, push it to an OCI registry and verify it before you install.\n',
		);
		expect(text).toContain('sources:\n  - title: Helm OCI registries\n    url: https://helm.sh/docs/topics/registries/\n');
		expect(() => requestForWanted(root, 'verify-helm-chart')).toThrow(
			expect.objectContaining({
				message: 'There is no wanted guide "verify-helm-chart".',
				hint: expect.stringMatching(/^Did you mean "verify-helm-charts"\?/),
			}),
		);
	});

	it('refuses a source that is not https and a tool version without a version', () => {
		const request = { root, section: 'container-images', title: 'Sources', tags: [], date: DATE };
		expect(() => planGuide({ ...request, sources: [{ title: 'x', url: 'http://example.com/' }] })).toThrow(
			expect.objectContaining({ message: 'The source "http://example.com/" is not usable.' }),
		);
		expect(() => planGuide({ ...request, testedWith: ['cosign'] })).toThrow(
			expect.objectContaining({ message: '"cosign" is not a tool version.' }),
		);
	});

	it('stops with a message when the input ends early', async () => {
		const input = new PassThrough();
		input.end('container-images\n');
		await expect(askForGuide(root, input, new PassThrough())).rejects.toThrow(
			'The input ended before every question was answered.',
		);
	});
});
