const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([char, entity]) => [entity, char]));

/** Escape text for use in HTML content or a quoted attribute value. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Turn the entities `escapeHtml` writes back into text, in one pass so `&amp;lt;` stays `&lt;`. */
export function unescapeHtml(value: string): string {
	return value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity]!);
}

/**
 * An id for an element named after data (`go-1.24`, `libstdc++`, a tag such as `3.12-dev`): letters, digits and
 * `-` stay, any other character becomes `_`, its code point in hex and `_` (`.` → `_2e_`), so ids stay valid for
 * html-validate and CSS selectors and two names never share one.
 */
export function idFromName(name: string): string {
	return name.replace(/[^A-Za-z0-9-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}_`);
}
