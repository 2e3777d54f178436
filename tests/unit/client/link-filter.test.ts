import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../../src/client/link-filter.ts';

describe('sidebar filter', () => {
	it('matches every word of the filter anywhere in the name, ignoring case', () => {
		expect(matchesFilter('dotnet-runtime', 'RUN')).toBe(true);
		expect(matchesFilter('dotnet-runtime', 'dot time')).toBe(true);
		expect(matchesFilter('dotnet-runtime', 'sdk')).toBe(false);
	});

	it('matches everything when the filter is empty or blank', () => {
		expect(matchesFilter('python', '')).toBe(true);
		expect(matchesFilter('python', '   ')).toBe(true);
	});
});
