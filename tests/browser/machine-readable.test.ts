import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast, type MdastNode } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogDocumentSchema, imageDocumentSchema, packagesDocumentSchema } from '../../src/page-models/image-data.ts';
import { siteConfig } from '../../src/site.config.ts';
import { DIST, startSite, type SiteHarness } from '../helpers/site.ts';
import { withClipboard } from '../helpers/clipboard.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** The path of a site URL as published, e.g. https://supplychainacademy.dev/a.md → /a.md. */
const localPath = (url: string) => (url.startsWith(siteConfig.url) ? url.slice(siteConfig.url.length) : url);

/** Every `[title](url)` of an llms.txt file list, in order. */
const listedLinks = (text: string) =>
	[...text.matchAll(/^- \[(.+?)\]\((\S+?)\)/gm)].map((match) => ({ title: match[1]!, url: match[2]! }));

/** URL paths of the guide pages in dist/ (every index.html below a section, without the generated pages). */
function guidePages(): string[] {
	const generated = /^(images|paths|tags|search|contribute|og|pagefind|_astro)(\/|$)/;
	return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('/index.html') && !generated.test(file))
		.map((file) => `/${file.slice(0, -'index.html'.length)}`)
		.filter((href) => !readFileSync(join(DIST, href, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
		.sort();
}

/** What a twin should not contain: directives, or HTML that looks like a component (`<Callout …>`). */
function componentLeftovers(markdown: string): string[] {
	const found: string[] = [];
	const visit = (node: MdastNode) => {
		if (node.type === 'containerDirective' || node.type === 'leafDirective') found.push(`:::${node.name}`);
		if (node.type === 'html' && /^<\/?[A-Z]/.test(node.value)) found.push(node.value);
		for (const child of (node as { children?: MdastNode[] }).children ?? []) visit(child);
	};
	visit(markdownToMdast(markdown, { features: { directive: true } }));
	return found;
}

describe('llms.txt, llms-full.txt and the Markdown twins', () => {
	it('serves llms.txt with every guide’s twin, each link answering 200 with Markdown', async () => {
		const response = await fetch(`${site.url}/llms.txt`);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text.startsWith(`# ${siteConfig.title}\n\n> `), 'h1 and blockquote first').toBe(true);
		const links = listedLinks(text);
		const twins = links.filter((link) => link.url.endsWith('.md')).map((link) => localPath(link.url));
		const expected = guidePages().map((href) => `${href.slice(0, -1)}.md`);
		expect([...twins].sort()).toEqual(expected);
		const failing: string[] = [];
		for (const link of links) {
			const answer = await fetch(`${site.url}${localPath(link.url)}`);
			if (answer.status !== 200) failing.push(`${link.url}: ${answer.status}`);
			else if (link.url.endsWith('.md') && !(await answer.text()).startsWith('# ')) failing.push(`${link.url}: no h1 first`);
		}
		expect(failing).toEqual([]);
	});

	it('publishes each twin as Markdown with no component, import or directive left in it', async () => {
		const leftovers: string[] = [];
		for (const href of guidePages()) {
			const twinFile = join(DIST, `${href.slice(0, -1)}.md`);
			if (!existsSync(twinFile)) {
				leftovers.push(`${href}: no twin`);
				continue;
			}
			const markdown = readFileSync(twinFile, 'utf8');
			leftovers.push(...componentLeftovers(markdown).map((leftover) => `${href}: ${leftover}`));
			if (/^import\s.*from\s/m.test(markdown.replace(/```[\s\S]*?```/g, ''))) leftovers.push(`${href}: import line`);
		}
		expect(leftovers).toEqual([]);
	});

	it('puts every twin into llms-full.txt, in the order llms.txt lists them', async () => {
		const [index, full] = await Promise.all(
			['/llms.txt', '/llms-full.txt'].map((path) => fetch(`${site.url}${path}`).then((r) => r.text())),
		);
		const twins = listedLinks(index!)
			.filter((link) => link.url.endsWith('.md'))
			.map((link) => readFileSync(join(DIST, localPath(link.url)), 'utf8'));
		const positions = twins.map((twin) => full!.indexOf(twin));
		expect(positions.filter((position) => position === -1).length, 'twins missing from llms-full.txt').toBe(0);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
	});

	it('serves twins as text/markdown', async () => {
		const [first] = guidePages();
		const response = await fetch(`${site.url}${first!.slice(0, -1)}.md`);
		expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
	});
});

/** A guide page (not a section page) that exists in dist/, for the page-level checks. */
const GUIDE = '/container-images/non-root-users/';

describe('"View as Markdown" and "Copy page" on a guide', () => {
	it('links the twin, which starts with the page’s own title', async () => {
		const page = await site.open(GUIDE);
		const title = (await page.locator('main h1').innerText()).trim();
		const link = page.getByRole('link', { name: 'View as Markdown' });
		expect(await link.getAttribute('href')).toBe('/container-images/non-root-users.md');
		const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('.md')), link.click()]);
		expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
		expect((await response.text()).split('\n')[0]).toBe(`# ${title}`);
		site.release(page);
	});

	it('copies the twin with the keyboard: Tab from the link to the button, Enter, and "Copied" is announced', async () => {
		await withClipboard(async () => {
			const page = await site.open(GUIDE, { permissions: ['clipboard-read', 'clipboard-write'] });
			const twin = await (await fetch(`${site.url}/container-images/non-root-users.md`)).text();
			await page.getByRole('link', { name: 'View as Markdown' }).focus();
			await page.keyboard.press('Tab');
			expect(await page.getByRole('button', { name: 'Copy page' }).isVisible()).toBe(true);
			// Located by class: its accessible name changes to "Copied" while the message shows.
			const button = page.locator('.page-copy');
			expect(await button.evaluate((node) => node === document.activeElement), 'the button takes focus after the link').toBe(
				true,
			);
			await page.keyboard.press('Enter');
			await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Copied');
			expect(await page.locator('[data-copy-status]').textContent()).toBe('Copied to clipboard');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twin);
			// The label comes back, so the button can be used again.
			await expect.poll(() => button.textContent(), { timeout: 5_000 }).toBe('Copy page');
			site.release(page);
		});
	});

	it('reveals the button without moving anything: same boxes with and without JavaScript, no layout shift', async () => {
		const boxes = async (javaScriptEnabled: boolean) => {
			const page = await site.open(GUIDE, { javaScriptEnabled });
			const measured = await page.evaluate(() =>
				['.page-meta', '.page-copy', '.prose'].map((selector) => {
					const box = document.querySelector(selector)!.getBoundingClientRect();
					// Only where the text starts: without JavaScript every tab panel shows, so the text is taller.
					return selector === '.prose'
						? { selector, x: box.x, y: box.y }
						: { selector, x: box.x, y: box.y, width: box.width, height: box.height };
				}),
			);
			const visibility = await page.locator('.page-copy').evaluate((node) => getComputedStyle(node).visibility);
			site.release(page);
			return { measured, visibility };
		};
		const without = await boxes(false);
		const withScript = await boxes(true);
		expect(without.visibility, 'without JavaScript the button does nothing, so it is not shown').toBe('hidden');
		expect(withScript.visibility).toBe('visible');
		expect(withScript.measured).toEqual(without.measured);

		const page = await site.open(GUIDE);
		const shifts = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					let total = 0;
					new PerformanceObserver((list) => {
						for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
					}).observe({ type: 'layout-shift', buffered: true });
					setTimeout(() => resolve(total), 500);
				}),
		);
		expect(shifts, 'cumulative layout shift while the page loads').toBe(0);
		site.release(page);
	});
});

/** The local path of an absolute site URL in dist/. */
const distFile = (url: string) => join(DIST, localPath(url));

describe('social cards', () => {
	for (const path of [GUIDE, '/images/nginx/']) {
		it(`gives ${path} a 1200×630 PNG card with alt text and a large summary card`, async () => {
			const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
			const meta = (property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];
			const image = meta('og:image');
			expect(image, 'og:image').toBe(`${siteConfig.url}/og${path.slice(0, -1)}.png`);
			expect(meta('twitter:image')).toBe(image);
			expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:type')]).toEqual(['1200', '630', 'image/png']);
			expect(meta('og:image:alt')).toMatch(/\S.*Supply Chain Academy$/);
			expect(meta('twitter:card')).toBe('summary_large_image');
			const png = readFileSync(distFile(image!));
			expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'PNG size from its IHDR chunk').toEqual([1200, 630]);
		});
	}

	it('keeps the small summary card on pages without a social card', () => {
		const html = readFileSync(join(DIST, 'tags/index.html'), 'utf8');
		expect(html).toContain('<meta name="twitter:card" content="summary">');
		expect(html).not.toContain('og:image');
	});
});

describe('image data as JSON', () => {
	const getJson = async (path: string) => {
		const response = await fetch(`${site.url}${path}`);
		expect(response.status, path).toBe(200);
		expect(response.headers.get('content-type'), path).toBe('application/json');
		return response.json();
	};

	it('serves the catalog, and each image’s file it links, in the published formats', async () => {
		const catalog = catalogDocumentSchema.parse(await getJson('/images/index.json'));
		const pages = readdirSync(join(DIST, 'images'), { withFileTypes: true })
			.filter(
				(entry) => entry.isDirectory() && existsSync(join(DIST, 'images', entry.name, 'index.html')) && entry.name !== 'packages',
			)
			.map((entry) => entry.name)
			.sort();
		expect(catalog.images.map((image) => image.name)).toEqual(pages);
		for (const entry of catalog.images) {
			const document = imageDocumentSchema.parse(await getJson(localPath(entry.data)));
			expect(document.image.name).toBe(entry.name);
			expect(document.page).toBe(entry.page);
			expect(document.image.tags).toEqual(entry.tags);
			expect(existsSync(join(DIST, localPath(entry.page), 'index.html')), entry.page).toBe(true);
		}
	});

	it('lists in packages.json the same packages as the package index page', async () => {
		const packages = packagesDocumentSchema.parse(await getJson('/images/packages.json'));
		const html = readFileSync(join(DIST, 'images/packages/index.html'), 'utf8');
		const rows = [...html.matchAll(/<th scope="row"[^>]*><bdi>([^<]+)<\/bdi>/g)].map((match) => match[1]);
		expect(packages.packages.map((entry) => entry.name)).toEqual(rows);
		expect(packages.source.demo, 'the demo snapshot says it is demo data').toBe(true);
	});
});
