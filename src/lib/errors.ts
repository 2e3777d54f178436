/**
 * An error a user can act on: the message says what is wrong (naming the file, field or value), the hint says what to
 * do. Astro prints the `hint` of any error apart from its message, and the command-line scripts print it with
 * `describeError`, so a hint is never glued into a message. Code that only Astro runs throws `AstroError` instead.
 */
export class AcademyError extends Error {
	readonly hint: string;

	constructor(message: string, hint: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'AcademyError';
		this.hint = hint;
	}
}

/** One line for a terminal: the message, then `Hint:` and the hint when the error carries one (as RegistryError.describe does). */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const hint = (error as { hint?: unknown }).hint;
	if (typeof hint !== 'string' || hint === '') return error.message;
	return `${error.message}${/[.!?]$/.test(error.message) ? '' : '.'} Hint: ${hint}`;
}

/** Bad input from a user (command-line flags, environment variables or a configuration file): commands exit 1 on it. */
export class UsageError extends AcademyError {
	constructor(message: string, hint: string, options?: ErrorOptions) {
		super(message, hint, options);
		this.name = 'UsageError';
	}
}
