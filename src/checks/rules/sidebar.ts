import { compareText } from '../../lib/compare.ts';
import { entryFolder, entryId, isIndexEntry } from '../../lib/routes.ts';
import { SIDEBAR_FOLDER_LIMIT, needsOverviewPage } from '../../lib/sidebar-html.ts';
import { buildSidebar, type SidebarGroup, type SidebarItem } from '../../lib/sidebar.ts';
import type { ParsedDoc, Problem } from '../types.ts';
import { placeOfField } from './frontmatter.ts';

const RULE = 'sidebar';
const DOCS_PREFIX = 'content/docs/';

/** The sidebar fields of a guide's front matter, as far as they are usable; the frontmatter rule reports the rest. */
function sidebarFields(doc: ParsedDoc): { label?: string; order?: number; hidden: boolean } {
	const sidebar = doc.frontmatter?.sidebar as { label?: unknown; order?: unknown; hidden?: unknown } | undefined;
	return {
		label: typeof sidebar?.label === 'string' ? sidebar.label : undefined,
		order: typeof sidebar?.order === 'number' ? sidebar.order : undefined,
		hidden: sidebar?.hidden === true,
	};
}

function allGroups(items: readonly SidebarItem[]): SidebarGroup[] {
	return items.flatMap((item) => (item.type === 'group' ? [item, ...allGroups(item.children)] : []));
}

/**
 * A sidebar folder shows at most SIDEBAR_FOLDER_LIMIT entries and links to its overview page for the rest, so a
 * longer folder needs a visible index page; otherwise the build would fail. Drafts count, as development builds show
 * them. Reported for the folders that hold one of `targets`, at any depth: on the index page's `sidebar.hidden` when
 * it is hidden, else on the folder's first file.
 */
export function checkSidebarFolders(
	docs: readonly ParsedDoc[],
	targets: readonly ParsedDoc[],
	limit = SIDEBAR_FOLDER_LIMIT,
): Problem[] {
	const guides = new Map(
		docs
			.filter((doc) => doc.kind === 'docs')
			.map((doc) => [entryId(doc.file.slice(DOCS_PREFIX.length)), doc] as const)
			.sort(([a], [b]) => compareText(a, b)),
	);
	const tree = buildSidebar(
		[...guides].map(([id, doc]) => ({
			id,
			title: typeof doc.frontmatter?.title === 'string' ? doc.frontmatter.title : id,
			...sidebarFields(doc),
		})),
	);
	// A guide counts in its own folder, and as the first of a new sub-folder in every folder above it.
	const targetFolders = new Set(
		targets
			.filter((doc) => doc.kind === 'docs')
			.flatMap((doc) => {
				const segments = entryFolder(entryId(doc.file.slice(DOCS_PREFIX.length))).split('/');
				return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
			}),
	);
	return allGroups(tree)
		.filter((group) => targetFolders.has(group.path) && needsOverviewPage(group, limit))
		.map((group): Problem => {
			const entries = `${group.children.length} entries, more than the ${limit} its sidebar shows`;
			const index = [...guides].find(([id]) => isIndexEntry(id) && entryFolder(id) === group.path)?.[1];
			if (index) {
				return {
					file: index.file,
					...placeOfField(index, ['sidebar', 'hidden']),
					rule: RULE,
					severity: 'error',
					message: `The folder ${DOCS_PREFIX}${group.path}/ has ${entries}, and its index page is hidden from the sidebar.`,
					hint: 'Remove sidebar.hidden: the sidebar links to this page ("All … guides") for the entries it leaves out.',
				};
			}
			// No file stands for a missing one: point at the folder's first file, where its index page would go.
			const first = [...guides].find(([id]) => id.startsWith(`${group.path}/`))![1];
			return {
				file: first.file,
				line: 1,
				column: 1,
				rule: RULE,
				severity: 'error',
				message: `The folder ${DOCS_PREFIX}${group.path}/ has ${entries}, and no index page to list them all.`,
				hint: `Add ${DOCS_PREFIX}${group.path}/index.md with a title and a description: the sidebar links to it ("All … guides") for the entries it leaves out.`,
			};
		});
}
