import { describe, expect, it } from 'vitest';
import { wholeNumberOption } from '../../../src/lib/cli-options.ts';
import { UsageError } from '../../../src/lib/errors.ts';

describe('wholeNumberOption', () => {
	it('gives the number a flag names within its range', () => {
		expect(wholeNumberOption('--latency', '0', { min: 0 }, 'Example.')).toBe(0);
		expect(wholeNumberOption('--concurrency', '256', { min: 1, max: 256 }, 'Example.')).toBe(256);
	});

	it.each([
		['--concurrency', 'abc', { min: 1, max: 256 }, '--concurrency must be a whole number from 1 to 256, got "abc".'],
		['--concurrency', '257', { min: 1, max: 256 }, '--concurrency must be a whole number from 1 to 256, got "257".'],
		['--repos', '2.5', { min: 1 }, '--repos must be a positive whole number, got "2.5".'],
		['--latency', '-5', { min: 0 }, '--latency must be a whole number from 0 up, got "-5".'],
	])('refuses %s %s, naming the flag, what it takes and an example', (flag, value, range, message) => {
		const error = (() => {
			try {
				return wholeNumberOption(flag, value, range, 'For example: 64.');
			} catch (caught) {
				return caught;
			}
		})();
		expect(error).toBeInstanceOf(UsageError);
		expect(error).toMatchObject({ message, hint: 'For example: 64.' });
	});
});
