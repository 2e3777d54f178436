import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/lib/compare.ts';

describe('compareText', () => {
	it('orders by code unit, whatever the locale: capitals first, then "_" before lower case, "ä" after "z"', () => {
		expect(['zlib', 'ä', 'Zeta', 'a_b', 'ab', 'a-b', 'chrony', 'hash'].sort(compareText)).toEqual([
			'Zeta',
			'a-b',
			'a_b',
			'ab',
			'chrony',
			'hash',
			'zlib',
			'ä',
		]);
		expect(compareText('x', 'x')).toBe(0);
	});
});
