import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

describe('front matter', () => {
	it('splits a source at its front matter, with the YAML position and the body', () => {
		expect(splitFrontmatter('---\ntitle: x\n---\n# Body\n')).toEqual({
			yaml: 'title: x',
			firstLine: 2,
			offset: 4,
			body: '# Body\n',
		});
		expect(splitFrontmatter('---\r\ntitle: x\r\n---\r\nBody')).toMatchObject({ yaml: 'title: x', body: 'Body' });
		expect(splitFrontmatter('---\n---\n')).toMatchObject({ yaml: '', body: '' });
	});

	it('finds none where the file does not start with a fence, or the fence is not closed', () => {
		expect(splitFrontmatter('# Title\n---\na: b\n---\n')).toBeUndefined();
		expect(splitFrontmatter('---\ntitle: x\n')).toBeUndefined();
	});
});
