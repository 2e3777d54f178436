import { describe, expect, it } from 'vitest';
import { parseCodeTitle } from '../../../src/markdown/code-blocks.ts';

describe('code block titles', () => {
	it('reads code titles from the fence meta string', () => {
		expect(parseCodeTitle('title="Dockerfile" {2-3}')).toBe('Dockerfile');
		expect(parseCodeTitle("{1} title='apko.yaml'")).toBe('apko.yaml');
		expect(parseCodeTitle('{1}')).toBeUndefined();
	});
});
