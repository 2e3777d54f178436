import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/site.ts';

/** The pages held to the budgets: a long guide, and the home page with its cards and search field. */
const PAGES = [
	['article', 'software-supply-chain/sboms/index.html'],
	['home page', 'index.html'],
] as const;
const JS_BUDGET = 6 * 1024;
const CSS_BUDGET = 12 * 1024;

const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length;

/** A module and every module it imports statically (dynamic import() loads later and is not counted). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const source = readFileSync(join(DIST, entry), 'utf8');
	for (const match of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
		moduleGraph(new URL(match[1]!, `https://x${entry}`).pathname, seen);
	}
	return seen;
}

for (const [name, file] of PAGES) {
	describe(`size budgets of the ${name} (gzip)`, () => {
		const html = readFileSync(join(DIST, file), 'utf8');

		it(`loads at most ${JS_BUDGET} bytes of JavaScript before search is opened`, () => {
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
			const entries = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
			const modules = new Set(entries.flatMap((entry) => [...moduleGraph(entry)]));
			const total =
				gzipSize(inline) + [...modules].reduce((sum, module) => sum + gzipSize(readFileSync(join(DIST, module), 'utf8')), 0);
			console.log(
				`${name} JavaScript: ${total} B gzip (inline ${gzipSize(inline)} B, ${modules.size} module(s): ${[...modules].join(', ')})`,
			);
			expect(modules.size + inline.length).toBeGreaterThan(0);
			expect(total).toBeLessThanOrEqual(JS_BUDGET);
		});

		it(`loads at most ${CSS_BUDGET} bytes of CSS`, () => {
			const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
			const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
			const total = gzipSize(inline) + sheets.reduce((sum, sheet) => sum + gzipSize(readFileSync(join(DIST, sheet), 'utf8')), 0);
			console.log(`${name} CSS: ${total} B gzip (inline ${gzipSize(inline)} B, ${sheets.length} stylesheet(s))`);
			expect(total).toBeGreaterThan(1000);
			expect(total).toBeLessThanOrEqual(CSS_BUDGET);
		});
	});
}
