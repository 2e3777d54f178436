import { describe, expect, it } from 'vitest';
import { unrenderedEntries, versionedDigest } from '../../../src/content/strict-glob.ts';
import { loaderContext } from '../../helpers/loader-context.ts';

describe('Markdown entries the glob loader stored without HTML', () => {
	it('finds .md entries without rendered HTML, with the reason Astro logged for their file', () => {
		const entries: [string, { filePath?: string; rendered?: unknown }][] = [
			['ok', { filePath: 'content/docs/ok.md', rendered: { html: '<p>ok</p>' } }],
			['empty-but-rendered', { filePath: 'content/docs/empty.md', rendered: { html: '' } }],
			['broken', { filePath: 'content/docs/a/broken.md' }],
			['silent', { filePath: 'content/docs/silent.md' }],
			['component-guide', { filePath: 'content/docs/guide.mdx' }],
			['data', {}],
		];
		const reasons = new Map([
			['a/broken.md', 'Unknown directive ":::warning" in content/docs/a/broken.md at line 9.'],
			['other.md', 'not this one'],
		]);
		expect(unrenderedEntries(entries, reasons)).toEqual([
			{
				id: 'broken',
				filePath: 'content/docs/a/broken.md',
				reason: 'Unknown directive ":::warning" in content/docs/a/broken.md at line 9.',
			},
			{ id: 'silent', filePath: 'content/docs/silent.md', reason: undefined },
		]);
	});

	it('matches a logged file by whole path segments, not by a shared ending', () => {
		const found = unrenderedEntries([['x', { filePath: 'content/docs/overbroken.md' }]], new Map([['broken.md', 'no']]));
		expect(found).toEqual([{ id: 'x', filePath: 'content/docs/overbroken.md', reason: undefined }]);
	});
});

describe('entry digests', () => {
	const { generateDigest } = loaderContext('docs').context;

	it('change with the Markdown pipeline version, so a plugin change renders the guides again', () => {
		const text = '---\ntitle: A\n---\nBody.\n';
		expect(versionedDigest(generateDigest, 'v1')(text)).toBe(versionedDigest(generateDigest, 'v1')(text));
		expect(versionedDigest(generateDigest, 'v1')(text)).not.toBe(versionedDigest(generateDigest, 'v2')(text));
		expect(versionedDigest(generateDigest, 'v1')(text)).not.toBe(versionedDigest(generateDigest, 'v1')(`${text}More.\n`));
	});
});
