import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAnnotation, formatProblem, formatSummary } from '../../../src/checks/format.ts';
import { DEMO_IMAGE_NAMES, loadImageNames } from '../../../src/checks/site.ts';
import { docPathForFile } from '../../../src/lib/routes.ts';
import type { Problem } from '../../../src/checks/types.ts';
import { FIXTURE_ROOT } from './helpers.ts';

describe('routes', () => {
	it.each([
		['open-source/wolfi/overview.mdx', '/open-source/wolfi/overview/'],
		['open-source/wolfi/index.mdx', '/open-source/wolfi/'],
		['container-images/guide.md', '/container-images/guide/'],
		['index.mdx', '/'],
	])('%s is published at %s', (file, route) => {
		expect(docPathForFile(file)).toBe(route);
	});
});

describe('image names', () => {
	let directory: string | undefined;
	afterEach(() => {
		if (directory) rmSync(directory, { recursive: true, force: true });
	});

	it('reads the name of each repository file of the snapshot and skips the metadata file', () => {
		expect(loadImageNames(path.join(FIXTURE_ROOT, 'content', 'images'))).toEqual(['nginx', 'wolfi-base']);
	});

	it('falls back to the demo names while no snapshot exists', () => {
		directory = mkdtempSync(path.join(tmpdir(), 'images-'));
		writeFileSync(path.join(directory, 'metadata.json'), '{"schemaVersion":1}');
		expect(loadImageNames(directory)).toEqual([...DEMO_IMAGE_NAMES]);
	});
});

describe('output', () => {
	const problem: Problem = {
		file: 'content/docs/a, b.mdx',
		line: 3,
		column: 7,
		rule: 'links',
		severity: 'error',
		message: 'Nothing is published at /x/.',
		hint: 'Did you mean /y/?',
	};

	it('prints path:line:column, rule, message and hint', () => {
		expect(formatProblem(problem)).toBe('content/docs/a, b.mdx:3:7  links  Nothing is published at /x/.  (Did you mean /y/?)');
	});

	it('writes GitHub annotations with escaped properties, warnings as ::warning', () => {
		expect(formatAnnotation(problem)).toBe(
			'::error file=content/docs/a%2C b.mdx,line=3,col=7,title=links::Nothing is published at /x/. Did you mean /y/?',
		);
		expect(formatAnnotation({ ...problem, severity: 'warning', hint: undefined, message: '50%\nmore' })).toBe(
			'::warning file=content/docs/a%2C b.mdx,line=3,col=7,title=links::50%25%0Amore',
		);
	});

	it('sums up errors and warnings', () => {
		expect(formatSummary([problem, { ...problem, severity: 'warning' }], 1)).toBe('1 file checked: 1 error, 1 warning.');
	});
});
