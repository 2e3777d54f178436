/** The longest `<title>` html-validate's long-title rule accepts; search results cut titles at about this length. */
export const MAX_TITLE_LENGTH = 70;

/** The document title: the page title with the site name, or the page title alone when both would be too long. */
export function documentTitle(title: string, siteTitle: string): string {
	const full = `${title} | ${siteTitle}`;
	return full.length <= MAX_TITLE_LENGTH ? full : title;
}
