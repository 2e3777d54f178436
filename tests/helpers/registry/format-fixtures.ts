// The repositories the format and fault tests push: each one as a producer publishes it (see producers.ts).
import type { BuiltImage } from '../../../src/images/demo/builder.ts';
import {
	RepositoryContent,
	buildkitProvenanceV02,
	buildkitProvenanceV1,
	buildkitSubject,
	cosignDsseLayer,
	dsseBundle,
	githubActionsProvenance,
	messageBundle,
	statementBytes,
	syftCycloneDx,
	syftSpdx,
	type Descriptor,
} from './producers.ts';

/** Namespace the fixtures are pushed under. */
export const FIXTURE_NAMESPACE = 'formats';
export const SPDX = 'https://spdx.dev/Document';
export const CYCLONEDX = 'https://cyclonedx.org/bom';
export const SLSA_V1 = 'https://slsa.dev/provenance/v1';
export const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
export const OPENVEX = 'https://openvex.dev/ns/v0.2.0';
/** When the fixture images were built. */
export const BUILT = '2025-06-30T12:00:00Z';

/** A fixture repository and the digests of the artifacts tests look for. */
export type FixtureRepository = BuiltImage & { marks: Record<string, Descriptor> };

/** `docker buildx build --platform linux/amd64,linux/arm64 --sbom --provenance` with oci-artifact=false (older BuildKit). */
export function buildkitLegacy(): FixtureRepository {
	const content = new RepositoryContent('buildkit-legacy');
	const image = `registry.example/${FIXTURE_NAMESPACE}/buildkit-legacy`;
	const platforms = ['amd64', 'arm64'].map((arch) => content.platformImage(arch, BUILT));
	const attestations = platforms.map((platform) =>
		content.buildkitAttestationManifest(
			platform,
			[
				statementBytes('buildkit', SPDX, [buildkitSubject(image, 'latest', platform)], syftSpdx(platform.platform.architecture)),
				statementBytes('buildkit', SLSA_V02, [buildkitSubject(image, 'latest', platform)], buildkitProvenanceV02(BUILT)),
			],
			false,
		),
	);
	content.index([...platforms, ...attestations], ['latest']);
	return { ...content.build(), marks: {} };
}

/** BuildKit's defaults today: OCI-artifact attestation manifests, provenance v1 in mode=min, no SBOM, SOURCE_DATE_EPOCH=0. */
export function buildkitArtifact(): FixtureRepository {
	const content = new RepositoryContent('buildkit-artifact');
	const image = `registry.example/${FIXTURE_NAMESPACE}/buildkit-artifact`;
	const platforms = ['amd64', 'arm64'].map((arch) => content.platformImage(arch, '1970-01-01T00:00:00Z'));
	const attestations = platforms.map((platform) =>
		content.buildkitAttestationManifest(
			platform,
			[statementBytes('buildkit', SLSA_V1, [buildkitSubject(image, 'latest', platform)], buildkitProvenanceV1(BUILT))],
			true,
		),
	);
	content.index([...platforms, ...attestations], ['latest']);
	return { ...content.build(), marks: {} };
}

/**
 * An index signed by cosign 3 (a DSSE bundle with the cosign signature predicate) with an SPDX SBOM attested on the
 * index (cosign attest, bundle v0.3), GitHub build provenance on the index (actions/attest, bundle v0.2) and a
 * CycloneDX SBOM on the amd64 platform only (actions/attest-sbom, bundle v0.1). One more SPDX bundle on the index
 * is about another image: it must be listed, never used.
 */
export function bundles(): FixtureRepository {
	const content = new RepositoryContent('bundles');
	const platforms = ['amd64', 'arm64'].map((arch) => content.platformImage(arch, BUILT));
	const index = content.index(platforms, ['latest', '1.0'], { 'org.opencontainers.image.created': '2025-07-01T08:00:00Z' });
	const about = (descriptor: Descriptor) => [{ name: `ghcr.io/academy/bundles`, digest: { sha256: descriptor.digest.slice(7) } }];
	const signed = statementBytes('sigstore', 'https://sigstore.dev/cosign/sign/v1', [{ digest: about(index)[0].digest }], {});
	const signature = content.cosignBundle(
		index,
		dsseBundle(signed, 'v03'),
		'https://sigstore.dev/cosign/sign/v1',
		'2025-07-01T08:05:00Z',
	);
	content.cosignBundle(
		index,
		dsseBundle(statementBytes('sigstore', SPDX, about(index), syftSpdx('arm64')), 'v03'),
		SPDX,
		'2025-07-01T08:06:00Z',
	);
	const elsewhere = [{ name: 'ghcr.io/academy/other', digest: { sha256: 'f'.repeat(64) } }];
	content.cosignBundle(
		index,
		dsseBundle(statementBytes('sigstore', SPDX, elsewhere, { spdxVersion: 'SPDX-2.3', packages: [{ name: 'not-ours' }] }), 'v03'),
		SPDX,
		'2025-07-01T08:07:00Z',
	);
	content.sigstoreOciReferrer(
		index,
		dsseBundle(statementBytes('sigstore', SLSA_V1, about(index), githubActionsProvenance('academy/bundles')), 'v02'),
		SLSA_V1,
		'2025-07-01T08:08:00.000Z',
	);
	content.sigstoreOciReferrer(
		platforms[0],
		dsseBundle(statementBytes('sigstore', CYCLONEDX, about(platforms[0]), syftCycloneDx('amd64')), 'v01'),
		CYCLONEDX,
		'2025-07-01T08:09:00.000Z',
	);
	return { ...content.build(), marks: { signature } };
}

/**
 * A single-platform index with cosign's older layouts: provenance as a bare DSSE referrer (cosign attest with the
 * referrers mode), a message-signature bundle, and on the platform a `.att` tag holding an SPDX 3 document and a
 * `.sbom` tag with a CycloneDX JSON and an SPDX tag-value document (cosign attach sbom).
 */
export function dsse(): FixtureRepository {
	const content = new RepositoryContent('dsse');
	const [platform] = [content.platformImage('amd64', BUILT)];
	const index = content.index([platform], ['latest']);
	const about = (descriptor: Descriptor) => [
		{ name: 'registry.example/formats/dsse', digest: { sha256: descriptor.digest.slice(7) } },
	];
	content.cosignDsseReferrer(
		index,
		statementBytes('sigstore', SLSA_V1, about(index), githubActionsProvenance('academy/dsse')),
		SLSA_V1,
		'2025-07-01T09:00:00Z',
	);
	const bare = content.bareDsseReferrer(
		index,
		statementBytes('sigstore', OPENVEX, about(index), { '@context': 'https://openvex.dev/ns/v0.2.0', statements: [] }),
		OPENVEX,
		'2025-07-01T09:02:00Z',
	);
	const message = messageBundle(Buffer.from('the index manifest bytes'));
	const messageReferrer = content.cosignReferrer(
		index,
		'application/vnd.dev.sigstore.bundle.v0.3+json',
		[content.blob(message, 'application/vnd.dev.sigstore.bundle.v0.3+json')],
		{
			'dev.sigstore.bundle.content': 'message-signature',
			'org.opencontainers.image.created': '2025-07-01T09:01:00Z',
		},
	);
	const spdx3 = cosignDsseLayer(
		statementBytes('sigstore', SPDX, about(platform), {
			'@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
			'@graph': [],
		}),
		SPDX,
	);
	content.cosignTag(platform, 'att', [
		{ ...content.blob(spdx3.blob, 'application/vnd.dsse.envelope.v1+json'), annotations: spdx3.annotations },
	]);
	content.cosignTag(platform, 'sbom', [
		content.blob(Buffer.from(JSON.stringify(syftCycloneDx('amd64'))), 'application/vnd.cyclonedx+json'),
		content.blob(Buffer.from('SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n'), 'text/spdx'),
	]);
	return { ...content.build(), marks: { message: messageReferrer, bare } };
}
