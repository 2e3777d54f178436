import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { compareText } from './compare.ts';
import { listContentFiles } from './content-files.ts';
import { AcademyError } from './errors.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { escapeHtml } from './html.ts';
import { withTrailingSlash } from './routes.ts';

/** An old URL that must keep working and the page it now points to. */
export interface Redirect {
	from: string;
	to: string;
}

/** Collect the redirects declared in front matter `aliases`, refusing clashes that would hide a page. */
export function collectRedirects(pages: readonly { href: string; aliases: readonly string[]; file: string }[]): Redirect[] {
	const pageUrls = new Set(pages.map((page) => page.href));
	const seen = new Map<string, string>();
	const redirects: Redirect[] = [];
	for (const page of pages) {
		for (const alias of page.aliases) {
			const from = withTrailingSlash(alias);
			if (pageUrls.has(from)) {
				throw new AcademyError(
					`${page.file}: alias "${alias}" is the URL of an existing page.`,
					'Remove the alias or move that page.',
				);
			}
			const owner = seen.get(from);
			if (owner) {
				throw new AcademyError(
					`${page.file}: alias "${alias}" is already claimed by ${owner}.`,
					'An old URL can redirect to one page only; remove the alias from one of the two pages.',
				);
			}
			seen.set(from, page.file);
			redirects.push({ from, to: page.href });
		}
	}
	return redirects.sort((a, b) => compareText(a.from, b.from));
}

/** Lines of a `_redirects` file (Netlify, Cloudflare Pages and others) with permanent redirects. */
export function formatRedirectsFile(redirects: readonly Redirect[]): string {
	return redirects.map(({ from, to }) => `${from} ${to} 301`).join('\n') + (redirects.length ? '\n' : '');
}

/** Read back a `_redirects` file written by formatRedirectsFile; throws on a line it would not have written. */
export function parseRedirectsFile(text: string, file = '_redirects'): Redirect[] {
	if (text === '') return [];
	return text
		.replace(/\n$/, '')
		.split('\n')
		.map((line, index) => {
			const match = line.match(/^(\/\S*) (\/\S*) 301$/);
			if (!match) {
				throw new AcademyError(
					`${file}:${index + 1}: expected "/old/path/ /new/path/ 301", found "${line}".`,
					'The file is written by src/pages/[redirectsFile].ts; change formatRedirectsFile and parseRedirectsFile together.',
				);
			}
			return { from: match[1]!, to: match[2]! };
		});
}

/** A static page that sends browsers and crawlers on to the new URL. */
export function redirectPageHtml({ to }: Redirect, origin: string): string {
	const target = escapeHtml(to);
	const canonical = escapeHtml(new URL(to, origin).href);
	return (
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting to ${target}</title>` +
		`<meta http-equiv="refresh" content="0;url=${target}"><meta name="robots" content="noindex">` +
		`<link rel="canonical" href="${canonical}"></head><body><a href="${target}">This page moved to ${target}</a></body></html>`
	);
}

/** A front matter line that starts the `aliases` key, quoted or not. */
const ALIASES_KEY = /^(aliases|"aliases"|'aliases')[ \t]*:/m;

/**
 * Read the `aliases` of every guide straight from the files, for build settings that run before content loads
 * (the sitemap filter). Invalid front matter is left to the content schema to report.
 *
 * Only front matter with an `aliases` key is parsed: parsing every guide's YAML took 1–2 s of each start-up on a
 * 600-guide site, where few guides have aliases.
 */
export function aliasesInContent(contentDir: string): string[] {
	const aliases: string[] = [];
	for (const file of listContentFiles(contentDir)) {
		const frontMatter = splitFrontmatter(readFileSync(file, 'utf8'));
		const data: unknown = frontMatter && ALIASES_KEY.test(frontMatter.yaml) ? parseYaml(frontMatter.yaml) : null;
		const list = (data as { aliases?: unknown } | null)?.aliases;
		if (Array.isArray(list))
			aliases.push(...list.filter((alias): alias is string => typeof alias === 'string').map(withTrailingSlash));
	}
	return aliases.sort(compareText);
}
