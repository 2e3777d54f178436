import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docPath } from '../../src/lib/routes.ts';
import { startSite, type SiteHarness } from '../helpers/site.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** The learning paths as content/paths.yaml writes them: the order the pages must follow. */
const paths = parse(readFileSync('content/paths.yaml', 'utf8')) as { id: string; title: string; guides: string[] }[];

/** A guide that two paths lead through, so it shows both; and the first path it is in. */
const shared = paths.flatMap((path) => path.guides).find((guide, index, all) => all.indexOf(guide) !== index)!;
const [firstPath, secondPath] = paths.filter((path) => path.guides.includes(shared));

/** The paths of the links a locator finds, in page order. */
const linkPaths = (links: Locator) =>
	links.evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLAnchorElement).href).pathname));

describe('learning path pages', () => {
	it('list every path, and each path its guides in the order of content/paths.yaml', async () => {
		const page = await site.open('/paths/');
		expect(await page.locator('main h2 a').allTextContents()).toEqual(paths.map((path) => path.title));
		for (const path of paths.slice(0, 3)) {
			await page.goto(`${site.url}/paths/${path.id}/`);
			expect(await page.locator('h1').textContent()).toBe(path.title);
			expect(await linkPaths(page.locator('.path-steps li > a')), path.id).toEqual(path.guides.map(docPath));
		}
		site.release(page);
	});

	it('render the paths of a section on its landing page, from the same data', async () => {
		const page = await site.open('/container-images/');
		const expected = paths.filter((path) => path.guides.some((guide) => guide.startsWith('container-images/')));
		expect(await page.locator('.section-paths .path-card-title').allTextContents()).toEqual(expected.map((path) => path.title));
		const firstSteps = page.locator('.section-paths .path-card').first().locator('.path-steps li > a');
		expect(await linkPaths(firstSteps)).toEqual(expected[0]!.guides.map(docPath));
		site.release(page);
	});
});

describe('a guide in a learning path', () => {
	it('says "Part N of M" of each path it is in, with the next step', async () => {
		const page = await site.open(docPath(shared));
		const parts = await page.locator('.path-parts .path-part').allTextContents();
		const expected = [firstPath!, secondPath!].map(
			(path) => `Part ${path.guides.indexOf(shared) + 1} of ${path.guides.length} of ${path.title}`,
		);
		expect(parts.map((part) => part.replace(/\s+/g, ' ').trim())).toEqual(expected);
		const next = await linkPaths(page.locator('.path-next-link'));
		expect(next[0]).toBe(docPath(firstPath!.guides[firstPath!.guides.indexOf(shared) + 1]!));
		site.release(page);
	});

	it('says when it is the last part, with no next step', async () => {
		const path = paths[0]!;
		const page = await site.open(docPath(path.guides.at(-1)!));
		const box = page.locator('.path-next-path', { hasText: path.title });
		expect(await box.locator('.path-next-link').count()).toBe(0);
		expect(await box.locator('.path-next-end').textContent()).toContain('last guide of the path');
		site.release(page);
	});

	it('keeps progress across reloads and pages, in localStorage only', async () => {
		const path = firstPath!;
		const page = await site.open(docPath(shared));
		// Whatever the page loads by itself is done before the reader marks anything.
		await page.waitForLoadState('networkidle');
		const requests: string[] = [];
		// Except the favicon: Chromium fetches it itself after the load event, on a busy machine even after the network
		// went quiet (seen in CI). That request is the browser's, not the progress script's, so it is not counted.
		page.on('request', (request) => {
			if (new URL(request.url()).pathname !== '/favicon.svg') requests.push(request.url());
		});
		const checkbox = page.getByRole('checkbox', { name: 'Mark this guide as read' });
		await checkbox.check();
		expect(requests).toEqual([]);
		expect(await page.evaluate(() => localStorage.getItem('academy-read-guides'))).toBe(JSON.stringify([docPath(shared)]));
		await page.reload();
		expect(await checkbox.isChecked()).toBe(true);
		expect(await page.locator('.path-next-path').first().locator('[data-progress-text]').textContent()).toBe(
			`1 of ${path.guides.length} read`,
		);

		await page.goto(`${site.url}/paths/${path.id}/`);
		expect(await page.locator('main > .path-progress [data-progress-text]').textContent()).toBe(
			`1 of ${path.guides.length} read`,
		);
		const step = page.locator(`.path-steps li[data-step-guide="${docPath(shared)}"]`);
		expect(await step.getAttribute('data-read')).toBe('');
		const stepBox = step.getByRole('checkbox');
		expect(await stepBox.isChecked()).toBe(true);
		await stepBox.uncheck();
		await page.reload();
		expect(await page.locator('main > .path-progress [data-progress-text]').textContent()).toBe(
			`0 of ${path.guides.length} read`,
		);
		expect(await step.getAttribute('data-read')).toBeNull();
		site.release(page);
	});

	it('shows no progress controls without JavaScript, and the path still reads in order', async () => {
		const page = await site.open(`/paths/${paths[0]!.id}/`, { javaScriptEnabled: false });
		expect(await page.locator('[data-read-control]').first().isVisible()).toBe(false);
		expect(await page.locator('.path-progress').first().isVisible()).toBe(false);
		expect(await page.locator('.path-steps li > a').count()).toBe(paths[0]!.guides.length);
		site.release(page);
	});
});
