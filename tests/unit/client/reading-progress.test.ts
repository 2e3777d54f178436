import { describe, expect, it } from 'vitest';
import { countRead, parseReadGuides, progressText, serializeReadGuides } from '../../../src/client/reading-progress.ts';

describe('reading progress', () => {
	it('stores the guides read as a sorted list and reads it back', () => {
		const stored = serializeReadGuides(new Set(['/b/', '/a/']));
		expect(stored).toBe('["/a/","/b/"]');
		expect([...parseReadGuides(stored)]).toEqual(['/a/', '/b/']);
	});

	it('treats missing, broken or foreign data as nothing read, keeping only site paths', () => {
		expect(parseReadGuides(null).size).toBe(0);
		expect(parseReadGuides('{not json').size).toBe(0);
		expect(parseReadGuides('{"read":["/a/"]}').size).toBe(0);
		expect([...parseReadGuides('["/a/", 3, "https://elsewhere.example/", null]')]).toEqual(['/a/']);
	});

	it('counts the guides of a path that are read and says so', () => {
		expect(countRead(['/a/', '/b/', '/c/'], new Set(['/c/', '/a/', '/x/']))).toBe(2);
		expect(progressText(2, 3)).toBe('2 of 3 read');
	});
});
