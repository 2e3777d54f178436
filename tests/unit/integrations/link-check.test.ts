import { describe, expect, it } from 'vitest';
import { missingImagesReport } from '../../../src/integrations/link-check.ts';
import { degradeImageLinks } from '../../../src/lib/image-links.ts';

describe('missingImagesReport', () => {
	it('lists each image shown without its link once, with the pages that mention it, in code-unit order', () => {
		const available = new Set(['webapp']);
		const page = (path: string, html: string) => ({ path, html: degradeImageLinks(html, available).html });
		const report = missingImagesReport([
			page('/b/', '<a href="/images/python/">python</a> <a href="/images/node/">node</a>'),
			page('/a/', '<a href="/images/python/#pull">python</a> <a href="/images/webapp/">webapp</a>'),
			page('/c/', '<p>nothing</p>'),
		]);
		expect(report).toEqual(['  node: /b/', '  python: /a/, /b/']);
		expect(missingImagesReport([{ path: '/', html: '<a href="/images/python/">python</a>' }])).toEqual([]);
	});
});
