import { z } from 'zod';

/**
 * Who must have signed a registry's images: the same values as the `cosign verify` flags shown on the pages. Give the
 * identity and the issuer each either exactly or as a regular expression. A pattern must match the whole value (it is
 * anchored), which is stricter than cosign's unanchored `--certificate-identity-regexp`: whatever passes here also
 * passes `cosign verify` with the same pattern.
 */
export const signingPolicySchema = z
	.object({
		/** Certificate identity (SAN), exactly, e.g. the signing workflow `https://github.com/o/r/.github/workflows/release.yaml@refs/heads/main`. */
		certificateIdentity: z.string().min(1).optional(),
		/** Certificate identity as a JavaScript regular expression matched against the whole SAN. */
		certificateIdentityRegexp: z.string().min(1).optional(),
		/** OIDC issuer, exactly, e.g. `https://token.actions.githubusercontent.com`. */
		certificateOidcIssuer: z.string().min(1).optional(),
		/** OIDC issuer as a regular expression matched against the whole issuer. */
		certificateOidcIssuerRegexp: z.string().min(1).optional(),
	})
	.strict()
	.superRefine((policy, context) => {
		const pairs = [
			['certificateIdentity', 'certificateIdentityRegexp'],
			['certificateOidcIssuer', 'certificateOidcIssuerRegexp'],
		] as const;
		for (const [exact, pattern] of pairs) {
			const given = [policy[exact], policy[pattern]].filter((value) => value !== undefined).length;
			if (given !== 1) {
				context.addIssue({
					code: 'custom',
					path: [exact],
					message: `give exactly one of ${exact} and ${pattern} (found ${given})`,
				});
			}
			const source = policy[pattern];
			if (source !== undefined) {
				try {
					new RegExp(source, 'u');
				} catch (error) {
					context.addIssue({
						code: 'custom',
						path: [pattern],
						message: `not a valid regular expression: ${(error as Error).message}`,
					});
				}
			}
		}
	});

/** Expected signer of a registry's images, see {@link signingPolicySchema}. */
export type SigningPolicy = z.infer<typeof signingPolicySchema>;

/** A compiled expectation for one certificate field. */
interface Expectation {
	test(value: string | undefined): boolean;
	/** How the expectation reads in a reason message. */
	describe: string;
}

function expectation(exact: string | undefined, pattern: string | undefined): Expectation {
	if (exact !== undefined) return { test: (value) => value === exact, describe: JSON.stringify(exact) };
	const regexp = new RegExp(`^(?:${pattern})$`, 'u');
	return { test: (value) => value !== undefined && regexp.test(value), describe: `a match of /${pattern}/` };
}

/** The policy ready to check certificates against. */
export interface CompiledPolicy {
	identity: Expectation;
	issuer: Expectation;
}

/** Validate a policy (throws a zod error naming the field) and compile its patterns once. */
export function compilePolicy(policy: SigningPolicy): CompiledPolicy {
	const valid = signingPolicySchema.parse(policy);
	return {
		identity: expectation(valid.certificateIdentity, valid.certificateIdentityRegexp),
		issuer: expectation(valid.certificateOidcIssuer, valid.certificateOidcIssuerRegexp),
	};
}
