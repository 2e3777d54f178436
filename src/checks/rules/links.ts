import { existsSync } from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { jsxElements, startOf, stringAttribute, walk } from '../mdast.ts';
import { docPathForFile } from '../../lib/routes.ts';
import type { DocRule, ParsedDoc, Place, Problem, PublishedSite } from '../types.ts';

const RULE = 'links';
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

type Finding = { message: string; hint?: string };

/** The closest candidate, when it is close enough to be a plausible typo of the last path segment. */
function nearest(value: string, candidates: readonly string[]): string | undefined {
	if (candidates.length === 0) return undefined;
	const best = closest(value, candidates as string[]);
	const lastSegment = value.split('/').filter(Boolean).at(-1) ?? value;
	return distance(value, best) <= Math.max(1, Math.ceil(lastSegment.length / 3)) ? best : undefined;
}

function checkAnchor(anchor: string, anchors: Set<string>, where: string): Finding | undefined {
	if (anchors.has(anchor) || anchor.startsWith('user-content-')) return undefined;
	const suggestion = nearest(anchor, [...anchors]);
	return {
		message: `${where} has no heading or id "#${anchor}".`,
		hint: suggestion
			? `Did you mean #${suggestion}?`
			: 'Anchors are heading texts in lower case with spaces as hyphens, e.g. "## Run the image" is #run-the-image.',
	};
}

/** Check one site-root link against the pages and files the site publishes. */
function checkRootLink(url: string, site: PublishedSite): Finding | undefined {
	const [beforeHash, anchor] = url.split('#', 2) as [string, string | undefined];
	const pathname = beforeHash.split('?')[0];
	if (site.routes.has(pathname)) {
		const anchors = site.routes.get(pathname);
		return anchor && anchors ? checkAnchor(decodeURIComponent(anchor), anchors, pathname) : undefined;
	}
	const redirectTarget = site.redirects.get(pathname);
	if (redirectTarget) {
		return {
			message: `${pathname} is an old URL that redirects to ${redirectTarget}.`,
			hint: `Link ${url.replace(pathname, redirectTarget)} directly.`,
		};
	}
	const imagePage = /^\/images\/([^/]+)\/$/.exec(pathname);
	if (imagePage) {
		const suggestion = nearest(imagePage[1], site.imageNames);
		return {
			message: `There is no image named "${imagePage[1]}".`,
			hint: `${suggestion ? `Did you mean /images/${suggestion}/? ` : ''}The images with a page are listed at /images/.`,
		};
	}
	const tagPage = /^\/tags\/([^/]+)\/$/.exec(pathname);
	if (tagPage) {
		const suggestion = nearest(tagPage[1], site.tags);
		return {
			message: `There is no tag "${tagPage[1]}".`,
			hint: `${suggestion ? `Did you mean /tags/${suggestion}/? ` : ''}Tags are listed in content/tags.yaml.`,
		};
	}
	if (!pathname.endsWith('/') && site.routes.has(`${pathname}/`)) {
		return {
			message: `The link ${url} lacks the trailing slash.`,
			hint: `Write ${url.replace(pathname, `${pathname}/`)}; every page URL ends with /.`,
		};
	}
	if (existsSync(path.join(site.publicDir, decodeURI(pathname)))) return undefined;
	const suggestion = nearest(pathname, [...site.routes.keys()]);
	return {
		message: `Nothing is published at ${pathname}.`,
		hint: suggestion
			? `Did you mean ${suggestion}?`
			: 'A guide at content/docs/a/b.mdx is published at /a/b/; files in public/ are served from the site root.',
	};
}

/** Check any link target written in a guide; external links are left to the weekly link check. */
export function checkLinkTarget(url: string, doc: ParsedDoc, site: PublishedSite): Finding | undefined {
	if (url === '' || EXTERNAL.test(url)) return undefined;
	if (url.startsWith('#')) return checkAnchor(decodeURIComponent(url.slice(1)), doc.anchors, 'This page');
	if (url.startsWith('/')) return checkRootLink(url, site);
	return {
		message: `The relative link "${url}" breaks when the page moves.`,
		hint: `Link from the site root instead: ${siteRootTarget(url, doc, site)}`,
	};
}

/** Where a relative link points, as a site-root URL: links to .md(x) files resolve from the file, others from the page URL. */
function siteRootTarget(url: string, doc: ParsedDoc, site: PublishedSite): string {
	const [target, anchor] = url.split('#', 2) as [string, string | undefined];
	const hash = anchor === undefined ? '' : `#${anchor}`;
	if (/\.mdx?$/.test(target)) {
		const file = path.resolve(path.dirname(doc.absolutePath), target);
		return docPathForFile(path.relative(path.join(site.root, 'content', 'docs'), file)) + hash;
	}
	return new URL(url, `https://site.invalid${doc.route}`).pathname + hash;
}

/** Links in Markdown (`[text](url)`, reference definitions) and in components (`href="..."`) must reach a page or anchor. */
export const checkLinks: DocRule = (doc, site) => {
	if (!doc.tree) return [];
	const targets: { url: string; place: Place }[] = [];
	walk(doc.tree, (node) => {
		if (node.type === 'link' || node.type === 'definition') targets.push({ url: node.url, place: startOf(node) });
	});
	for (const element of jsxElements(doc.tree)) {
		const url = stringAttribute(element, 'href');
		if (url !== undefined) targets.push({ url, place: startOf(element) });
	}
	const problems: Problem[] = [];
	for (const { url, place } of targets) {
		const finding = checkLinkTarget(url, doc, site);
		if (finding) problems.push({ file: doc.file, ...place, rule: RULE, severity: 'error', ...finding });
	}
	return problems;
};
