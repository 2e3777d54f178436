import { describe, expect, it } from 'vitest';
import { buildToc } from '../../../src/lib/toc.ts';

const h = (depth: number, slug: string) => ({ depth, slug, text: slug });

describe('table of contents', () => {
	it('nests h3 under h2 and ignores other levels', () => {
		const toc = buildToc([h(1, 'title'), h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(4, 'deep'), h(2, 'b')]);
		expect(toc.map((item) => [item.slug, item.children.map((child) => child.slug)])).toEqual([
			['a', ['a1', 'a2']],
			['b', []],
		]);
	});

	it('keeps a heading that skips a level under the nearest shallower one', () => {
		const toc = buildToc([h(2, 'a'), h(4, 'a-deep'), h(3, 'a1')], 2, 4);
		expect(toc[0]!.children.map((child) => child.slug)).toEqual(['a-deep', 'a1']);
	});

	it('starts a new top-level entry for an h3 before any h2', () => {
		expect(buildToc([h(3, 'orphan'), h(2, 'a')]).map((item) => item.slug)).toEqual(['orphan', 'a']);
	});
});
