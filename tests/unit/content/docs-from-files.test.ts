import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docEntriesFromFiles } from '../../../src/content/docs-from-files.ts';
import { guideSocialCardsFromFiles } from '../../../src/page-models/social-card.ts';

const root = mkdtempSync(join(tmpdir(), 'academy-docs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REQUIRED = [
	'description: A description that is long enough to pass the schema of the guides.',
	'sources:\n  - title: A specification\n    url: https://example.org/spec',
	'testedWith: [cosign 3.0.2]',
	'reviewed: 2025-01-01',
].join('\n');
function write(file: string, frontMatter: string): void {
	mkdirSync(join(root, file, '..'), { recursive: true });
	writeFileSync(join(root, file), `---\n${frontMatter}\n---\n\nSome words.\n`);
}
write('wolfi/index.mdx', `title: Wolfi overview\nsidebar:\n  label: Wolfi\n${REQUIRED}`);
write('wolfi/apk-basics.mdx', `title: "apk basics: add, del, search"\n${REQUIRED}`);
write('wolfi/not-yet.md', `title: A draft\ndraft: true\n${REQUIRED}`);
write('wolfi/no-title.mdx', REQUIRED);
write('wolfi/broken-yaml.mdx', `title: apk basics: add\n${REQUIRED}`);

describe('docEntriesFromFiles', () => {
	it('reads each guide whose front matter passes the schema, with the id the content layer gives it', () => {
		const entries = docEntriesFromFiles(root);
		expect(entries.map((entry) => entry.id)).toEqual(['wolfi/apk-basics', 'wolfi/index', 'wolfi/not-yet']);
		const [apk] = entries;
		// Parsed by the schema, defaults included, as the content layer stores it.
		expect(apk!.data).toMatchObject({ title: 'apk basics: add, del, search', draft: false, tags: [] });
		expect(apk!.data.sidebar).toBeDefined();
		expect(apk!.filePath).toBe(join(root, 'wolfi/apk-basics.mdx'));
	});
});

describe('guideSocialCardsFromFiles', () => {
	it("gives each published guide its card, under the titles of its folders' pages; drafts have none", () => {
		expect(guideSocialCardsFromFiles(root)).toEqual([
			{ href: '/wolfi/apk-basics/', card: { title: 'apk basics: add, del, search', section: 'Wolfi overview' } },
			{ href: '/wolfi/', card: { title: 'Wolfi overview', section: 'Supply Chain Academy' } },
		]);
	});
});
