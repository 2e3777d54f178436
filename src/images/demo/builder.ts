import { gzipSync } from 'node:zlib';
import {
	MediaType,
	computeDigest,
	digestTag,
	joinRepositoryPath,
	mapBounded,
	type RegistryClient,
} from '../../registry/index.ts';
import { PredicateType } from '../../attestations/in-toto.ts';
import type { RecordedAs } from '../collect.ts';
import type { DemoArch, DemoImage, DemoVariant } from './definitions.ts';
import { demoPackages, type DemoPackage } from './packages.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../../attestations/in-toto.ts';
import { createDemoAuthority, type DemoAuthority, type DemoSigningOptions } from './sigstore-authority.ts';

/** A manifest to push under a tag or its own digest. */
export interface BuiltManifest {
	reference: string;
	mediaType: string;
	bytes: Buffer<ArrayBuffer>;
	digest: string;
}

/** Everything one demo image needs in a registry, in push order. */
export interface BuiltImage {
	name: string;
	blobs: Map<string, Buffer<ArrayBuffer>>;
	/** Children before the indexes that name them, subjects before their artifacts. */
	manifests: BuiltManifest[];
}

const APK_ARCH: Record<DemoArch, string> = { amd64: 'x86_64', arm64: 'aarch64' };
const DEFAULT_ENV = {
	PATH: '/usr/local/sbin:/usr/local/bin:/usr/bin:/usr/sbin:/sbin:/bin',
	SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
};
const EMPTY_JSON = Buffer.from('{}');
const WOLFI_REPOSITORY = 'https://packages.wolfi.dev/os';
/** The OpenVEX document attached to the node demo image, as an example of a predicate the pages only list. */
const OPENVEX_PREDICATE_TYPE = 'https://openvex.dev/ns/v0.2.0';
/** Minutes between an image's build and its signing: the signing certificate is valid ten minutes from then. */
const SIGNED_AFTER_MS = 15 * 60 * 1000;

let defaultAuthority: DemoAuthority | undefined;

/** The demo authority, created once: its keys derive from the published seed, so every instance signs alike. */
function demoAuthority(): DemoAuthority {
	defaultAuthority ??= createDemoAuthority();
	return defaultAuthority;
}

/** A ustar archive of small text files, with fixed owner and time so the bytes never vary. */
export function tarArchive(files: Array<[string, string]>): Buffer<ArrayBuffer> {
	const blocks: Buffer[] = [];
	for (const [name, text] of files) {
		const content = Buffer.from(text);
		const header = Buffer.alloc(512);
		const field = (value: string, offset: number, length: number) => header.write(value, offset, length, 'ascii');
		const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');
		field(name, 0, 100);
		field(octal(0o644, 8), 100, 8);
		field(octal(0, 8), 108, 8);
		field(octal(0, 8), 116, 8);
		field(octal(content.length, 12), 124, 12);
		field(octal(0, 12), 136, 12);
		field('        ', 148, 8);
		field('0', 156, 1);
		field('ustar\u000000', 257, 8);
		field('root', 265, 32);
		field('root', 297, 32);
		const checksum = header.reduce((sum, byte) => sum + byte, 0);
		field(`${octal(checksum, 7)}\u0000 `, 148, 8);
		blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512));
	}
	blocks.push(Buffer.alloc(1024));
	return Buffer.concat(blocks);
}

/** gzip with the header's OS byte fixed, so the same input gives the same bytes on every platform. */
export function deterministicGzip(bytes: Buffer): Buffer<ArrayBuffer> {
	const gzipped = Buffer.from(gzipSync(bytes, { level: 9 }));
	gzipped[9] = 3;
	return gzipped;
}

function json(value: unknown): Buffer<ArrayBuffer> {
	return Buffer.from(JSON.stringify(value));
}

function hex(digest: string): string {
	return digest.slice(digest.indexOf(':') + 1);
}

function purl(pkg: DemoPackage, arch: DemoArch): string {
	return `pkg:apk/wolfi/${pkg.name}@${pkg.version}?arch=${APK_ARCH[arch]}`;
}

/** Where the demo images are defined, which their source annotation names. */
export const DEMO_SOURCE_URL = 'https://github.com/supply-chain-academy/academy/blob/main/src/images/demo/definitions.ts';

/**
 * Annotations with the keys apko and the Chainguard publisher set, on the index, each manifest and as config labels,
 * but values that say what the image is: a demo built by this project, never one of Chainguard's. The URL points at
 * the public image the demo stands for, when there is one.
 */
function annotations(definition: DemoImage, created: string): Record<string, string> {
	return {
		'dev.chainguard.image.title': definition.name,
		'dev.chainguard.package.main': '',
		'org.opencontainers.image.authors': 'Supply Chain Academy demo images (not built or signed by Chainguard)',
		'org.opencontainers.image.created': created,
		'org.opencontainers.image.description': definition.publicImage
			? `Demo image shaped after cgr.dev/chainguard/${definition.name}: built by Supply Chain Academy from its definitions, not a copy of the public image.`
			: `Demo-only image: built by Supply Chain Academy from its definitions; no public cgr.dev/chainguard/${definition.name} image exists.`,
		'org.opencontainers.image.source': DEMO_SOURCE_URL,
		'org.opencontainers.image.title': definition.name,
		...(definition.publicImage && {
			'org.opencontainers.image.url': `https://images.chainguard.dev/directory/image/${definition.name}/overview`,
		}),
		'org.opencontainers.image.vendor': 'Supply Chain Academy (demo)',
	};
}

function environment(variant: DemoVariant): string[] {
	return Object.entries({ ...DEFAULT_ENV, ...variant.env })
		.map(([name, value]) => `${name}=${value}`)
		.sort();
}

/** An in-toto Statement about `subjectDigest`, as the JSON bytes that get signed. */
function statement(
	statementType: string,
	subject: string | null,
	subjectDigest: string,
	predicateType: string,
	predicate: unknown,
): Buffer<ArrayBuffer> {
	return json({
		_type: statementType,
		predicateType,
		subject: [{ ...(subject !== null && { name: subject }), digest: { sha256: hex(subjectDigest) } }],
		predicate,
	});
}

interface Platform {
	arch: DemoArch;
	digest: string;
	size: number;
	mediaType: string;
}

/**
 * Build one demo image into blobs and manifests, signed and attested by the demo authority in the layout each variant
 * names: deterministic, so every run yields the same digests and signatures.
 */
export function buildDemoImage(
	definition: DemoImage,
	recordedAs: RecordedAs,
	authority: DemoAuthority = demoAuthority(),
): BuiltImage {
	const built: BuiltImage = { name: definition.name, blobs: new Map(), manifests: [] };
	const docker = definition.format === 'docker';
	const types = docker
		? {
				manifest: MediaType.dockerManifest,
				index: MediaType.dockerList,
				config: MediaType.dockerConfig,
				layer: MediaType.dockerLayerGzip,
			}
		: { manifest: MediaType.ociManifest, index: MediaType.ociIndex, config: MediaType.ociConfig, layer: MediaType.ociLayerGzip };
	const blob = (bytes: Buffer<ArrayBuffer>, mediaType: string) => {
		const digest = computeDigest(bytes);
		built.blobs.set(digest, bytes);
		return { mediaType, digest, size: bytes.length };
	};
	const manifest = (value: Record<string, unknown>, mediaType: string, tags: string[] = []) => {
		const bytes = json(value);
		const digest = computeDigest(bytes);
		for (const tag of tags.length ? tags : [digest]) built.manifests.push({ reference: tag, mediaType, bytes, digest });
		return { mediaType, digest, size: bytes.length };
	};
	const created = definition.created;
	const labels = annotations(definition, created);
	const reference = `${recordedAs.registry}/${joinRepositoryPath(recordedAs.namespace, definition.name)}`;
	/** The referrers of each subject, for the referrers tag schema index docker-registry needs the pusher to keep. */
	const referrers = new Map<string, Array<Record<string, unknown>>>();
	const referrer = (
		subject: { mediaType: string; digest: string; size: number },
		bundle: Buffer<ArrayBuffer>,
		artifactAnnotations: Record<string, string>,
	) => {
		const artifact = manifest(
			{
				schemaVersion: 2,
				mediaType: MediaType.ociManifest,
				artifactType: MediaType.sigstoreBundle,
				config: blob(EMPTY_JSON, MediaType.ociEmpty),
				layers: [blob(bundle, MediaType.sigstoreBundle)],
				subject,
				annotations: artifactAnnotations,
			},
			MediaType.ociManifest,
		);
		const listed = referrers.get(subject.digest) ?? referrers.set(subject.digest, []).get(subject.digest)!;
		listed.push({ ...artifact, artifactType: MediaType.sigstoreBundle, annotations: artifactAnnotations });
	};

	for (const variant of definition.variants) {
		const packages = demoPackages(variant.packages);
		const platforms: Platform[] = definition.architectures.map((arch) => {
			const tar = tarArchive([
				['etc/apk/arch', `${APK_ARCH[arch]}\n`],
				['etc/apk/world', `${packages.map((pkg) => pkg.name).join('\n')}\n`],
				['etc/os-release', 'ID=wolfi\nNAME="Wolfi"\nPRETTY_NAME="Wolfi"\nVERSION_ID="20230201"\nHOME_URL="https://wolfi.dev"\n'],
			]);
			const layer = blob(deterministicGzip(tar), types.layer);
			const config = blob(
				json({
					architecture: arch,
					author: 'github.com/chainguard-dev/apko',
					created,
					history: [{ author: 'apko', created, created_by: 'apko', comment: 'This is an apko single-layer image' }],
					os: 'linux',
					rootfs: { type: 'layers', diff_ids: [computeDigest(tar)] },
					config: {
						Env: environment(variant),
						...(variant.entrypoint && { Entrypoint: variant.entrypoint }),
						...(variant.cmd && { Cmd: variant.cmd }),
						...(variant.workDir && { WorkingDir: variant.workDir }),
						Labels: labels,
						...(variant.user !== null && { User: variant.user }),
						...(variant.stopSignal && { StopSignal: variant.stopSignal }),
					},
				}),
				types.config,
			);
			const body = {
				schemaVersion: 2,
				mediaType: types.manifest,
				config,
				layers: [layer],
				...(docker ? {} : { annotations: labels }),
			};
			return { arch, ...manifest(body, types.manifest) };
		});
		const index = manifest(
			{
				schemaVersion: 2,
				mediaType: types.index,
				manifests: platforms.map((platform) => ({
					mediaType: platform.mediaType,
					size: platform.size,
					digest: platform.digest,
					platform: { architecture: platform.arch, os: 'linux' },
				})),
				...(docker ? {} : { annotations: labels }),
			},
			types.index,
			variant.tags,
		);
		if (variant.signing) {
			const signing = variant.signing;
			const signedAt = new Date(Date.parse(created) + SIGNED_AFTER_MS);
			const options: DemoSigningOptions = { signedAt, ...(signing.identity && { identity: signing.identity }) };
			const predicates = attestationPredicates(definition, variant, packages, platforms, created);
			const subjects = [index, ...platforms];
			for (const subject of subjects) {
				const arch = platforms.find((platform) => platform.digest === subject.digest)?.arch ?? null;
				const attestations = predicates(subject.digest, arch);
				if (signing.layout === 'cosign') {
					// cosign attest writes in-toto Statement v0.1, one DSSE layer per predicate, under the `.att` tag.
					const layers = attestations.map(([predicateType, predicate]) => {
						const signed = authority.cosignAttestation(
							statement('https://in-toto.io/Statement/v0.1', reference, subject.digest, predicateType, predicate),
							options,
							predicateType,
						);
						return { ...blob(signed.blob, MediaType.dsseEnvelope), annotations: signed.annotations };
					});
					manifest(cosignManifest(blob, layers), MediaType.ociManifest, [`${digestTag(subject.digest)}.att`]);
				} else {
					// cosign 3 and GitHub artifact attestations: one Sigstore bundle per predicate, as an OCI referrer.
					for (const [predicateType, predicate] of attestations) {
						const bundle = authority.dsseBundle(
							statement('https://in-toto.io/Statement/v1', reference, subject.digest, predicateType, predicate),
							options,
						);
						referrer(subject, bundle, bundleAnnotations(predicateType, signedAt));
					}
				}
			}
			if (signing.layout === 'cosign') {
				// cosign sign: a simple-signing payload naming the index digest, under the `.sig` tag.
				const payload = json({
					critical: {
						identity: { 'docker-reference': reference },
						image: { 'docker-manifest-digest': index.digest },
						type: 'cosign container image signature',
					},
					optional: null,
				});
				const signed = authority.cosignSignature(payload, options);
				const layer = { ...blob(signed.blob, MediaType.cosignSimpleSigning), annotations: signed.annotations };
				manifest(cosignManifest(blob, [layer]), MediaType.ociManifest, [`${digestTag(index.digest)}.sig`]);
			} else {
				// cosign 3 sign in the bundle format: an in-toto Statement with the cosign sign predicate and an unnamed
				// subject, in a DSSE bundle (cmd/cosign/cli/sign/sign.go signDigestBundle).
				const bundle = authority.dsseBundle(
					statement('https://in-toto.io/Statement/v1', null, index.digest, COSIGN_SIGN_PREDICATE_TYPE, {}),
					options,
				);
				referrer(index, bundle, bundleAnnotations(COSIGN_SIGN_PREDICATE_TYPE, signedAt));
			}
			if (definition.vex) {
				const vex = statement('https://in-toto.io/Statement/v1', reference, index.digest, OPENVEX_PREDICATE_TYPE, {
					'@context': 'https://openvex.dev/ns/v0.2.0',
					'@id': `https://supply-chain-academy.invalid/vex/${definition.name}`,
					author: 'Supply Chain Academy demo data',
					timestamp: created,
					version: 1,
					statements: [],
				});
				referrer(index, authority.dsseBundle(vex, options), bundleAnnotations(OPENVEX_PREDICATE_TYPE, signedAt));
			}
		}
	}
	// docker-registry has no referrers API, so the pusher maintains the referrers tag schema index of each subject.
	for (const [subject, listed] of referrers) {
		manifest({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: listed }, MediaType.ociIndex, [digestTag(subject)]);
	}
	return built;
}

/**
 * The attestations of one variant, per subject: an SPDX SBOM of that subject (the index lists its platforms, a platform
 * its packages), and apko's image configuration and SLSA provenance, which are the same for every subject.
 */
function attestationPredicates(
	definition: DemoImage,
	variant: DemoVariant,
	packages: DemoPackage[],
	platforms: Platform[],
	created: string,
): (subjectDigest: string, arch: DemoArch | null) => Array<[string, unknown]> {
	const account = variant.account;
	const apkoConfig = {
		contents: {
			repositories: [WOLFI_REPOSITORY],
			keyring: [`${WOLFI_REPOSITORY}/wolfi-signing.rsa.pub`],
			packages: packages.map((pkg) => `${pkg.name}=${pkg.version}`),
		},
		accounts: {
			groups: [{ groupname: account.name, gid: account.uid }],
			users: [{ username: account.name, uid: account.uid, gid: account.uid }],
			'run-as': variant.user ?? '',
		},
		...(variant.entrypoint && { entrypoint: { command: variant.entrypoint.join(' ') } }),
		...(variant.cmd && { cmd: variant.cmd.join(' ') }),
		...(variant.workDir && { 'work-dir': variant.workDir }),
		environment: Object.fromEntries(environment(variant).map((entry) => entry.split(/=(.*)/s).slice(0, 2))),
		archs: definition.architectures.map((arch) => APK_ARCH[arch]),
		annotations: annotations(definition, created),
	};
	const provenance = {
		buildDefinition: {
			buildType: 'https://apko.dev/slsa-build-type@v1',
			externalParameters: { config: apkoConfig },
			internalParameters: Object.fromEntries(packages.map((pkg) => [pkg.name, pkg.version])),
			resolvedDependencies: [{ uri: WOLFI_REPOSITORY }],
		},
		runDetails: {
			builder: { id: 'https://github.com/chainguard-dev/terraform-provider-apko' },
			metadata: { startedOn: created, finishedOn: created },
		},
	};
	return (subjectDigest, arch) => [
		[PredicateType.spdx, spdxDocument(definition.name, subjectDigest, arch, packages, platforms, created)],
		[PredicateType.apkoConfig, apkoConfig],
		[PredicateType.slsaV1, provenance],
	];
}

/** The referrer descriptor annotations cosign 3 writes for a bundle (pkg/oci/remote/write.go). */
function bundleAnnotations(predicateType: string, signedAt: Date): Record<string, string> {
	return {
		'dev.sigstore.bundle.content': 'dsse-envelope',
		'dev.sigstore.bundle.predicateType': predicateType,
		'org.opencontainers.image.created': signedAt.toISOString().replace('.000Z', 'Z'),
	};
}

/** The manifest cosign writes for `.sig` and `.att` tags: a small config naming the layers' digests. */
export function cosignManifest(
	blob: (bytes: Buffer<ArrayBuffer>, mediaType: string) => { mediaType: string; digest: string; size: number },
	layers: Array<{ digest: string }>,
): Record<string, unknown> {
	const config = blob(
		json({
			architecture: '',
			created: '0001-01-01T00:00:00Z',
			history: [{ created: '0001-01-01T00:00:00Z' }],
			os: '',
			rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
			config: {},
		}),
		MediaType.ociConfig,
	);
	return { schemaVersion: 2, mediaType: MediaType.ociManifest, config, layers };
}

/** An SPDX 2.3 document as apko writes it: the image, the operating system, then one package per apk. */
function spdxDocument(
	name: string,
	subjectDigest: string,
	arch: DemoArch | null,
	packages: DemoPackage[],
	platforms: Platform[],
	created: string,
): Record<string, unknown> {
	const imageId = `SPDXRef-Package-Image-${subjectDigest.replace(':', '-')}`;
	const imagePackage = (id: string, digest: string, qualifier: string) => ({
		SPDXID: id,
		name: digest,
		versionInfo: digest,
		filesAnalyzed: false,
		licenseConcluded: 'NOASSERTION',
		licenseDeclared: 'NOASSERTION',
		downloadLocation: 'NOASSERTION',
		supplier: 'Organization: Chainguard, Inc.',
		primaryPackagePurpose: 'CONTAINER',
		externalRefs: [
			{ referenceCategory: 'PACKAGE-MANAGER', referenceLocator: `pkg:oci/${name}@${digest}${qualifier}`, referenceType: 'purl' },
		],
	});
	const documentPackages: Array<Record<string, unknown>> = [
		imagePackage(imageId, subjectDigest, arch ? `?arch=${arch}` : '?mediaType=application%2Fvnd.oci.image.index.v1%2Bjson'),
	];
	const relationships: Array<Record<string, string>> = [
		{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
	];
	if (arch === null) {
		for (const platform of platforms) {
			const id = `SPDXRef-Package-Image-${platform.digest.replace(':', '-')}`;
			documentPackages.push(imagePackage(id, platform.digest, `?arch=${platform.arch}`));
			relationships.push({ spdxElementId: imageId, relationshipType: 'VARIANT_OF', relatedSpdxElement: id });
		}
	} else {
		documentPackages.push({
			SPDXID: 'SPDXRef-OperatingSystem',
			name: 'wolfi',
			versionInfo: '20230201',
			filesAnalyzed: false,
			licenseConcluded: 'NOASSERTION',
			licenseDeclared: 'NOASSERTION',
			downloadLocation: 'NOASSERTION',
			supplier: 'Organization: Wolfi',
			primaryPackagePurpose: 'OPERATING-SYSTEM',
		});
		relationships.push({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-OperatingSystem' });
		for (const pkg of packages) {
			const id = `SPDXRef-Package-${pkg.name}-${pkg.version}`;
			documentPackages.push({
				SPDXID: id,
				name: pkg.name,
				versionInfo: pkg.version,
				filesAnalyzed: false,
				licenseConcluded: 'NOASSERTION',
				licenseDeclared: pkg.license,
				downloadLocation: 'NOASSERTION',
				originator: 'Organization: Wolfi',
				supplier: 'Organization: Wolfi',
				copyrightText: 'NOASSERTION',
				externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceLocator: purl(pkg, arch), referenceType: 'purl' }],
			});
			relationships.push({ spdxElementId: 'SPDXRef-OperatingSystem', relationshipType: 'CONTAINS', relatedSpdxElement: id });
		}
	}
	return {
		SPDXID: 'SPDXRef-DOCUMENT',
		name: `sbom-${subjectDigest}`,
		spdxVersion: 'SPDX-2.3',
		creationInfo: { created, creators: ['Tool: apko (v0.29.1)', 'Organization: Chainguard, Inc'], licenseListVersion: '3.22' },
		dataLicense: 'CC0-1.0',
		documentNamespace: `https://spdx.org/spdxdocs/apko/${hex(subjectDigest)}`,
		documentDescribes: [imageId],
		packages: documentPackages,
		relationships,
	};
}

/** Push a built image: all blobs, then manifests in order (children before indexes, subjects before artifacts). */
export async function pushBuiltImage(
	client: RegistryClient,
	repository: string,
	built: BuiltImage,
	concurrency = 8,
): Promise<void> {
	await mapBounded([...built.blobs.values()], concurrency, (bytes) => client.pushBlob(repository, bytes));
	for (const entry of built.manifests) await client.pushManifest(repository, entry.reference, entry.bytes, entry.mediaType);
}
