import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageIndex } from '../../src/images/queries.ts';
import { readSnapshot } from '../../src/images/snapshot.ts';
import { compareText } from '../../src/lib/compare.ts';
import { idFromName } from '../../src/lib/html.ts';
import { docPathForFile } from '../../src/lib/routes.ts';
import { startSite, type SiteHarness } from '../helpers/site.ts';
import { withClipboard } from '../helpers/clipboard.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const ARTICLE = '/software-supply-chain/sboms/';

/** Pick a word that appears in the body of exactly one guide and nowhere in any title or description. */
function wordOnlyInOneBody(): { word: string; href: string } {
	const files = readdirSync('content/docs', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
	const bodies = new Map<string, string>();
	let frontMatter = '';
	for (const file of files) {
		const source = readFileSync(join('content/docs', file), 'utf8');
		const match = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
		frontMatter += match[1]!.toLowerCase();
		// Prose only: code blocks and JSX attributes are not reliable search text.
		bodies.set(
			file,
			match[2]!
				.replace(/```[\s\S]*?```/g, ' ')
				.replace(/<[^>]+>/g, ' ')
				.toLowerCase(),
		);
	}
	const owners = new Map<string, Set<string>>();
	for (const [file, body] of bodies) {
		for (const word of body.match(/\b[a-z]{9,14}\b/g) ?? []) {
			(owners.get(word) ?? owners.set(word, new Set()).get(word)!).add(file);
		}
	}
	// Pagefind stems words, so the word's stem must not occur anywhere else either.
	const stemElsewhere = (word: string, owner: string) =>
		frontMatter.includes(word.slice(0, 7)) ||
		[...bodies].some(([file, body]) => file !== owner && body.includes(word.slice(0, 7)));
	const candidates = [...owners].filter(([word, set]) => set.size === 1 && !stemElsewhere(word, [...set][0]!));
	const [word, set] = candidates.sort(([a], [b]) => compareText(a, b))[0]!;
	const file = [...set][0]!;
	return { word, href: docPathForFile(file) };
}

describe('search', () => {
	it('finds a guide by a word only in its body and opens it from the keyboard', async () => {
		const { word, href } = wordOnlyInOneBody();
		const page = await site.open('/');
		await page.keyboard.press('Control+k');
		const input = page.locator('#search-input');
		// The dialog's code and Pagefind load on first use; on a loaded machine that takes longer than poll's 1 s default,
		// so wait as long as Playwright's own waits below do.
		await expect.poll(() => input.evaluate((node) => node === document.activeElement), { timeout: 30_000 }).toBe(true);
		await input.fill(word);
		const first = page.locator('.search-results > li > a').first();
		await first.waitFor();
		expect(await first.getAttribute('href')).toBe(href);
		await page.keyboard.press('ArrowDown');
		expect(await first.evaluate((node) => node === document.activeElement)).toBe(true);
		await Promise.all([page.waitForURL(`${site.url}${href}`), page.keyboard.press('Enter')]);
		site.release(page);
	});

	it('opens with the button and "/" and closes with Escape, returning focus', async () => {
		const page = await site.open(ARTICLE);
		await page.click('[data-search-button]');
		const dialog = page.locator('dialog.search-dialog');
		await dialog.waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-button'))).toBe(true);
		await page.keyboard.press('/');
		await dialog.waitFor({ state: 'visible' });
		site.release(page);
	});

	it('links sub-results to sections of the page, never the page itself again', async () => {
		const page = await site.open('/');
		await page.click('[data-search-button]');
		await page.fill('#search-input', 'cosign');
		await page.locator('.search-subresults a').first().waitFor();
		const results = await page.locator('.search-results > li').evaluateAll((items) =>
			items.map((item) => ({
				page: item.querySelector<HTMLAnchorElement>(':scope > a')!.href,
				subs: [...item.querySelectorAll<HTMLAnchorElement>('.search-subresults a')].map((link) => link.href),
			})),
		);
		for (const { page: url, subs } of results) {
			for (const sub of subs) {
				expect(new URL(sub).hash, sub).not.toMatch(/^(#_top)?$/);
				expect(sub.split('#')[0], sub).toBe(url.split('#')[0]);
			}
		}
		site.release(page);
	});

	it('shows the package index entry first for a package name, linking to its row', async () => {
		// A package whose name contains "openssl", as the demo and real catalogs both ship one.
		const packages = [...packageIndex((await readSnapshot('content/images')).images).keys()].filter((name) =>
			name.includes('openssl'),
		);
		expect(packages.length).toBeGreaterThan(0);
		const page = await site.open('/');
		await page.click('[data-search-button]');
		await page.fill('#search-input', 'openssl');
		const first = page.locator('.search-results > li').first();
		await first.locator('.search-subresults a').first().waitFor();
		expect(new URL((await first.locator(':scope > a').getAttribute('href'))!, site.url).pathname).toBe('/images/packages/');
		const rows = await first.locator('.search-subresults a').evaluateAll((links) =>
			links.map((link) => ({
				hash: new URL((link as HTMLAnchorElement).href).hash,
				title: link.querySelector('.search-result-title')!.textContent,
			})),
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(packages).toContain(row.title);
			expect(row.hash).toBe(`#pkg-${idFromName(row.title!)}`);
		}
		site.release(page);
	});
});

describe('what a guide was checked against', () => {
	it('ends the guide with the sources, tool versions and review date of its front matter', async () => {
		const source = readFileSync('content/docs/software-supply-chain/sboms.mdx', 'utf8');
		const frontmatter = parse(source.split('\n---')[0]!.replace(/^---\n/, '')) as {
			sources: { url: string }[];
			testedWith: string[];
			reviewed: string;
		};
		const page = await site.open(ARTICLE);
		const note = page.locator('.doc-footer details.checked-against');
		const summary = (await note.locator('summary').textContent())!;
		expect(summary).toMatch(
			new RegExp(`^Checked against ${frontmatter.sources.length} sources, for .+, on \\d{1,2} \\w+ \\d{4}$`),
		);
		for (const tool of frontmatter.testedWith) expect(summary).toContain(tool);
		await note.locator('summary').click();
		const links = await note.locator('a').evaluateAll((nodes) =>
			nodes.map((node) => ({
				href: (node as HTMLAnchorElement).href,
				rel: node.getAttribute('rel'),
				visible: node.checkVisibility(),
			})),
		);
		expect(links).toEqual(frontmatter.sources.map(({ url }) => ({ href: url, rel: 'noopener noreferrer', visible: true })));
		site.release(page);
	});
});

describe('theme', () => {
	it('persists the choice across pages and sets data-theme before the body is parsed', async () => {
		const context = await site.newContext({ colorScheme: 'light' });
		const page = await context.newPage();
		await page.goto(`${site.url}/`);
		expect(await page.getAttribute('html', 'data-theme')).toBe('light');
		await page.selectOption('theme-select select', 'dark');
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		// Record the theme at the moment <body> appears, i.e. before anything can be painted.
		await page.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				(window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'unset';
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		await page.goto(`${site.url}${ARTICLE}`);
		expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
		expect(await page.inputValue('theme-select select')).toBe('dark');
		await context.close();
	});

	it('follows the system preference on auto', async () => {
		const page = await site.open('/', { colorScheme: 'dark' });
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		site.release(page);
	});
});

describe('code blocks', () => {
	it('copies a command without its prompt or output and announces it', async () => {
		await withClipboard(async () => {
			const page = await site.open(ARTICLE, { permissions: ['clipboard-read', 'clipboard-write'] });
			const figure = page.locator('figure.code-block.is-code').first();
			const button = figure.locator('button[data-copy]');
			await button.focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Copied');
			expect(await page.locator('[data-copy-status]').textContent()).toBe('Copied to clipboard');
			const clipboard = await page.evaluate(() => navigator.clipboard.readText());
			const shown = await figure.locator('pre').innerText();
			expect(clipboard.length).toBeGreaterThan(0);
			expect(shown).toContain(clipboard.split('\n')[0]!);
			expect(clipboard).not.toMatch(/^\$ /m);
			site.release(page);
		});
	});
});

describe('phone layout', () => {
	it('opens the menu, traps focus inside it and closes on Escape', async () => {
		const page = await site.open(ARTICLE, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const sidebar = page.locator('#sidebar');
		expect(await sidebar.isVisible()).toBe(false);
		const menu = page.locator('[data-menu-button]');
		await menu.click();
		expect(await menu.getAttribute('aria-expanded')).toBe('true');
		expect(await sidebar.isVisible()).toBe(true);
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const inside = await page.evaluate(() => {
				const active = document.activeElement;
				return !!active && (active.closest('#sidebar') !== null || active.hasAttribute('data-menu-button'));
			});
			expect(inside).toBe(true);
		}
		await page.keyboard.press('Escape');
		expect(await sidebar.isVisible()).toBe(false);
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		expect(await menu.evaluate((node) => node === document.activeElement)).toBe(true);
		site.release(page);
	});

	it('shows the table of contents as a collapsible bar', async () => {
		const page = await site.open(ARTICLE, { viewport: { width: 390, height: 844 } });
		expect(await page.locator('table-of-contents').isVisible()).toBe(false);
		const bar = page.locator('details.mobile-toc');
		expect(await bar.isVisible()).toBe(true);
		await bar.locator('summary').click();
		expect(await bar.locator('a').first().isVisible()).toBe(true);
		site.release(page);
	});

	it('keeps the copy button off the text of the first code line', async () => {
		const page = await site.open(ARTICLE, { viewport: { width: 390, height: 844 } });
		const overlaps = await page.locator('figure.code-block.is-code').evaluateAll((figures) =>
			// Blocks in closed tabs or details are not on screen, so their buttons have no place to compare.
			figures
				.filter((figure) => figure.checkVisibility())
				.map((figure) => {
					const button = figure.querySelector('button[data-copy]')!.getBoundingClientRect();
					const pre = figure.querySelector('pre')!.getBoundingClientRect();
					const range = document.createRange();
					range.selectNodeContents(figure.querySelector('.line')!);
					// The text of the first line as far as it shows: clipped by the scrolling <pre>.
					const text = range.getBoundingClientRect();
					const left = Math.max(text.left, pre.left);
					const right = Math.min(text.right, pre.right);
					const overlapX = Math.min(right, button.right) - Math.max(left, button.left);
					const overlapY = Math.min(text.bottom, button.bottom) - Math.max(text.top, button.top);
					return { button: button.width > 0, overlap: overlapX > 0 && overlapY > 0 };
				}),
		);
		expect(overlaps.length).toBeGreaterThan(2);
		expect(overlaps).toEqual(overlaps.map(() => ({ button: true, overlap: false })));
		site.release(page);
	});

	it('shows the whole site name in the header, beside the menu, search and theme controls', async () => {
		const page = await site.open(ARTICLE, { viewport: { width: 390, height: 844 } });
		const name = page.locator('.site-header .site-name');
		// Clipped text would leave the box smaller than its content (the name hides its overflow); the box's fractional
		// size is rounded up as scrollWidth and scrollHeight are.
		const size = await name.evaluate((node) => ({
			clippedX: node.scrollWidth > Math.ceil(node.getBoundingClientRect().width),
			clippedY: node.scrollHeight > Math.ceil(node.getBoundingClientRect().height),
			right: node.getBoundingClientRect().right,
			searchLeft: document.querySelector('.site-header [data-search-button]')!.getBoundingClientRect().left,
		}));
		expect(size.clippedX, 'the name is cut off sideways').toBe(false);
		expect(size.clippedY, 'the name is cut off below').toBe(false);
		expect(size.right).toBeLessThanOrEqual(size.searchLeft);
		expect(await name.textContent()).toBe('Supply Chain Academy');
		site.release(page);
	});

	it('names the header search button for screen readers', async () => {
		const page = await site.open(ARTICLE, { viewport: { width: 390, height: 844 } });
		const button = page.getByRole('button', { name: 'Search', exact: true });
		expect(await button.isVisible()).toBe(true);
		// The label is clipped to a pixel, out of sight, but stays the button's name.
		expect((await page.locator('.site-header .search-label').boundingBox())!.width).toBeLessThanOrEqual(1);
		site.release(page);
	});
});

describe('table of contents', () => {
	it('scrolls to the heading of a link and marks it as current', async () => {
		const page = await site.open(ARTICLE);
		const links = page.locator('table-of-contents a');
		const link = links.nth(Math.floor((await links.count()) / 2));
		const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
		await link.click();
		await expect
			.poll(() => page.evaluate((target) => Math.round(document.getElementById(target)!.getBoundingClientRect().top), id))
			.toBeLessThan(120);
		expect(page.url()).toContain(`#${id}`);
		await expect.poll(() => page.locator('table-of-contents a[aria-current="true"]').count()).toBe(1);
		site.release(page);
	});
});
