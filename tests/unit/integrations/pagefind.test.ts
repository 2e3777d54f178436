import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFingerprint } from '../../../src/integrations/pagefind.ts';

const dir = mkdtempSync(join(tmpdir(), 'academy-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('search index reuse', () => {
	it('fingerprints the HTML only, so the index is reused exactly when no page changed', () => {
		mkdirSync(join(dir, 'a'));
		writeFileSync(join(dir, 'index.html'), '<h1>Home</h1>');
		writeFileSync(join(dir, 'a/index.html'), '<h1>A</h1>');
		const first = htmlFingerprint(dir, '1.6.0');
		writeFileSync(join(dir, 'style.css'), 'body{}');
		expect(htmlFingerprint(dir, '1.6.0')).toBe(first);
		expect(htmlFingerprint(dir, '1.7.0')).not.toBe(first);
		writeFileSync(join(dir, 'a/index.html'), '<h1>A, edited</h1>');
		expect(htmlFingerprint(dir, '1.6.0')).not.toBe(first);
	});
});
