import { AstroError } from 'astro/errors';
import { describe, expect, it } from 'vitest';
import { toAstroError } from '../../../src/content/errors.ts';
import { AcademyError } from '../../../src/lib/errors.ts';
import { RegistryError } from '../../../src/registry/index.ts';

describe('errors thrown where Astro runs', () => {
	it('become AstroErrors with the same message and hint when they carry a hint', () => {
		for (const error of [new AcademyError('Bad file.', 'Fix it.'), new RegistryError('json', 'Bad file.', 'Fix it.')]) {
			const converted = toAstroError(error);
			expect(converted).toBeInstanceOf(AstroError);
			expect(converted).toMatchObject({ message: 'Bad file.', hint: 'Fix it.' });
		}
	});

	it('stay as they are otherwise', () => {
		const plain = new Error('plain');
		const astro = new AstroError('astro', 'hint');
		expect([toAstroError(plain), toAstroError(astro), toAstroError('text')]).toEqual([plain, astro, 'text']);
		expect(toAstroError(astro)).toBe(astro);
	});
});
