import type { ParsedDoc, Place, Problem, PublishedSite } from '../types.ts';
import { placeOfField } from './frontmatter.ts';

const RULE = 'duplicates';

/** Routes the site builds itself; a guide may not take them. */
function isReservedRoute(route: string, site: PublishedSite): boolean {
	return site.generatedRoutes.has(route) || site.generatedPrefixes.some((prefix) => route.startsWith(prefix));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), item]);
	}
	return groups;
}

/** Two guides with one title, two files with one URL, or an alias that another page already answers: each is an error. */
export function checkDuplicates(allDocs: readonly ParsedDoc[], site: PublishedSite): Problem[] {
	const docs = allDocs.filter((doc) => doc.kind === 'docs');
	const problems: Problem[] = [];
	const report = (doc: ParsedDoc, place: Place, message: string, hint: string) =>
		problems.push({ file: doc.file, ...place, rule: RULE, severity: 'error', message, hint });
	const others = (group: ParsedDoc[], doc: ParsedDoc) =>
		group
			.filter((other) => other !== doc)
			.map((other) => other.file)
			.join(', ');

	const byTitle = groupBy(docs, (doc) =>
		typeof doc.frontmatter?.title === 'string' ? doc.frontmatter.title.trim().toLowerCase() : undefined,
	);
	for (const group of byTitle.values()) {
		if (group.length < 2) continue;
		for (const doc of group) {
			report(
				doc,
				placeOfField(doc, ['title']),
				`The title "${String(doc.frontmatter?.title)}" is also used by ${others(group, doc)}.`,
				'Give each guide its own title so readers can tell them apart in search results and the sidebar.',
			);
		}
	}

	const fileStart = { line: 1, column: 1 };
	for (const [route, group] of groupBy(docs, (doc) => doc.route)) {
		for (const doc of group) {
			if (group.length > 1) {
				report(
					doc,
					fileStart,
					`This file and ${others(group, doc)} both publish ${route}.`,
					'Rename one of them: a/b.mdx and a/b/index.mdx have the same URL.',
				);
			}
			if (isReservedRoute(route, site)) {
				report(doc, fileStart, `${route} is a page the site generates itself.`, 'Move the guide to another folder or file name.');
			}
		}
	}

	const owners = new Map<string, ParsedDoc>(docs.map((doc) => [doc.route, doc]));
	for (const doc of docs) {
		const aliases = Array.isArray(doc.frontmatter?.aliases) ? (doc.frontmatter.aliases as unknown[]) : [];
		aliases.forEach((alias, index) => {
			if (typeof alias !== 'string') return;
			const owner = owners.get(alias);
			if (owner && owner !== doc) {
				report(
					doc,
					placeOfField(doc, ['aliases', index]),
					`The alias ${alias} is already ${owner.route === alias ? 'the URL' : 'an alias'} of ${owner.file}.`,
					'An old URL can redirect to one page only; remove the alias from one of them.',
				);
			} else {
				owners.set(alias, doc);
			}
		});
	}
	return problems;
}
