import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownPipelineVersion } from '../../../src/markdown/version.ts';

/** A folder with the site's Markdown code and settings, and its packages, whose files a test may change. */
let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'academy-markdown-version-'));
	cpSync('src/markdown', join(root, 'src/markdown'), { recursive: true });
	cpSync('src/site.config.ts', join(root, 'src/site.config.ts'));
	symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('version of the Markdown pipeline', () => {
	it('is the same for the same code', () => {
		expect(markdownPipelineVersion(root)).toBe(markdownPipelineVersion(process.cwd()));
	});

	it.each(['heading-anchors.ts', 'directives.ts'])('changes when a plugin file changes (%s)', (file) => {
		const before = markdownPipelineVersion(root);
		appendFileSync(join(root, 'src/markdown', file), '\n// changed\n');
		expect(markdownPipelineVersion(root)).not.toBe(before);
	});

	it('changes when a plugin file is added, and with the site settings', () => {
		const before = markdownPipelineVersion(root);
		writeFileSync(join(root, 'src/markdown/new-plugin.ts'), 'export {};\n');
		const added = markdownPipelineVersion(root);
		appendFileSync(join(root, 'src/site.config.ts'), '\n// changed\n');
		expect(new Set([before, added, markdownPipelineVersion(root)]).size).toBe(3);
	});
});
