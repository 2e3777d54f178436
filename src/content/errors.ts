import { AstroError } from 'astro/errors';

/**
 * The error to throw from code Astro runs: an error that carries a hint (AcademyError, RegistryError and their kin)
 * becomes an AstroError with the same message and hint, so Astro shows the hint apart; anything else stays as it is.
 */
export function toAstroError(error: unknown): unknown {
	const hint = (error as { hint?: unknown } | null)?.hint;
	if (!(error instanceof Error) || typeof hint !== 'string' || error instanceof AstroError) return error;
	return new AstroError(error.message, hint);
}
