/** How images from one registry are signed: the keyless identity that `cosign verify` must check. */
export interface SigningIdentity {
	/** Certificate identity (the workflow that signed), matched exactly. */
	certificateIdentity: string;
	/** OIDC issuer of the signing workflow. */
	certificateOidcIssuer: string;
}

/**
 * Signing identities per registry host, the one place to configure them.
 *
 * Chainguard signs cgr.dev images keylessly from its release workflow on GitHub Actions.
 */
export const SIGNING_IDENTITIES: Record<string, SigningIdentity> = {
	'cgr.dev': {
		certificateIdentity: 'https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main',
		certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
	},
};

/** The signing identity of a registry, or null when the project does not know how that registry signs. */
export function signingIdentityFor(registry: string): SigningIdentity | null {
	return SIGNING_IDENTITIES[registry] ?? null;
}
