import { describe, expect, it } from 'vitest';
import { degradeImageLinks, missingImagesIn } from '../../../src/lib/image-links.ts';
import { linkedImage } from '../../../src/lib/routes.ts';

describe('linkedImage', () => {
	it('names the image of an image page link, with or without a fragment, and nothing else', () => {
		expect(linkedImage('/images/python/')).toBe('python');
		expect(linkedImage('/images/python/#pull')).toBe('python');
		for (const other of ['/images/', '/images/packages/', '/images/python', '/container-images/', 'https://x.org/images/a/']) {
			expect(linkedImage(other), other).toBeNull();
		}
	});
});

describe('degradeImageLinks', () => {
	const html =
		'<p>Use <a href="/images/python/"><code>python</code></a> or <a href="/images/static/#pull" class="x">static</a>, ' +
		'see <a href="/images/packages/">packages</a> and <a href="/containers/">a guide</a>.</p>' +
		'<div class="card"><a href="/images/node/"><span>node</span> &amp; more</a></div>';

	it('turns links to images the catalog lacks into their text, and leaves every other byte alone', () => {
		const { html: out, missing } = degradeImageLinks(html, new Set(['static']));
		expect(missing).toEqual(['python', 'node']);
		expect(out).toBe(
			'<p>Use <span class="missing-image" data-missing-image="python"><code>python</code></span> or <a href="/images/static/#pull" class="x">static</a>, ' +
				'see <a href="/images/packages/">packages</a> and <a href="/containers/">a guide</a>.</p>' +
				'<div class="card"><span class="missing-image" data-missing-image="node"><span>node</span> &amp; more</span></div>',
		);
		expect(missingImagesIn(out)).toEqual(['python', 'node']);
	});

	it('returns the same string when every linked image is there', () => {
		const result = degradeImageLinks(html, new Set(['python', 'static', 'node']));
		expect(result).toEqual({ html, missing: [] });
		expect(missingImagesIn(html)).toEqual([]);
	});

	it('leaves a link alone when its path is no image name', () => {
		const { html: out } = degradeImageLinks('<a href="/images/a&quot;b/">x</a>', new Set());
		expect(out).toBe('<a href="/images/a&quot;b/">x</a>');
	});
});
