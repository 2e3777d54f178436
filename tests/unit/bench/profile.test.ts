import { describe, expect, it } from 'vitest';
import { partOf, selfTimeByPart, timeByActivity, type CpuProfile } from '../../../scripts/bench/profile.ts';

const frame = (url: string, functionName = 'f') => ({ url, functionName });

describe('CPU profile summary', () => {
	it('names the package, scoped package, project folder, Node or V8 pseudo frame a frame belongs to', () => {
		expect(partOf(frame('file:///p/node_modules/shiki/dist/core.mjs'))).toBe('shiki');
		expect(partOf(frame('file:///p/node_modules/@shikijs/core/dist/index.mjs'))).toBe('@shikijs/core');
		expect(partOf(frame('file:///p/node_modules/astro/node_modules/vite/dist/node/chunk.js'))).toBe('vite');
		expect(partOf(frame('file:///p/src/markdown/highlight.ts'))).toBe('src/markdown');
		expect(partOf(frame('file:///p/scripts/bench/corpus.ts'))).toBe('scripts/bench');
		expect(partOf(frame('node:internal/fs/promises'))).toBe('Node.js');
		expect(partOf(frame('', '(garbage collector)'))).toBe('V8 garbage collection');
		expect(partOf(frame('', '(program)'))).toBe('native code (Rust bindings, V8)');
		expect(partOf(frame('', '(idle)'))).toBe('idle (waiting for I/O or children)');
		expect(partOf(frame('file:///elsewhere.js'))).toBe('other');
		expect(partOf(frame('', 'RegExp: (?:(null|Null)|([Yy]|yes))'))).toBe('V8 RegExp');
	});

	it('adds the time before each sample to the part of the sampled frame, over several profiles, largest first', () => {
		const profile: CpuProfile = {
			nodes: [
				{ id: 1, callFrame: frame('', '(root)') },
				{ id: 2, callFrame: frame('file:///p/node_modules/shiki/x.mjs') },
				{ id: 3, callFrame: frame('file:///p/node_modules/satteri/y.js') },
			],
			samples: [2, 3, 2, 2],
			timeDeltas: [1000, 5000, 2000, 500],
		};
		const worker: CpuProfile = {
			nodes: [{ id: 7, callFrame: frame('file:///p/node_modules/satteri/z.js') }],
			samples: [7],
			timeDeltas: [250],
		};
		expect(selfTimeByPart([profile, worker])).toEqual([
			{ part: 'satteri', ms: 5.25 },
			{ part: 'shiki', ms: 3.5 },
		]);
	});

	it('counts a sample for the innermost activity on its stack, and GC and idle as themselves', () => {
		// root > vite plugin > our highlight > shiki; root > vite plugin > satteri; GC and idle at the top.
		const profile: CpuProfile = {
			nodes: [
				{ id: 1, callFrame: frame('', '(root)'), children: [2, 6, 7] },
				{ id: 2, callFrame: frame('file:///p/node_modules/vite/dist/node.js'), children: [3, 5] },
				{ id: 3, callFrame: frame('file:///p/src/markdown/highlight.ts'), children: [4] },
				{ id: 4, callFrame: frame('file:///p/node_modules/@shikijs/core/dist/index.mjs') },
				{ id: 5, callFrame: frame('file:///p/node_modules/satteri/dist/compile.js') },
				{ id: 6, callFrame: frame('', '(garbage collector)') },
				{ id: 7, callFrame: frame('file:///p/node_modules/unknown/x.js') },
			],
			samples: [4, 3, 5, 2, 6, 7],
			timeDeltas: [4000, 1000, 3000, 2000, 500, 250],
		};
		expect(timeByActivity([profile])).toEqual([
			{ part: 'highlighting (Shiki, our cache)', ms: 5 },
			{ part: 'Markdown/MDX compile (Sätteri)', ms: 3 },
			{ part: 'bundling (Rolldown, Vite)', ms: 2 },
			{ part: 'V8 garbage collection', ms: 0.5 },
			{ part: 'other', ms: 0.25 },
		]);
	});
});
