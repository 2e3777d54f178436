import { UsageError } from './errors.ts';

/** The whole number a numeric flag names, within `range` (no `max`: any number from `min` up); else a UsageError. */
export function wholeNumberOption(flag: string, value: string, range: { min: number; max?: number }, example: string): number {
	const number = Number(value);
	if (Number.isInteger(number) && number >= range.min && (range.max === undefined || number <= range.max)) return number;
	const wanted =
		range.max !== undefined
			? `a whole number from ${range.min} to ${range.max}`
			: range.min === 1
				? 'a positive whole number'
				: `a whole number from ${range.min} up`;
	throw new UsageError(`${flag} must be ${wanted}, got "${value}".`, example);
}
