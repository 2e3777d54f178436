import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, wcagViolations, type SiteHarness } from './site.ts';

/** Desktop and phone (390 px, where the header, sidebar and code blocks change layout). */
const WIDTHS = [
	{ name: 'desktop', viewport: { width: 1280, height: 900 } },
	{ name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** The phone width. */
export const PHONE_VIEWPORT = WIDTHS[1].viewport;

/** Pages checked at both widths in both colour schemes. */
const PAGES_AT_EACH_WIDTH = [
	['home page', '/'],
	['guide', '/software-supply-chain/sboms/'],
	['learning path', '/paths/sign-attest-verify/'],
	['image page', '/images/python/'],
] as const;

/** Pages checked once, at desktop width, in the colour scheme given. */
const PAGES_IN_ONE_SCHEME = [
	['section page', '/container-images/', 'light'],
	['list of learning paths', '/paths/', 'dark'],
	['404 page', '/this-page-does-not-exist/', 'light'],
	['tag page', '/tags/sbom/', 'dark'],
] as const;

/**
 * Register the axe checks (WCAG 2.2 A/AA) of the site's pages in one colour scheme, then the file's own checks (`more`,
 * given the served site). Each scheme has a test file of its own, so the two workers run axe side by side instead of
 * one worker running every check.
 */
export function describeAccessibility(scheme: 'light' | 'dark', more: (site: () => SiteHarness) => void): void {
	let site: SiteHarness;
	beforeAll(async () => {
		site = await startSite();
	});
	afterAll(async () => {
		await site?.close();
	});

	describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
		for (const [name, path] of PAGES_AT_EACH_WIDTH) {
			for (const width of WIDTHS) {
				it(`has no violations on the ${name} (${width.name}, ${scheme})`, async () => {
					const page = await site.open(path, { colorScheme: scheme, viewport: width.viewport });
					expect(await wcagViolations(page)).toEqual([]);
					site.release(page);
				});
			}
		}

		for (const [name, path] of PAGES_IN_ONE_SCHEME.filter((entry) => entry[2] === scheme)) {
			it(`has no violations on the ${name}`, async () => {
				const page = await site.open(path, { colorScheme: scheme });
				expect(await wcagViolations(page)).toEqual([]);
				site.release(page);
			});
		}

		more(() => site);
	});
}
