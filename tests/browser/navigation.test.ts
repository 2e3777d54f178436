import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ImageRepository } from '../../src/images/model.ts';
import { packageIndex } from '../../src/images/queries.ts';
import { readSnapshot } from '../../src/images/snapshot.ts';
import { sections } from '../../src/site.config.ts';
import { startSite, type SiteHarness } from '../helpers/site.ts';

/** The catalog the image pages and the home page figures are built from. */
const images: ImageRepository[] = (await readSnapshot('content/images')).images;
let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** Published guides of a section, counted from the files: landing pages and drafts left out. */
function guidesIn(section: string): number {
	const folder = join('content/docs', section);
	return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
		(file) =>
			/\.mdx?$/.test(file) &&
			!/(^|\/)index\.mdx?$/.test(file) &&
			!/^draft: true$/m.test(readFileSync(join(folder, file), 'utf8').split('\n---')[0]!),
	).length;
}

describe('home page', () => {
	it('shows the sections with their guide counts, the paths in order and the catalog figures', async () => {
		const page = await site.open('/');
		const cards = page.locator('.home-sections > li');
		const guideSections = sections.filter((section) => section.path !== 'images');
		expect(await cards.locator('h3').allTextContents()).toEqual(guideSections.map((section) => section.label));
		expect(await cards.locator('.home-count').allTextContents()).toEqual(
			guideSections.map((section) => `${guidesIn(section.path)} guides`),
		);

		const paths = parse(readFileSync('content/paths.yaml', 'utf8')) as { title: string; guides: string[] }[];
		expect(await page.locator('.path-grid .path-card-title').allTextContents()).toEqual(paths.map((path) => path.title));
		expect(await page.locator('.path-grid .path-card').first().locator('.path-steps li').count()).toBeGreaterThan(0);

		const figures = Object.fromEntries(
			await page
				.locator('.home-figures > div')
				.evaluateAll((items) =>
					items.map((item) => [item.querySelector('dt')!.textContent, Number(item.querySelector('dd')!.textContent)]),
				),
		);
		expect(figures).toEqual({
			Images: images.length,
			'Tagged variants': images.reduce((sum, image) => sum + image.variants.length, 0),
			Packages: packageIndex(images).size,
		});
		site.release(page);
	});

	it('says the catalog is demo data when the snapshot is', async () => {
		const snapshot = JSON.parse(readFileSync('content/images/_snapshot.json', 'utf8')) as { demo: boolean };
		const page = await site.open('/');
		expect(await page.locator('.home-demo').count()).toBe(snapshot.demo ? 1 : 0);
		site.release(page);
	});

	it('draws the header logo and the favicon from the same mark', async () => {
		const page = await site.open('/');
		const drawing = (svg: string) => [...svg.matchAll(/\b(?:d|fill|rx)="([^"]*)"/g)].map((match) => match[1]);
		const inline = drawing(await page.locator('.site-title svg').innerHTML());
		const response = await page.request.get(`${site.url}/favicon.svg`);
		expect(response.headers()['content-type']).toBe('image/svg+xml');
		expect(inline.length).toBeGreaterThan(2);
		expect(drawing(await response.text())).toEqual(inline);
		site.release(page);
	});

	it('opens search from the headline field', async () => {
		const page = await site.open('/');
		await page.click('[data-search-button="field"]');
		await expect.poll(() => page.locator('#search-input').isVisible(), { timeout: 30_000 }).toBe(true);
		site.release(page);
	});
});

describe('image page sidebar', () => {
	it('lists every image, marks the current one and narrows the list with the filter', async () => {
		const page = await site.open('/images/python/');
		const sidebar = page.getByRole('navigation', { name: 'Images' });
		const links = sidebar.locator('.sidebar-images a');
		expect(await links.allTextContents()).toEqual(images.map((image) => image.name));
		expect(await sidebar.locator('[aria-current="page"]').textContent()).toBe('python');
		await sidebar.getByLabel('Filter images').fill('py');
		const shown = await links.evaluateAll((items) =>
			items.filter((item) => item.closest('li')!.hidden === false).map((item) => item.textContent),
		);
		expect(shown).toEqual(images.map((image) => image.name).filter((name) => name.includes('py')));
		await sidebar.getByLabel('Filter images').fill('no-such-image');
		expect(await sidebar.getByRole('status').textContent()).toBe('Nothing matches.');
		site.release(page);
	});

	it('points at the whole list when a windowed list has no match', async () => {
		// The real catalog fits the sidebar; a catalog over SIDEBAR_FOLDER_LIMIT ends its window with this link.
		// A context of its own, not site.open(): the route must apply to the page's first load.
		const context = await site.newContext();
		const page = await context.newPage();
		await page.route(`${site.url}/images/python/`, async (route) => {
			const response = await route.fetch();
			const html = await response.text();
			const list = html.indexOf('sidebar-images');
			const end = html.indexOf('</ul>', list);
			expect(list).toBeGreaterThan(0);
			const more = '<li class="sidebar-more"><a href="/images/">All 1,000 images</a></li>';
			await route.fulfill({ response, body: html.slice(0, end) + more + html.slice(end) });
		});
		await page.goto(`${site.url}/images/python/`);
		const sidebar = page.getByRole('navigation', { name: 'Images' });
		await sidebar.getByLabel('Filter images').fill('no-such-image');
		expect(await sidebar.getByRole('status').textContent()).toBe(
			'Nothing matches in this part of the list; see All 1,000 images.',
		);
		expect(await sidebar.getByRole('link', { name: 'All 1,000 images' }).isVisible()).toBe(true);
		await context.close();
	});

	it('folds into the menu on a phone', async () => {
		const page = await site.open('/images/python/', { viewport: { width: 390, height: 844 } });
		const sidebar = page.getByRole('navigation', { name: 'Images' });
		expect(await sidebar.isVisible()).toBe(false);
		await page.click('[data-menu-button]');
		expect(await sidebar.locator('[aria-current="page"]').isVisible()).toBe(true);
		site.release(page);
	});
});
