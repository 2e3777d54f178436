import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, safeHttpUrl, truncate } from '../../../src/page-models/values.ts';

describe('untrusted values', () => {
	it('only turns http(s) URLs into links', () => {
		expect(safeHttpUrl('https://github.com/x')).toBe('https://github.com/x');
		expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
		expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeNull();
		expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
		expect(safeHttpUrl('/relative')).toBeNull();
		expect(safeHttpUrl(null)).toBeNull();
	});

	it('truncates long values by characters, not bytes', () => {
		expect(truncate('short')).toEqual({ head: 'short', truncated: false });
		const long = truncate('é'.repeat(200), 10);
		expect(long).toEqual({ head: `${'é'.repeat(10)}…`, truncated: true });
	});
});

describe('dates', () => {
	it('formats registry timestamps in UTC, and says null for what it cannot read', () => {
		expect(formatDateTime('2025-07-01T03:04:05Z')).toBe('Jul 1, 2025, 3:04 AM UTC');
		expect(formatDateTime('yesterday')).toBeNull();
		expect(formatDateTime(null)).toBeNull();
		expect(formatDate(new Date('2025-07-01T23:30:00Z'))).toBe('Jul 1, 2025');
	});
});
