import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRepository } from '../../../src/images/model.ts';
import { serialize } from '../../../src/images/snapshot.ts';
import { imageRepositorySchema } from '../../../src/images/model.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { copySnapshotData } from '../../helpers/demo-images.ts';
import { serveStatic } from '../../helpers/static-server.ts';
import { buildSite, type BuildResult } from './build.ts';

const MARK = 'window.__pwned=1';
const LONG = 'A'.repeat(10_240);
const RTL = '\u202Eevil\u202C\u200B\u200D\u2066x\u2069';
const HOSTILE = [
	`<script>${MARK}</script>`,
	`"><img src=x onerror="${MARK}">`,
	`javascript:${MARK}`,
	`' onmouseover='${MARK}`,
	LONG,
	RTL,
];

/** A copy of the demo python image whose every untrusted string carries an attack or an oversized value. */
function hostileImage(base: ImageRepository): ImageRepository {
	const image = structuredClone(base);
	image.name = 'hostile';
	image.repository = 'chainguard/hostile';
	image.reference = 'registry.demo.invalid/chainguard/hostile';
	for (const variant of image.variants) {
		variant.annotations = {
			'org.opencontainers.image.description': HOSTILE.join(' '),
			'org.opencontainers.image.source': `javascript:${MARK}`,
			[`<script>${MARK}</script>`]: LONG,
		};
		for (const platform of variant.platforms) {
			platform.config.user = `"><script>${MARK}</script>`;
			platform.config.entrypoint = HOSTILE;
			platform.config.workingDir = RTL;
			platform.config.env = HOSTILE.map((value, i) => ({ name: `HOSTILE_${i}`, value }));
			platform.config.labels = {
				'org.opencontainers.image.url': `javascript:${MARK}`,
				'evil.label': `<img src=x onerror="${MARK}">`,
				long: LONG,
			};
			if (platform.sbom) {
				platform.sbom.packages.push(
					{ name: `<script>${MARK}</script>`, version: `"><svg onload="${MARK}">`, license: LONG, purl: `javascript:${MARK}` },
					{ name: RTL, version: RTL, license: RTL, purl: RTL },
				);
			}
		}
	}
	return imageRepositorySchema.parse(image);
}

describe('image pages built from hostile registry data', () => {
	let outDir: string;
	let buildOutput: string;
	let dir: string;
	let build: BuildResult | undefined;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'academy-hostile-'));
		copySnapshotData(dir, (committed) => [...committed, 'hostile'].sort());
		const python = imageRepositorySchema.parse(JSON.parse(readFileSync(join(dir, 'python.json'), 'utf8')));
		writeFileSync(join(dir, 'hostile.json'), serialize(imageRepositorySchema, hostileImage(python)));
		build = await buildSite({ IMAGES_SNAPSHOT_DIR: dir }, { reuseContentCaches: true });
		buildOutput = build.output;
		expect(build.code, build.output.slice(-3000)).toBe(0);
		outDir = build.outDir;
	});
	afterAll(() => {
		build?.remove();
		rmSync(dir, { recursive: true, force: true });
	});

	it('renders every value as text and never as markup or a javascript: link', () => {
		const html = readFileSync(join(outDir, 'images/hostile/index.html'), 'utf8');
		// Inside a quoted attribute "<" is plain text; what must never appear is markup outside attribute values.
		const markup = html.replace(/="[^"]*"/g, '=""');
		expect(markup.includes(`<script>${MARK}`), 'script tag from data').toBe(false);
		expect(/<img src=x|<svg onload/.test(markup), 'element from data').toBe(false);
		expect(/href="\s*javascript:/i.test(html), 'javascript: link').toBe(false);
		expect(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'), 'value shown as text').toBe(true);
		expect(buildOutput).not.toMatch(/broken internal link/);
	});

	it('executes nothing and keeps the layout within the viewport in a real browser', async () => {
		const server = await serveStatic(outDir);
		const browser = await launchBrowser();
		try {
			for (const viewport of [
				{ width: 1280, height: 900 },
				{ width: 390, height: 844 },
			]) {
				// One page for the three paths: each load is a fresh document, and a new page would cost a renderer process.
				const page = await browser.newPage({ viewport });
				const dialogs: string[] = [];
				page.on('dialog', async (dialog) => {
					dialogs.push(dialog.message());
					await dialog.dismiss();
				});
				for (const path of ['/images/hostile/', '/images/', '/images/packages/']) {
					await page.goto(`${server.url}${path}`);
					// Open every disclosure and hover the hostile values so event-handler payloads would fire.
					await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
					await page.evaluate(() =>
						document
							.querySelectorAll('main *')
							.forEach((node) => node.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))),
					);
					expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
					expect(dialogs).toEqual([]);
					const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
					expect(overflow, `${path} at ${viewport.width}px`).toBeLessThanOrEqual(0);
				}
				await page.close();
			}
		} finally {
			await browser.close();
			await server.close();
		}
	});
});
