import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAnnotation, formatCheckSummary, formatProblem } from '../../../src/checks/format.ts';
import { DEMO_IMAGE_NAMES, generatedRoutes, loadImageNames } from '../../../src/checks/site.ts';
import type { Problem } from '../../../src/checks/types.ts';
import { IMAGE_SCHEMA_VERSION } from '../../../src/images/model.ts';
import { FIXTURE_ROOT } from './helpers.ts';

describe('image names', () => {
	let directory: string | undefined;
	afterEach(() => {
		if (directory) rmSync(directory, { recursive: true, force: true });
	});

	it('reads the image names the snapshot metadata lists', async () => {
		expect(await loadImageNames(path.join(FIXTURE_ROOT, 'content', 'images'))).toEqual(['nginx', 'wolfi-base']);
	});

	it('falls back to the demo names while no snapshot exists', async () => {
		directory = mkdtempSync(path.join(tmpdir(), 'images-'));
		writeFileSync(path.join(directory, 'metadata.json'), '{"schemaVersion":1}');
		expect(await loadImageNames(directory)).toEqual([...DEMO_IMAGE_NAMES]);
	});

	it('refuses a snapshot whose metadata is invalid, naming the file', async () => {
		directory = mkdtempSync(path.join(tmpdir(), 'images-'));
		writeFileSync(path.join(directory, '_snapshot.json'), JSON.stringify({ schemaVersion: IMAGE_SCHEMA_VERSION }));
		await expect(loadImageNames(directory)).rejects.toThrow(/_snapshot\.json: field "registry"/);
	});
});

describe('generated routes', () => {
	it('derives the pages the site generates from its page templates', () => {
		const { routes, prefixes } = generatedRoutes();
		expect(routes).toEqual([
			'/',
			'/404.html',
			'/contribute/',
			'/favicon.svg',
			'/images/',
			'/images/index.json',
			'/images/packages.json',
			'/images/packages/',
			'/llms-full.txt',
			'/llms.txt',
			'/paths/',
			'/robots.txt',
			'/rss.xml',
			'/search/',
			'/sitemap-index.xml',
			'/tags/',
		]);
		expect(prefixes).toEqual(['/images/', '/og/', '/paths/', '/tags/']);
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
		expect(formatCheckSummary([problem, { ...problem, severity: 'warning' }], 1)).toBe('1 file checked: 1 error, 1 warning.');
	});
});
