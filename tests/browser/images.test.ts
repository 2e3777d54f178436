import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/images/snapshot.ts';
import type { ImageRepository } from '../../src/images/model.ts';
import { orderedVariants, packageIndex, variantPackages } from '../../src/images/queries.ts';
import { DEMO_SIGNING_POLICY } from '../../src/images/demo/registry.ts';
import { DIST, startSite, wcagViolations, type SiteHarness } from '../helpers/site.ts';
import { withClipboard } from '../helpers/clipboard.ts';

let site: SiteHarness;
let images: ImageRepository[];
beforeAll(async () => {
	site = await startSite();
	images = (await readSnapshot('content/images')).images;
});
afterAll(async () => {
	await site?.close();
});

/** Type into the search dialog and return the result links, in order. */
async function search(page: Page, term: string): Promise<string[]> {
	await page.click('[data-search-button]');
	await page.fill('#search-input', term);
	await page.locator('.search-results > li').first().waitFor();
	return page
		.locator('.search-results > li > a')
		.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('image catalog', () => {
	it('narrows the list with the filter box and toggles, and restores it', async () => {
		const page = await site.open('/images/');
		const visible = () => page.locator('[data-image-list] > li:visible').count();
		expect(await visible()).toBe(images.length);
		await page.fill('input[name="q"]', 'mariadb');
		expect(await page.locator('[data-image-list] > li:visible h2').allInnerTexts()).toEqual(['mariadb']);
		await page.fill('input[name="q"]', '');
		const singleArch = images.filter((image) =>
			image.variants.every((v) => v.platforms.every((p) => p.architecture !== 'arm64')),
		);
		await page.selectOption('select[name="arch"]', 'arm64');
		expect(await visible()).toBe(images.length - singleArch.length);
		expect(await page.locator('[data-status]').textContent()).toBe(
			`Showing ${images.length - singleArch.length} of ${images.length} images.`,
		);
		await page.selectOption('select[name="arch"]', '');
		await page.selectOption('select[name="shell"]', 'no');
		const noShell = images.filter((image) => orderedVariants(image)[0]!.platforms.every((p) => p.facts.hasShell.value === false));
		expect(await visible()).toBe(noShell.length);
		await page.selectOption('select[name="shell"]', '');
		expect(await visible()).toBe(images.length);
		site.release(page);
	});

	it('filters by the outcome of the signature check, counting each outcome', async () => {
		const page = await site.open('/images/');
		const visibleNames = () => page.locator('[data-image-list] > li:visible h2').allInnerTexts();
		const withStatus = (status: string) =>
			images.filter((image) => orderedVariants(image)[0]!.verification.status === status).map((image) => image.name);
		const verified = withStatus('verified');
		expect(verified.length, 'the demo signs almost every image').toBeGreaterThan(images.length / 2);
		await page.selectOption('select[name="signature"]', 'verified');
		expect((await visibleNames()).sort()).toEqual(verified.sort());
		await page.selectOption('select[name="signature"]', 'failed');
		expect(await visibleNames()).toEqual(withStatus('failed'));
		expect(withStatus('failed'), 'the demo has one image signed by another identity').toEqual(['jq']);
		expect(await page.locator('select[name="signature"] option[value="verified"]').innerText()).toBe(
			`Verified (${verified.length})`,
		);
		await page.selectOption('select[name="signature"]', '');
		expect(await visibleNames()).toHaveLength(images.length);
		site.release(page);
	});

	it('says on the catalog that the data is demo data, and how to build from real data', async () => {
		const page = await site.open('/images/');
		const notice = page.locator('[data-demo-notice]');
		expect(await notice.isVisible()).toBe(true);
		const text = await notice.innerText();
		expect(text).toContain('Demo data, not a real registry');
		expect(text).toMatch(/npm run images:sync/);
		site.release(page);
	});

	it('shows the full list without JavaScript', async () => {
		const page = await site.open('/images/', { javaScriptEnabled: false });
		expect(await page.locator('[data-image-list] > li:visible').count()).toBe(images.length);
		expect(await page.locator('[data-filters]').isVisible()).toBe(false);
		site.release(page);
	});
});

describe('image page', () => {
	it('shows the user, entrypoint and package count of the demo python image', async () => {
		const python = images.find((image) => image.name === 'python')!;
		const latest = orderedVariants(python)[0]!;
		const page = await site.open('/images/python/');
		const row = (label: string) =>
			page
				.locator('.spec-table tr', { has: page.locator(`th:text-is("${label}")`) })
				.locator('td')
				.first();
		expect(await row('User').innerText()).toBe(latest.platforms[0]!.config.user!);
		expect(await row('Entrypoint').innerText()).toBe(latest.platforms[0]!.config.entrypoint!.join('\n'));
		expect(await page.locator('#packages-latest + p').innerText()).toContain(`${variantPackages(latest)!.length} packages`);
		site.release(page);
	});

	it('copies the pull command of the public image, and pins no demo digest', async () => {
		await withClipboard(async () => {
			const page = await site.open('/images/static/', { permissions: ['clipboard-read', 'clipboard-write'] });
			const button = page.getByRole('button', { name: 'Copy pull command by tag' });
			await button.click();
			await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Copied');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('docker pull cgr.dev/chainguard/static:latest');
			expect(await page.getByRole('button', { name: 'Copy pull command by digest' }).count()).toBe(0);
			const digest = orderedVariants(images.find((image) => image.name === 'static')!)[0]!.digest;
			await page.getByRole('button', { name: 'Copy digest of latest', exact: true }).click();
			await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(digest);
			site.release(page);
		});
	});

	it('shows a Verified badge only for a verified signature, saying what, by whom, when and against which root', async () => {
		const page = await site.open('/images/python/');
		expect(await page.locator('.image-badges').innerText()).toContain('Verified');
		const latest = page.locator('#provenance-latest ~ [data-verification]').first();
		expect(await latest.getAttribute('data-verification')).toBe('verified');
		const text = await latest.innerText();
		expect(text).toContain('cosign signature (.sig tag)');
		expect(text).toContain(DEMO_SIGNING_POLICY.certificateIdentity);
		expect(text).toContain(DEMO_SIGNING_POLICY.certificateOidcIssuer);
		expect(text).toMatch(/Transparency log\s+entry \d+, logged \w{3} \d+, \d{4}/);
		expect(text).toMatch(/Trust root\s+demo \(sha256:[0-9a-f]{64}\)/);
		site.release(page);
	});

	it('shows a failed check with its reason and an unsigned variant as not signed, never as Verified', async () => {
		const page = await site.open('/images/jq/');
		expect(await page.locator('.image-badges').innerText()).toContain('Verification failed');
		expect(await page.locator('.image-badges').innerText()).not.toMatch(/\bVerified\b/);
		const failed = page.locator('[data-verification="failed"]');
		expect(await failed.count()).toBe(1);
		expect(await failed.innerText()).toMatch(/Signed by .*, but the policy expects .*\(reason identity-mismatch\)/s);
		const unsigned = page.locator('[data-verification="unsigned"]');
		expect(await unsigned.innerText()).toContain('Not signed');
		expect(await unsigned.innerText()).toContain('No signature or signed attestation refers to');
		site.release(page);
	});

	it('says on every image page that the data is demo data, and links the same data as JSON', async () => {
		// Every built page, from its HTML; one of them in the browser, where the notice must be visible and the link work.
		for (const image of images) {
			const html = readFileSync(join(DIST, 'images', image.name, 'index.html'), 'utf8');
			expect(html, image.name).toContain('data-demo-notice');
			expect(html, image.name).toMatch(new RegExp(`<a href="/images/${image.name}\\.json"[^>]*>View as JSON</a>`));
		}
		const page = await site.open('/images/python/');
		expect(await page.locator('[data-demo-notice]').isVisible()).toBe(true);
		expect(await page.locator('[data-demo-notice]').innerText()).toContain('Demo data, not a real registry');
		const [response] = await Promise.all([
			page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/images/python.json'),
			page.getByRole('link', { name: 'View as JSON' }).click(),
		]);
		expect(response.status()).toBe(200);
		expect(((await response.json()) as { image: { name: string } }).image.name).toBe('python');
		site.release(page);
	});

	it('says plainly what an image does not publish', async () => {
		const page = await site.open('/images/jq/');
		const text = await page.locator('main').innerText();
		expect(text).toContain('This variant publishes no SBOM, so its packages are unknown.');
		expect(text).toContain('This variant publishes no attestations.');
		expect(text).not.toMatch(/undefined|null|NaN/);
		site.release(page);
		const pytorch = await site.open('/images/pytorch/');
		expect(await pytorch.locator('main').innerText()).toContain('Single platform: linux/amd64.');
		site.release(pytorch);
	});

	it('fits a phone screen without sideways scrolling', async () => {
		for (const path of ['/images/', '/images/python/', '/images/packages/']) {
			const page = await site.open(path, { viewport: { width: 390, height: 844 } });
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
			site.release(page);
		}
	});
});

describe('searching images', () => {
	it('ranks an image page first for its name', async () => {
		const page = await site.open('/');
		expect((await search(page, 'redis'))[0]).toBe('/images/redis/');
		site.release(page);
	});

	it('finds the images that ship a package', async () => {
		// A package that a few images ship, so every one of them fits in the result list.
		const [name, owners] = [...packageIndex(images)].find(
			([pkg, entries]) => /^[a-z]{5,}$/.test(pkg) && entries.length >= 2 && entries.length <= 4,
		)!;
		const page = await site.open('/');
		const results = await search(page, name);
		for (const owner of owners) expect(results).toContain(`/images/${owner.image}/`);
		expect(results).toContain('/images/packages/');
		site.release(page);
	});
});

describe('accessibility of image pages (axe-core, WCAG 2.2 A/AA)', () => {
	for (const [path, colorScheme] of [
		['/images/', 'light'],
		['/images/', 'dark'],
		['/images/python/', 'light'],
		['/images/python/', 'dark'],
	] as const) {
		it(`has no violations on ${path} (${colorScheme})`, async () => {
			const page = await site.open(path, { colorScheme });
			expect(await wcagViolations(page)).toEqual([]);
			site.release(page);
		});
	}
});
