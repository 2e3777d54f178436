import type { ImageRepository, ImageVariant } from '../images/model.ts';
import { variantName, variantPredicateTypes } from '../images/queries.ts';
import { signingIdentityFor } from '../images/verification.ts';

/** Predicate types the pages name in words. */
export const PREDICATE_LABELS: Record<string, string> = {
	'https://spdx.dev/Document': 'SPDX SBOM',
	'https://cyclonedx.org/bom': 'CycloneDX SBOM',
	'https://slsa.dev/provenance/v1': 'SLSA provenance v1',
	'https://slsa.dev/provenance/v0.2': 'SLSA provenance v0.2',
	'https://apko.dev/image-configuration': 'apko image configuration',
	'https://openvex.dev/ns': 'OpenVEX',
	'https://cosign.sigstore.dev/attestation/vuln/v1': 'Vulnerability scan',
};

/** The `cosign verify-attestation --type` value for a predicate type (cosign's short names where they exist). */
export function cosignAttestationType(predicateType: string): string {
	const short: Record<string, string> = {
		'https://spdx.dev/Document': 'spdxjson',
		'https://cyclonedx.org/bom': 'cyclonedx',
		'https://slsa.dev/provenance/v1': 'slsaprovenance1',
		'https://slsa.dev/provenance/v0.2': 'slsaprovenance02',
		'https://openvex.dev/ns': 'openvex',
		'https://cosign.sigstore.dev/attestation/vuln/v1': 'vuln',
	};
	return short[predicateType] ?? predicateType;
}

/** `docker pull` commands for a tag and for its pinned digest. */
export function pullCommands(image: ImageRepository, variant: ImageVariant): { byTag: string; byDigest: string } {
	return {
		byTag: `docker pull ${image.reference}:${variantName(variant)}`,
		byDigest: `docker pull ${image.reference}@${variant.digest}`,
	};
}

/** Ready-to-copy cosign commands of one variant. */
export interface VerifyCommands {
	verify: string;
	attestations: { type: string; command: string }[];
	download: string;
}

/** Ready-to-copy cosign commands pinned by digest, or null when the registry's signing identity is unknown. */
export function verifyCommands(image: ImageRepository, variant: ImageVariant): VerifyCommands | null {
	const identity = signingIdentityFor(image.registry);
	if (!identity) return null;
	const ref = `${image.reference}@${variant.digest}`;
	const flags = `--certificate-identity=${identity.certificateIdentity} \\\n  --certificate-oidc-issuer=${identity.certificateOidcIssuer}`;
	const types = variantPredicateTypes(variant);
	return {
		verify: `cosign verify \\\n  ${flags} \\\n  ${ref}`,
		attestations: types.map((type) => ({
			type,
			command: `cosign verify-attestation \\\n  --type=${cosignAttestationType(type)} \\\n  ${flags} \\\n  ${ref}`,
		})),
		download: `cosign download attestation ${ref} | jq -r .payload | base64 -d | jq .predicateType`,
	};
}
