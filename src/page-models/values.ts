/** The value as a URL when it is an absolute http(s) URL; anything else (javascript:, data:, relative) is null. */
export function safeHttpUrl(value: string | null | undefined): string | null {
	if (!value) return null;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** Split a long untrusted value into a visible head and the rest, so pages stay readable yet complete. */
export function truncate(value: string, limit = 160): { head: string; truncated: boolean } {
	const chars = [...value];
	return chars.length <= limit
		? { head: value, truncated: false }
		: { head: `${chars.slice(0, limit).join('')}…`, truncated: true };
}

const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** A registry timestamp as `Jul 1, 2025, 3:00 AM UTC`; null when absent or unreadable. */
export function formatDateTime(value: string | null): string | null {
	return value && !Number.isNaN(Date.parse(value)) ? `${dateTimeFormat.format(new Date(value))} UTC` : null;
}

/** A date as `Jul 1, 2025` (UTC), the way the catalog shows sync and update times. */
export function formatDate(date: Date): string {
	return dateFormat.format(date);
}
