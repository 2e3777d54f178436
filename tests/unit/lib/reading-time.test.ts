import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../../src/lib/reading-time.ts';

describe('reading time', () => {
	it('counts words without imports and tags', () => {
		const body =
			'import { Callout } from \'@/components\';\n\n<Callout type="tip">Pin images by digest.</Callout>\n\nOne two three.';
		expect(countWords(body)).toBe(7);
		expect(readingMinutes('word '.repeat(1100), 220)).toBe(5);
		expect(readingMinutes('', 220)).toBe(1);
	});

	it('leaves the front matter out of the count', () => {
		expect(countWords('---\ntitle: Four words in title\n---\nOne two.')).toBe(2);
	});
});
