import { escapeHtml } from './html.ts';
import { ancestorFolders, type SidebarGroup, type SidebarItem } from './sidebar.ts';

/** Render one item of the tree; nested groups start closed and open around the current page. */
function renderItem(item: SidebarItem, depth: number): string {
	if (item.type === 'link') {
		return `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a></li>`;
	}
	const overview = item.href ? `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.indexLabel)}</a></li>` : '';
	const open = depth === 0 ? ' open' : '';
	return (
		`<li><details data-path="${escapeHtml(item.path)}"${open}><summary>${escapeHtml(item.label)}</summary>` +
		`<ul>${overview}${item.children.map((child) => renderItem(child, depth + 1)).join('')}</ul></details></li>`
	);
}

/** Render the whole sidebar once per build; pages then only mark their own link. */
export function renderSidebarHtml(groups: readonly SidebarGroup[]): string {
	return `<ul class="sidebar-tree">${groups.map((group) => renderItem(group, 0)).join('')}</ul>`;
}

/** A flat sidebar list of links, e.g. the sections or the images. */
export function renderLinkListHtml(links: readonly { label: string; href: string }[], className: string): string {
	const items = links.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`);
	return `<ul class="sidebar-tree ${escapeHtml(className)}">${items.join('')}</ul>`;
}

/** A short sidebar for pages outside the guide sections: one link per section landing page. */
export function renderSectionLinksHtml(groups: readonly SidebarGroup[]): string {
	const links = groups.flatMap((group) => (group.href ? [{ label: group.label, href: group.href }] : []));
	return renderLinkListHtml(links, 'sidebar-sections');
}

/**
 * Mark the current page in pre-rendered sidebar HTML and open the groups around it.
 *
 * A few string searches instead of re-rendering the tree keeps the work per page flat as the site grows
 * (Starlight spent 41 s of a 7,300-page build cloning its sidebar per page, starlight#3760).
 */
export function markCurrentPage(html: string, href: string): string {
	let marked = html.replace(`<a href="${escapeHtml(href)}">`, `<a href="${escapeHtml(href)}" aria-current="page">`);
	for (const folder of ancestorFolders(href)) {
		const closed = `<details data-path="${escapeHtml(folder)}">`;
		marked = marked.replace(closed, `<details data-path="${escapeHtml(folder)}" open>`);
	}
	return marked;
}
