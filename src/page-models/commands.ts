import type { SigningPolicy } from '../attestations/verify/index.ts';
import type { ImageRepository, ImageVariant, SnapshotMetadata } from '../images/model.ts';
import { variantName, variantPredicateTypes } from '../images/queries.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../attestations/in-toto.ts';

/** Predicate types the pages name in words. */
export const PREDICATE_LABELS: Record<string, string> = {
	'https://spdx.dev/Document': 'SPDX SBOM',
	'https://cyclonedx.org/bom': 'CycloneDX SBOM',
	'https://slsa.dev/provenance/v1': 'SLSA provenance v1',
	'https://slsa.dev/provenance/v0.2': 'SLSA provenance v0.2',
	'https://apko.dev/image-configuration': 'apko image configuration',
	'https://openvex.dev/ns': 'OpenVEX',
	'https://openvex.dev/ns/v0.2.0': 'OpenVEX',
	[COSIGN_SIGN_PREDICATE_TYPE]: 'cosign signature',
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

/** Where a page's commands point: the image itself by digest, or for demo data the public image it stands for, by tag. */
export interface CommandTarget {
	/** Repository to pull and verify, e.g. `cgr.dev/chainguard/python`. */
	reference: string;
	/**
	 * `digest`: commands pin the variant's digest, which exists in that registry. `tag`: demo data, whose digests exist
	 * nowhere else, so commands name the tag of the public image instead.
	 */
	pin: 'digest' | 'tag';
	/** Who must have signed, for the cosign commands; null when no signing policy is known for the registry. */
	policy: SigningPolicy | null;
}

/**
 * The command target of an image: itself, with the policy its signatures were checked against; for a demo image the
 * public image it stands for, with that registry's policy; null for a demo-only image, which nothing can be pulled as.
 */
export function commandTarget(image: ImageRepository, source: Pick<SnapshotMetadata, 'standsFor'>): CommandTarget | null {
	const standsFor = source.standsFor;
	if (!standsFor) return { reference: image.reference, pin: 'digest', policy: image.signing?.policy ?? null };
	if (!standsFor.repositories.includes(image.name)) return null;
	return { reference: `${standsFor.namespace}/${image.name}`, pin: 'tag', policy: standsFor.signing };
}

/** The reference a command addresses for a variant: pinned by digest, or by its tag for demo data. */
function variantReference(target: CommandTarget, variant: ImageVariant): string {
	return target.pin === 'digest' ? `${target.reference}@${variant.digest}` : `${target.reference}:${variantName(variant)}`;
}

/** `docker pull` by tag, and by the pinned digest unless the digest exists nowhere (demo data). */
export function pullCommands(target: CommandTarget, variant: ImageVariant): { byTag: string; byDigest: string | null } {
	return {
		byTag: `docker pull ${target.reference}:${variantName(variant)}`,
		byDigest: target.pin === 'digest' ? `docker pull ${target.reference}@${variant.digest}` : null,
	};
}

/** Ready-to-copy cosign commands of one variant. */
export interface VerifyCommands {
	verify: string;
	attestations: { type: string; command: string }[];
	download: string;
}

/** A value for a shell command line: as is when it is plain, else single-quoted. */
function shellWord(value: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * cosign's flags for a policy. A pattern is anchored here (`^(?:…)$`) because cosign's `-regexp` flags match anywhere
 * in the value, and the sync matched the whole value: with the anchors, cosign accepts exactly what the sync accepted.
 */
export function policyFlags(policy: SigningPolicy): string[] {
	const flag = (name: string, exact: string | undefined, pattern: string | undefined) =>
		exact !== undefined ? `--${name}=${shellWord(exact)}` : `--${name}-regexp=${shellWord(`^(?:${pattern})$`)}`;
	return [
		flag('certificate-identity', policy.certificateIdentity, policy.certificateIdentityRegexp),
		flag('certificate-oidc-issuer', policy.certificateOidcIssuer, policy.certificateOidcIssuerRegexp),
	];
}

/** Ready-to-copy cosign commands for a variant, or null when the registry's signing policy is unknown. */
export function verifyCommands(target: CommandTarget, variant: ImageVariant): VerifyCommands | null {
	if (!target.policy) return null;
	const ref = variantReference(target, variant);
	const flags = policyFlags(target.policy).join(' \\\n  ');
	const types = variantPredicateTypes(variant).filter((type) => type !== COSIGN_SIGN_PREDICATE_TYPE);
	return {
		verify: `cosign verify \\\n  ${flags} \\\n  ${ref}`,
		attestations: types.map((type) => ({
			type,
			command: `cosign verify-attestation \\\n  --type=${cosignAttestationType(type)} \\\n  ${flags} \\\n  ${ref}`,
		})),
		download: `cosign download attestation ${ref} | jq -r .payload | base64 -d | jq .predicateType`,
	};
}
