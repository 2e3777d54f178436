import { describe, expect, it } from 'vitest';
import { AcademyError, UsageError, describeError } from '../../../src/lib/errors.ts';

describe('errors with a hint', () => {
	it('keeps the hint apart from the message', () => {
		const error = new UsageError('--repos is empty.', 'Name at least one repository.');
		expect(error).toBeInstanceOf(AcademyError);
		expect(error.message).toBe('--repos is empty.');
		expect(error.hint).toBe('Name at least one repository.');
	});

	it('describes an error on one line, with its hint when it has one', () => {
		expect(describeError(new AcademyError('The file is missing', 'Create it.'))).toBe('The file is missing. Hint: Create it.');
		expect(describeError(new AcademyError('The file is missing.', 'Create it.'))).toBe('The file is missing. Hint: Create it.');
		expect(describeError(new Error('plain'))).toBe('plain');
		expect(describeError('a string')).toBe('a string');
	});
});
