// Registry content shaped exactly as the tools that publish it write it, for the format tests. Each builder names
// the producer source it follows; byte order of JSON keys follows each producer's serializer (Go structs in field
// order, Go maps sorted, JavaScript objects in insertion order). Signatures come from the demo Sigstore authority,
// so the bundles are real, verifiable v0.3 bundles (v0.1 and v0.2 are the same signature in the older layouts).
import { MediaType, computeDigest, digestTag } from '../../../src/registry/index.ts';
import { cosignManifest, deterministicGzip, tarArchive, type BuiltImage } from '../../../src/images/demo/builder.ts';
import { createDemoAuthority } from '../../../src/images/demo/sigstore-authority.ts';

/** A descriptor as registries and image indexes carry it. */
export interface Descriptor {
	mediaType: string;
	digest: string;
	size: number;
	annotations?: Record<string, string>;
	artifactType?: string;
	platform?: { architecture: string; os: string };
}

/** One in-toto Statement subject. */
interface Subject {
	name?: string;
	digest: Record<string, string>;
}

const authority = createDemoAuthority();
/** When the demo authority signs the fixtures: a fixed time, so every run pushes the same bytes. */
const SIGNED_AT = new Date(Date.UTC(2025, 5, 30, 12, 0, 0));
/** The OCI empty descriptor's blob (image-spec manifest.md, "Guidance for an empty descriptor"). */
const EMPTY_JSON = Buffer.from('{}');

export const BundleMediaType = {
	v01: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
	v02: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
	v03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
} as const;

/** Go's encoding/json of a value whose keys are already in struct order: compact, no trailing newline. */
const goJson = (value: unknown) => Buffer.from(JSON.stringify(value));
/** Go's json.MarshalIndent(value, "", "  "), as BuildKit writes manifests and indexes. */
const goIndent = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));
/** A Go map marshals with sorted keys. */
const goMap = (record: Record<string, string>) =>
	Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const hex = (digest: string) => digest.slice(digest.indexOf(':') + 1);

/** The Statement (v1) that a DSSE bundle signs, keys in the order of the producer's serializer. */
export function statementBytes(order: 'buildkit' | 'sigstore', predicateType: string, subjects: Subject[], predicate: unknown) {
	const type = 'https://in-toto.io/Statement/v1';
	return order === 'buildkit'
		? goJson({ _type: type, predicateType, subject: subjects, predicate })
		: goJson({ _type: type, subject: subjects, predicateType, predicate });
}

/** A real v0.3 DSSE bundle from the demo authority, rewritten in the v0.1 or v0.2 layout when asked. */
export function dsseBundle(statement: Buffer, version: keyof typeof BundleMediaType): Buffer {
	const bundle = JSON.parse(authority.dsseBundle(statement, { signedAt: SIGNED_AT }).toString('utf8'));
	if (version === 'v03') return goJson(bundle);
	// Before v0.3 a bundle held the leaf in a one-certificate chain (sigstore/protobuf-specs, bundle v0.1 and v0.2).
	const { certificate, ...material } = bundle.verificationMaterial;
	return goJson({
		mediaType: BundleMediaType[version],
		verificationMaterial: { x509CertificateChain: { certificates: [certificate] }, ...material },
		dsseEnvelope: bundle.dsseEnvelope,
	});
}

/** A v0.3 message-signature bundle over `artifact` (what `cosign sign --new-bundle-format` signs for a blob). */
export function messageBundle(artifact: Buffer): Buffer {
	return authority.messageBundle(artifact, { signedAt: SIGNED_AT });
}

/** A cosign `.att` / DSSE referrer layer: the envelope blob and cosign's certificate and Rekor bundle annotations. */
export function cosignDsseLayer(statement: Buffer, predicateType: string) {
	return authority.cosignAttestation(statement, { signedAt: SIGNED_AT }, predicateType);
}

/** Packages as syft reports a small Debian image, the scanner BuildKit runs for --sbom (docker/buildkit-syft-scanner). */
const DEBIAN_PACKAGES = [
	{ name: 'base-files', version: '12.4+deb12u11', license: 'GPL-2.0-or-later' },
	{ name: 'bash', version: '5.2.15-2+b8', license: 'GPL-3.0-or-later' },
	{ name: 'libc6', version: '2.36-9+deb12u10', license: 'GPL-2.0-only AND LGPL-2.1-only' },
	{ name: 'openssl', version: '3.0.16-1~deb12u1', license: 'Apache-2.0' },
];

const debPurl = (pkg: { name: string; version: string }, arch: string) =>
	`pkg:deb/debian/${pkg.name}@${encodeURIComponent(pkg.version)}?arch=${arch}&distro=debian-12`;

/** An SPDX 2.3 document as syft writes it (spdx-json), with the Debian release as the OPERATING-SYSTEM package. */
export function syftSpdx(arch: string): Record<string, unknown> {
	return {
		spdxVersion: 'SPDX-2.3',
		dataLicense: 'CC0-1.0',
		SPDXID: 'SPDXRef-DOCUMENT',
		name: '/run/src/core/sbom',
		documentNamespace: `https://anchore.com/syft/dir/run/src/core/sbom-${arch}`,
		creationInfo: {
			licenseListVersion: '3.25',
			creators: ['Organization: Anchore, Inc', 'Tool: syft-v1.18.1', 'Tool: buildkit-v0.19.0'],
			created: '2025-06-30T12:00:00Z',
		},
		packages: [
			...DEBIAN_PACKAGES.map((pkg) => ({
				name: pkg.name,
				SPDXID: `SPDXRef-Package-deb-${pkg.name}`,
				versionInfo: pkg.version,
				supplier: 'NOASSERTION',
				downloadLocation: 'NOASSERTION',
				filesAnalyzed: false,
				sourceInfo: 'acquired package info from DPKG DB: /var/lib/dpkg/status',
				licenseConcluded: 'NOASSERTION',
				licenseDeclared: pkg.license,
				copyrightText: 'NOASSERTION',
				externalRefs: [
					{
						referenceCategory: 'SECURITY',
						referenceType: 'cpe23Type',
						referenceLocator: `cpe:2.3:a:${pkg.name}:${pkg.name}:${pkg.version}:*:*:*:*:*:*:*`,
					},
					{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: debPurl(pkg, arch) },
				],
			})),
			{
				name: 'debian',
				SPDXID: 'SPDXRef-OperatingSystem-debian-12',
				versionInfo: '12',
				supplier: 'NOASSERTION',
				downloadLocation: 'NOASSERTION',
				filesAnalyzed: false,
				licenseConcluded: 'NOASSERTION',
				licenseDeclared: 'NOASSERTION',
				copyrightText: 'NOASSERTION',
				primaryPackagePurpose: 'OPERATING-SYSTEM',
			},
		],
		relationships: DEBIAN_PACKAGES.map((pkg) => ({
			spdxElementId: 'SPDXRef-DOCUMENT',
			relatedSpdxElement: `SPDXRef-Package-deb-${pkg.name}`,
			relationshipType: 'DESCRIBES',
		})),
	};
}

/** A CycloneDX 1.5 JSON BOM as syft writes it (cyclonedx-json): the image as metadata.component, one OS component. */
export function syftCycloneDx(arch: string): Record<string, unknown> {
	return {
		$schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
		bomFormat: 'CycloneDX',
		specVersion: '1.5',
		serialNumber: 'urn:uuid:6f9b7a52-3c1d-4d36-9a0e-0d8d6f2c9a11',
		version: 1,
		metadata: {
			timestamp: '2025-06-30T12:00:00Z',
			tools: { components: [{ type: 'application', author: 'anchore', name: 'syft', version: '1.18.1' }] },
			component: { 'bom-ref': 'image', type: 'container', name: 'app', version: 'sha256:abc' },
		},
		components: [
			...DEBIAN_PACKAGES.map((pkg) => ({
				'bom-ref': debPurl(pkg, arch),
				type: 'library',
				name: pkg.name,
				version: pkg.version,
				licenses: pkg.license.includes(' ') ? [{ expression: pkg.license }] : [{ license: { id: pkg.license } }],
				cpe: `cpe:2.3:a:${pkg.name}:${pkg.name}:${pkg.version}:*:*:*:*:*:*:*`,
				purl: debPurl(pkg, arch),
				properties: [{ name: 'syft:package:type', value: 'deb' }],
			})),
			{ 'bom-ref': 'os:debian@12', type: 'operating-system', name: 'debian', version: '12' },
		],
	};
}

/** The names of the Debian packages the fixtures list, sorted as the snapshot sorts them. */
export const DEBIAN_PACKAGE_NAMES = DEBIAN_PACKAGES.map((pkg) => pkg.name);

/** Content of one repository, built up in push order: blobs, then manifests (subjects before what refers to them). */
export class RepositoryContent {
	readonly #blobs = new Map<string, Buffer<ArrayBuffer>>();
	readonly #manifests: BuiltImage['manifests'] = [];
	/** Referrers tag schema indexes by subject digest, written last: a pusher without the referrers API keeps them. */
	readonly #tagSchema = new Map<string, { format: 'ggcr' | 'sigstore-js'; entries: Descriptor[] }>();

	readonly name: string;

	constructor(name: string) {
		this.name = name;
	}

	blob(bytes: Buffer, mediaType: string): Descriptor {
		const digest = computeDigest(bytes);
		this.#blobs.set(digest, Buffer.from(bytes));
		return { mediaType, digest, size: bytes.length };
	}

	manifest(bytes: Buffer, mediaType: string, tags: string[] = []): Descriptor {
		const digest = computeDigest(bytes);
		for (const reference of tags.length ? tags : [digest]) {
			this.#manifests.push({ reference, mediaType, bytes: Buffer.from(bytes), digest });
		}
		return { mediaType, digest, size: bytes.length };
	}

	/**
	 * A runnable image for one platform as BuildKit exports it: an OCI manifest (MarshalIndent) over a config and one
	 * gzip layer. `created` is the config's created time (SOURCE_DATE_EPOCH=0 builds write the Unix epoch).
	 */
	platformImage(architecture: string, created: string): Descriptor & { platform: { architecture: string; os: string } } {
		const tar = tarArchive([['etc/debian_version', '12.11\n']]);
		const layer = this.blob(deterministicGzip(tar), MediaType.ociLayerGzip);
		const config = this.blob(
			goJson({
				architecture,
				config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['bash'], WorkingDir: '/' },
				created,
				history: [{ created, created_by: 'RUN /bin/sh -c apt-get update # buildkit', comment: 'buildkit.dockerfile.v0' }],
				os: 'linux',
				rootfs: { type: 'layers', diff_ids: [computeDigest(tar)] },
			}),
			MediaType.ociConfig,
		);
		const manifest = this.manifest(
			goIndent({ schemaVersion: 2, mediaType: MediaType.ociManifest, config, layers: [layer] }),
			MediaType.ociManifest,
		);
		return { ...manifest, platform: { architecture, os: 'linux' } };
	}

	/**
	 * BuildKit's attestation manifest for one platform (exporter/containerimage/writer.go commitAttestationsManifest):
	 * one layer per Statement with the in-toto.io/predicate-type annotation; as an OCI artifact (artifactType, subject,
	 * empty config) or, with oci-artifact=false, with an unknown/unknown image config. Returns the index entry.
	 */
	buildkitAttestationManifest(target: Descriptor, statements: Buffer[], ociArtifact: boolean): Descriptor {
		const layers = statements.map((bytes) => ({
			...this.blob(bytes, MediaType.inTotoPayload),
			annotations: { 'in-toto.io/predicate-type': JSON.parse(bytes.toString('utf8')).predicateType as string },
		}));
		const config = ociArtifact
			? { ...this.blob(EMPTY_JSON, MediaType.ociEmpty), data: 'e30=' }
			: this.blob(
					goJson({
						architecture: 'unknown',
						os: 'unknown',
						config: {},
						rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
					}),
					MediaType.ociConfig,
				);
		const manifest = this.manifest(
			goIndent({
				schemaVersion: 2,
				mediaType: MediaType.ociManifest,
				...(ociArtifact && { artifactType: 'application/vnd.docker.attestation.manifest.v1+json' }),
				config,
				layers,
				...(ociArtifact && { subject: { mediaType: target.mediaType, digest: target.digest, size: target.size } }),
			}),
			MediaType.ociManifest,
		);
		return {
			...manifest,
			annotations: { 'vnd.docker.reference.digest': target.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
			platform: { architecture: 'unknown', os: 'unknown' },
		};
	}

	/** An OCI image index over `entries` (runnable platforms first, attestation manifests after), MarshalIndent. */
	index(entries: Descriptor[], tags: string[], annotations?: Record<string, string>): Descriptor {
		return this.manifest(
			goIndent({
				schemaVersion: 2,
				mediaType: MediaType.ociIndex,
				manifests: entries,
				...(annotations && { annotations: goMap(annotations) }),
			}),
			MediaType.ociIndex,
			tags,
		);
	}

	/**
	 * A referrer as cosign 3 writes it (pkg/oci/remote/write.go WriteReferrer): go-containerregistry's Manifest in
	 * field order with the config carrying the artifactType too, then the manifest's own artifactType; annotations a
	 * sorted map. Registries without the referrers API get go-containerregistry's tag schema index.
	 */
	cosignReferrer(
		subject: Descriptor,
		artifactType: string,
		layers: Descriptor[],
		annotations: Record<string, string>,
	): Descriptor {
		const empty = this.blob(EMPTY_JSON, MediaType.ociEmpty);
		const manifest = this.manifest(
			goJson({
				schemaVersion: 2,
				mediaType: MediaType.ociManifest,
				config: { mediaType: MediaType.ociEmpty, size: empty.size, digest: empty.digest, artifactType },
				layers: layers.map((layer) => ({
					mediaType: layer.mediaType,
					size: layer.size,
					digest: layer.digest,
					...(layer.annotations && { annotations: goMap(layer.annotations) }),
				})),
				annotations: goMap(annotations),
				subject: { mediaType: subject.mediaType, size: subject.size, digest: subject.digest },
				artifactType,
			}),
			MediaType.ociManifest,
		);
		this.#refer('ggcr', subject, {
			mediaType: manifest.mediaType,
			size: manifest.size,
			digest: manifest.digest,
			annotations: goMap(annotations),
			artifactType,
		} as Descriptor);
		return manifest;
	}

	/** `cosign attest --new-bundle-format` / `cosign sign` (v3): WriteAttestationNewBundleFormat, one bundle layer. */
	cosignBundle(subject: Descriptor, bundle: Buffer, predicateType: string, created: string): Descriptor {
		return this.cosignReferrer(subject, BundleMediaType.v03, [this.blob(bundle, BundleMediaType.v03)], {
			'org.opencontainers.image.created': created,
			'dev.sigstore.bundle.content': 'dsse-envelope',
			'dev.sigstore.bundle.predicateType': predicateType,
		});
	}

	/**
	 * `cosign attest` into the referrers layout (WriteAttestationsReferrer): DSSE envelope layers, artifactType the
	 * in-toto media type, layer annotations carrying certificate, chain and Rekor bundle.
	 */
	cosignDsseReferrer(subject: Descriptor, statement: Buffer, predicateType: string, created: string): Descriptor {
		const signed = cosignDsseLayer(statement, predicateType);
		const layer = { ...this.blob(signed.blob, MediaType.dsseEnvelope), annotations: signed.annotations };
		return this.cosignReferrer(subject, MediaType.inTotoPayload, [layer], { 'org.opencontainers.image.created': created });
	}

	/**
	 * A referrer holding nothing but a DSSE envelope: layer media type application/vnd.dsse.envelope.v1+json, no
	 * Sigstore bundle, no certificate, chain or Rekor bundle annotation; only the predicateType annotation. The envelope
	 * is the demo authority's, signed, with its verification material left out.
	 */
	bareDsseReferrer(subject: Descriptor, statement: Buffer, predicateType: string, created: string): Descriptor {
		const envelope = cosignDsseLayer(statement, predicateType).blob;
		const layer = { ...this.blob(envelope, MediaType.dsseEnvelope), annotations: { predicateType } };
		return this.cosignReferrer(subject, MediaType.inTotoPayload, [layer], { 'org.opencontainers.image.created': created });
	}

	/**
	 * actions/attest with push-to-registry (src/attest.ts → @sigstore/oci attachArtifactToImage, image.ts): artifactType
	 * and layer type are the bundle's mediaType; annotations created (toISOString), content and predicate type; the
	 * tag schema index written the way @sigstore/oci writes it.
	 */
	sigstoreOciReferrer(subject: Descriptor, bundle: Buffer, predicateType: string, created: string): Descriptor {
		const mediaType = JSON.parse(bundle.toString('utf8')).mediaType as string;
		const layer = this.blob(bundle, mediaType);
		const empty = this.blob(EMPTY_JSON, MediaType.ociEmpty);
		const annotations = {
			'org.opencontainers.image.created': created,
			'dev.sigstore.bundle.content': 'dsse-envelope',
			'dev.sigstore.bundle.predicateType': predicateType,
		};
		const manifest = this.manifest(
			Buffer.from(
				JSON.stringify({
					schemaVersion: 2,
					mediaType: MediaType.ociManifest,
					artifactType: mediaType,
					config: { mediaType: MediaType.ociEmpty, digest: empty.digest, size: empty.size },
					layers: [{ mediaType, digest: layer.digest, size: layer.size }],
					subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
					annotations,
				}),
			),
			MediaType.ociManifest,
		);
		this.#refer('sigstore-js', subject, { ...manifest, artifactType: mediaType, annotations });
		return manifest;
	}

	/** cosign's tag layout: `sha256-<hex>.att` with DSSE layers, or `.sbom` with one SBOM document (cosign attach sbom). */
	cosignTag(subject: Descriptor, suffix: 'att' | 'sbom', layers: Descriptor[]): Descriptor {
		const manifest = cosignManifest((bytes, mediaType) => this.blob(bytes, mediaType), layers);
		return this.manifest(goJson(manifest), MediaType.ociManifest, [`${digestTag(subject.digest)}.${suffix}`]);
	}

	#refer(format: 'ggcr' | 'sigstore-js', subject: Descriptor, entry: Descriptor): void {
		const index = this.#tagSchema.get(subject.digest) ?? { format, entries: [] };
		index.entries.push(entry);
		this.#tagSchema.set(subject.digest, index);
	}

	/** Everything to push, tag schema indexes last. */
	build(): BuiltImage {
		const manifests = [...this.#manifests];
		for (const [subject, { format, entries }] of this.#tagSchema) {
			const index =
				format === 'ggcr'
					? goJson({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: entries })
					: Buffer.from(JSON.stringify({ mediaType: MediaType.ociIndex, schemaVersion: 2, manifests: entries }));
			manifests.push({
				reference: digestTag(subject),
				mediaType: MediaType.ociIndex,
				bytes: index,
				digest: computeDigest(index),
			});
		}
		return { name: this.name, blobs: this.#blobs, manifests };
	}
}

/** The in-toto subject BuildKit writes for a platform image (purl of the image name, exporter/containerimage/writer.go). */
export function buildkitSubject(image: string, tag: string, platform: Descriptor): Subject {
	const arch = platform.platform?.architecture ?? 'amd64';
	return { name: `pkg:docker/${image}@${tag}?platform=linux%2F${arch}`, digest: { sha256: hex(platform.digest) } };
}

/** SLSA provenance v0.2 as BuildKit writes it in mode=min (docs/attestations/slsa-definitions.md, "SLSA v0.2"). */
export function buildkitProvenanceV02(finishedOn: string): Record<string, unknown> {
	return {
		builder: { id: 'https://github.com/docker/buildx/actions/runs/3709599520' },
		buildType: 'https://mobyproject.org/buildkit@v1',
		materials: [
			{
				uri: 'pkg:docker/debian@12?platform=linux%2Famd64',
				digest: { sha256: '8914eb54f968791faf6a8638949e480fef81e697984fba772b3976835194c6d4' },
			},
		],
		invocation: {
			configSource: { entryPoint: 'Dockerfile' },
			parameters: { frontend: 'dockerfile.v0', args: {}, locals: [{ name: 'context' }, { name: 'dockerfile' }] },
			environment: { platform: 'linux/amd64' },
		},
		metadata: {
			buildInvocationID: 'rpv7a389uzil5lqmrgwhijwjz',
			buildStartedOn: finishedOn,
			buildFinishedOn: finishedOn,
			completeness: { parameters: false, environment: true, materials: false },
			reproducible: false,
			'https://mobyproject.org/buildkit@v1#metadata': {},
		},
	};
}

/** SLSA provenance v1 as BuildKit writes it in mode=min (docs/attestations/slsa-provenance.md): builder id empty. */
export function buildkitProvenanceV1(finishedOn: string): Record<string, unknown> {
	return {
		buildDefinition: {
			buildType: 'https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md',
			externalParameters: {
				configSource: { path: 'Dockerfile' },
				request: { frontend: 'dockerfile.v0', args: {}, locals: [{ name: 'context' }, { name: 'dockerfile' }] },
			},
			internalParameters: { builderPlatform: 'linux/amd64' },
			resolvedDependencies: [
				{
					uri: 'pkg:docker/debian@12?platform=linux%2Famd64',
					digest: { sha256: '8914eb54f968791faf6a8638949e480fef81e697984fba772b3976835194c6d4' },
				},
			],
		},
		runDetails: {
			builder: { id: '' },
			metadata: {
				invocationId: 'yirbp1aosi1vqjmi3z6bc75nb',
				startedOn: finishedOn,
				finishedOn,
				buildkit_reproducible: false,
				buildkit_completeness: { request: false, resolvedDependencies: false },
				buildkit_metadata: {},
			},
		},
	};
}

/** SLSA provenance v1 as actions/attest-build-provenance builds it (actions/toolkit packages/attest/src/provenance.ts). */
export function githubActionsProvenance(repository: string): Record<string, unknown> {
	const server = 'https://github.com';
	return {
		buildDefinition: {
			buildType: 'https://actions.github.io/buildtypes/workflow/v1',
			externalParameters: {
				workflow: { ref: 'refs/heads/main', repository: `${server}/${repository}`, path: '.github/workflows/release.yml' },
			},
			internalParameters: {
				github: {
					event_name: 'push',
					repository_id: '123456789',
					repository_owner_id: '987654',
					runner_environment: 'github-hosted',
				},
			},
			resolvedDependencies: [
				{
					uri: `git+${server}/${repository}@refs/heads/main`,
					digest: { gitCommit: '4b9afa4c890de9d1a84c75bb617ee4d96207823a' },
				},
			],
		},
		runDetails: {
			builder: { id: `${server}/${repository}/.github/workflows/release.yml@refs/heads/main` },
			metadata: { invocationId: `${server}/${repository}/actions/runs/16000000000/attempts/1` },
		},
	};
}
