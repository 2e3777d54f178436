/**
 * The Academy's mark: a package (a hexagon) with a check, on the accent colour. One drawing for the header and the
 * favicon, so the two never drift apart.
 */
const MARK =
	'<rect width="32" height="32" rx="7" fill="#1d4ed8"/>' +
	'<path d="M16 5.5 25 10.5v11L16 26.5 7 21.5v-11Z" fill="none" stroke="#fff" stroke-width="2.4" stroke-linejoin="round"/>' +
	'<path d="m11.5 16.2 3.2 3.2 6-6.4" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>';

/** The mark as a standalone SVG file (the favicon). */
export function logoFile(): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${MARK}</svg>\n`;
}

/** The mark inline in a page, decorative: the link around it carries the site's name. */
export function logoInline(className: string, size: number): string {
	return `<svg class="${className}" width="${size}" height="${size}" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${MARK}</svg>`;
}
