import {
	MediaType,
	RegistryError,
	digestTag,
	isArtifactTag,
	joinRepositoryPath,
	platformName,
	repositoryPath,
	type Descriptor,
	type FetchedManifest,
	type ImageManifest,
	type RegistryClient,
	type RegistryErrorContext,
} from '../registry/index.ts';
import { PredicateType, decodeBundleStatement, decodeDsseStatement, type Statement } from '../attestations/in-toto.ts';
import { compareText } from '../lib/compare.ts';
import { deriveHasPackageManager, deriveHasShell, deriveRunsAsRoot } from './derive.ts';
import { imageConfigurationFromApko, provenanceFromSlsa, sbomFromSpdx } from './evidence.ts';
import {
	digestVerification,
	type CheckedEvidence,
	type CheckSubject,
	type FoundLayer,
	type SignatureChecks,
} from './verification.ts';
import {
	IMAGE_SCHEMA_VERSION,
	imageRepositorySchema,
	type Attestation,
	type ImageConfig,
	type ImagePlatform,
	type ImageRepository,
	type ImageVariant,
	type Provenance,
	type Referrer,
	type Sbom,
	type Signature,
} from './model.ts';

/** Which tags to follow: a list, or every image tag the registry lists. */
export type TagSelection = string[] | 'all';

/** Where and how the repository is recorded in the snapshot (the demo records cgr.dev while pulling from loopback). */
export interface RecordedAs {
	registry: string;
	namespace: string;
}

export interface CollectRequest {
	client: RegistryClient;
	/** Short name below the namespace: `python`. */
	name: string;
	tags: TagSelection;
	recordedAs: RecordedAs;
	/** The snapshot entry from the last sync; unchanged tags and variants are taken from it. */
	previous: ImageRepository | null;
	/** Compare tag digests with `previous` and stop early when nothing moved. */
	incremental: boolean;
	/** The run's signature verification: policy, trust root and the outcomes already known. */
	checks: SignatureChecks;
}

export interface CollectResult {
	image: ImageRepository;
	status: 'updated' | 'unchanged';
	/** Requested tags the repository does not have. */
	missingTags: string[];
}

/** Everything signed or attested about one digest. */
interface ArtifactFindings {
	signatures: Signature[];
	attestations: Attestation[];
	referrers: Referrer[];
	statements: Statement[];
	/** SBOMs attached with cosign's deprecated `.sbom` tag, already summarized. */
	attachedSboms: Sbom[];
}

/** An SBOM attached with cosign's `.sbom` tag carries no signature of its own, so there is nothing in it to verify. */
const ATTACHED_SBOM_CHECK: CheckedEvidence = {
	verification: {
		status: 'not-checked',
		reason: {
			code: 'unsupported-format',
			message:
				'An SBOM attached with cosign’s .sbom tag is a plain file with no signature in it; a separate signature of the attachment is not looked up.',
		},
		format: null,
		identity: null,
		issuer: null,
		transparencyLog: null,
		trustRoot: null,
		predicateType: null,
	},
	verificationKey: null,
};

const SPDX_MEDIA_TYPES = ['text/spdx+json', 'application/spdx+json'];
const UNDERSTOOD: readonly string[] = Object.values(PredicateType);

/** Collects one repository into the model; requests made here run through the client's shared transport. */
class RepositoryCollector {
	readonly #client: RegistryClient;
	readonly #repository: string;
	readonly #checks: SignatureChecks;
	#knownTags: Set<string> | null = null;

	constructor(client: RegistryClient, repository: string, checks: SignatureChecks) {
		this.#client = client;
		this.#repository = repository;
		this.#checks = checks;
	}

	/** All tags, fetched at most once: they tell which cosign and tag-schema artifacts exist without probing. */
	async knownTags(): Promise<Set<string>> {
		this.#knownTags ??= new Set(await this.#client.tags(this.#repository));
		return this.#knownTags;
	}

	/** Verify signed layers about `subject`, fetching a blob only when its outcome is not cached. */
	#check(layers: readonly FoundLayer[], subject: CheckSubject): Promise<CheckedEvidence> {
		return this.#checks.check(layers, subject, (digest) => this.#client.getBlob(this.#repository, digest));
	}

	/**
	 * Signatures, attestations and referrers of `digest`, each verified against it; only predicates in `wanted` are read.
	 * `manifest` gives the digest's manifest bytes, which a message-signature bundle signs.
	 */
	async #artifacts(digest: string, wanted: readonly string[], manifest: () => Promise<Uint8Array>): Promise<ArtifactFindings> {
		const known = await this.knownTags();
		const subject: CheckSubject = { digest, manifest };
		const base = digestTag(digest);
		const findings: ArtifactFindings = { signatures: [], attestations: [], referrers: [], statements: [], attachedSboms: [] };
		const [sig, att, sbom, referrers] = await Promise.all([
			known.has(`${base}.sig`) ? this.#client.getManifest(this.#repository, `${base}.sig`) : null,
			known.has(`${base}.att`) ? this.#client.getManifest(this.#repository, `${base}.att`) : null,
			known.has(`${base}.sbom`) ? this.#client.getManifest(this.#repository, `${base}.sbom`) : null,
			this.#client.referrers(this.#repository, digest, { knownTags: known }),
		]);
		if (sig) {
			const layers = this.#layersOf(sig, 'cosign signature').filter((layer) => layer.mediaType === MediaType.cosignSimpleSigning);
			findings.signatures.push({
				source: 'cosign-tag',
				digest: sig.digest,
				count: layers.length,
				...(await this.#check(layers, subject)),
			});
		}
		if (att) {
			const layers = this.#layersOf(att, 'cosign attestation').filter((layer) => layer.mediaType === MediaType.dsseEnvelope);
			await Promise.all(
				layers.map(async (layer) => {
					// cosign names the predicate type in a layer annotation: envelopes whose predicate this level does not use stay
					// unread, and are fetched only to verify them when their outcome is not cached.
					const announced = layer.annotations?.predicateType;
					if (announced && !wanted.includes(announced)) {
						findings.attestations.push({
							predicateType: announced,
							source: 'cosign-tag',
							statement: null,
							understood: UNDERSTOOD.includes(announced),
							...(await this.#check([layer], subject)),
						});
						return;
					}
					const bytes = await this.#client.getBlob(this.#repository, layer.digest);
					const statement = decodeDsseStatement(bytes, this.#context(layer.digest));
					this.#addStatement(findings, statement, 'cosign-tag', await this.#check([{ ...layer, bytes }], subject));
				}),
			);
		}
		if (sbom) {
			for (const layer of this.#layersOf(sbom, 'cosign SBOM')) {
				const spdx = SPDX_MEDIA_TYPES.includes(layer.mediaType);
				findings.attestations.push({
					predicateType: spdx ? PredicateType.spdx : layer.mediaType,
					source: 'cosign-tag',
					statement: null,
					understood: spdx,
					...ATTACHED_SBOM_CHECK,
				});
				if (spdx)
					findings.attachedSboms.push(
						sbomFromSpdx(
							await this.#client.getJsonBlob(this.#repository, layer.digest, 'SPDX SBOM'),
							this.#context(layer.digest),
						),
					);
			}
		}
		for (const descriptor of referrers.descriptors) await this.#readReferrer(findings, descriptor, subject);
		findings.attestations.sort((a, b) => compareText(a.predicateType, b.predicateType) || compareText(a.source, b.source));
		findings.referrers.sort((a, b) => compareText(a.digest, b.digest));
		return findings;
	}

	#context(reference: string): RegistryErrorContext {
		return { registry: this.#client.location.host, repository: this.#repository, reference };
	}

	#layersOf(manifest: FetchedManifest, what: string): Descriptor[] {
		if (manifest.kind !== 'manifest') {
			throw new RegistryError(
				'json',
				`The ${what} at ${manifest.digest} is an index, not a manifest`,
				'The artifact tag holds an unexpected document; report it to the image publisher.',
				this.#context(manifest.digest),
			);
		}
		return manifest.manifest.layers;
	}

	#addStatement(findings: ArtifactFindings, statement: Statement, source: Attestation['source'], check: CheckedEvidence): void {
		findings.statements.push(statement);
		findings.attestations.push({
			predicateType: statement.predicateType,
			source,
			statement: statement.version,
			understood: UNDERSTOOD.includes(statement.predicateType),
			...check,
		});
	}

	/** A referrer is always listed; Sigstore bundles are opened to count signatures or read their Statement, and verified. */
	async #readReferrer(findings: ArtifactFindings, descriptor: Descriptor, subject: CheckSubject): Promise<void> {
		findings.referrers.push({
			digest: descriptor.digest,
			artifactType: descriptor.artifactType ?? null,
			mediaType: descriptor.mediaType,
			size: descriptor.size,
			annotations: descriptor.annotations ? sortRecord(descriptor.annotations) : null,
		});
		if (descriptor.artifactType !== MediaType.sigstoreBundle) return;
		const manifest = await this.#client.getManifest(this.#repository, descriptor.digest);
		for (const layer of this.#layersOf(manifest, 'Sigstore bundle')) {
			const bytes = await this.#client.getBlob(this.#repository, layer.digest);
			const statement = decodeBundleStatement(bytes, this.#context(layer.digest));
			const check = await this.#check([{ ...layer, bytes }], subject);
			if (statement) this.#addStatement(findings, statement, 'referrers', check);
			else findings.signatures.push({ source: 'referrers', digest: descriptor.digest, count: 1, ...check });
		}
	}

	#findSbom(findings: ArtifactFindings, reference: string): Sbom | null {
		const statement = findings.statements.find((candidate) => candidate.predicateType === PredicateType.spdx);
		return statement ? sbomFromSpdx(statement.predicate, this.#context(reference)) : (findings.attachedSboms[0] ?? null);
	}

	/** One platform manifest; `artifacts` are its findings (already under way, or the variant's own for a single manifest). */
	async #platform(
		manifest: ImageManifest,
		digest: string,
		mediaType: string,
		declared: Descriptor['platform'] | null,
		inherited: Provenance | null,
		artifacts: Promise<ArtifactFindings>,
	): Promise<ImagePlatform> {
		const [configJson, findings] = await Promise.all([
			this.#client.getJsonBlob(this.#repository, manifest.config.digest, 'image config'),
			artifacts,
		]);
		const configDocument = readConfigDocument(configJson, this.#context(manifest.config.digest));
		const config = configDocument.config;
		const os = declared?.os ?? configDocument.os;
		const architecture = declared?.architecture ?? configDocument.architecture;
		const variant = declared?.variant ?? configDocument.variant;
		const sbom = this.#findSbom(findings, digest);
		return {
			platform: platformName({ os, architecture, variant: variant ?? undefined }),
			os,
			architecture,
			variant,
			digest,
			mediaType,
			compressedSize: manifest.layers.reduce((total, layer) => total + layer.size, 0),
			layers: manifest.layers.length,
			created: configDocument.created,
			config,
			annotations: manifest.annotations ? sortRecord(manifest.annotations) : null,
			signatures: findings.signatures,
			verification: digestVerification(findings.signatures, findings.attestations),
			attestations: findings.attestations,
			referrers: findings.referrers,
			sbom,
			provenance: provenanceOf(findings) ?? inherited,
			facts: {
				hasShell: deriveHasShell(sbom, config),
				hasPackageManager: deriveHasPackageManager(sbom),
				runsAsRoot: deriveRunsAsRoot(config),
			},
		};
	}

	/** One variant: the index (or single manifest) at `digest`, its platforms, and what is signed or attested. */
	async variant(digest: string, tags: string[], announcedType: string | null): Promise<ImageVariant> {
		// The HEAD's Content-Type says whether this is an index; if it did not, all predicates are read to be safe.
		const index = announcedType === MediaType.ociIndex || announcedType === MediaType.dockerList;
		const wanted = index ? [PredicateType.apkoConfig, PredicateType.slsaV1, PredicateType.slsaV02] : UNDERSTOOD;
		const fetchedTop = this.#client.getManifest(this.#repository, digest);
		const [top, findings] = await Promise.all([
			fetchedTop,
			this.#artifacts(digest, wanted, async () => (await fetchedTop).bytes),
		]);
		const provenance = provenanceOf(findings);
		let platforms: ImagePlatform[];
		if (top.kind === 'index') {
			const children = top.index.manifests.filter(
				(child) =>
					child.platform &&
					child.platform.os !== 'unknown' &&
					(child.mediaType === MediaType.ociManifest || child.mediaType === MediaType.dockerManifest),
			);
			platforms = await Promise.all(
				children.map(async (child) => {
					const fetched = await this.#client.getManifest(this.#repository, child.digest);
					if (fetched.kind !== 'manifest') {
						throw new RegistryError(
							'json',
							`Platform ${platformName(child.platform!)} points at an index`,
							'Nested indexes are not images; report it to the image publisher.',
							this.#context(child.digest),
						);
					}
					// Per platform only the SBOM is read; provenance and image configuration come from the index.
					return this.#platform(
						fetched.manifest,
						child.digest,
						fetched.mediaType,
						child.platform,
						provenance,
						this.#artifacts(child.digest, [PredicateType.spdx], async () => fetched.bytes),
					);
				}),
			);
		} else {
			platforms = [await this.#platform(top.manifest, digest, top.mediaType, null, null, Promise.resolve(findings))];
		}
		const configStatement = findings.statements.find((statement) => statement.predicateType === PredicateType.apkoConfig);
		return {
			digest,
			mediaType: top.mediaType,
			tags: [...tags].sort(compareText),
			annotations:
				top.kind === 'index'
					? top.index.annotations
						? sortRecord(top.index.annotations)
						: null
					: top.manifest.annotations
						? sortRecord(top.manifest.annotations)
						: null,
			signatures: findings.signatures,
			verification: digestVerification(findings.signatures, findings.attestations),
			attestations: findings.attestations,
			referrers: findings.referrers,
			provenance,
			imageConfiguration: configStatement ? imageConfigurationFromApko(configStatement.predicate) : null,
			platforms: platforms.sort((a, b) => compareText(a.platform, b.platform)),
		};
	}
}

/** SLSA provenance among the findings: v1 when published, else v0.2. */
function provenanceOf(findings: ArtifactFindings): Provenance | null {
	for (const predicateType of [PredicateType.slsaV1, PredicateType.slsaV02]) {
		const statement = findings.statements.find((candidate) => candidate.predicateType === predicateType);
		if (statement) return provenanceFromSlsa(predicateType, statement.predicate);
	}
	return null;
}

/** A copy of `record` with its keys in code-unit order, so that snapshots serialize the same way every time. */
export function sortRecord(record: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

interface ConfigDocument {
	os: string;
	architecture: string;
	variant: string | null;
	created: string | null;
	config: ImageConfig;
}

/** Read an OCI or Docker image config blob; fields of the wrong type are errors, absent ones are null. */
export function readConfigDocument(json: unknown, context: RegistryErrorContext): ConfigDocument {
	const fail = (field: string, expected: string) =>
		new RegistryError(
			'json',
			`Image config field "${field}" is not ${expected}`,
			'The image config does not follow the OCI image spec; report it to the image publisher.',
			context,
		);
	if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('(document)', 'an object');
	const document = json as Record<string, unknown>;
	const text = (value: unknown, field: string): string | null => {
		if (value === undefined || value === null) return null;
		if (typeof value !== 'string') throw fail(field, 'a string');
		return value;
	};
	const list = (value: unknown, field: string): string[] | null => {
		if (value === undefined || value === null) return null;
		if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw fail(field, 'a list of strings');
		return value as string[];
	};
	const keys = (value: unknown, field: string): string[] | null => {
		if (value === undefined || value === null) return null;
		if (typeof value !== 'object' || Array.isArray(value)) throw fail(field, 'an object');
		return Object.keys(value).sort(compareText);
	};
	const inner = (document.config ?? {}) as Record<string, unknown>;
	if (typeof inner !== 'object' || Array.isArray(inner)) throw fail('config', 'an object');
	const env = list(inner.Env, 'config.Env');
	const labels = inner.Labels;
	if (
		labels !== undefined &&
		labels !== null &&
		(typeof labels !== 'object' || Object.values(labels).some((value) => typeof value !== 'string'))
	) {
		throw fail('config.Labels', 'a map of strings');
	}
	const os = text(document.os, 'os');
	const architecture = text(document.architecture, 'architecture');
	if (!os || !architecture) throw fail(os ? 'architecture' : 'os', 'set');
	return {
		os,
		architecture,
		variant: text(document.variant, 'variant'),
		created: text(document.created, 'created'),
		config: {
			user: text(inner.User, 'config.User'),
			entrypoint: list(inner.Entrypoint, 'config.Entrypoint'),
			cmd: list(inner.Cmd, 'config.Cmd'),
			workingDir: text(inner.WorkingDir, 'config.WorkingDir') || null,
			env:
				env?.map((entry) => {
					const equals = entry.indexOf('=');
					return equals < 0 ? { name: entry, value: '' } : { name: entry.slice(0, equals), value: entry.slice(equals + 1) };
				}) ?? null,
			labels: labels ? sortRecord(labels as Record<string, string>) : null,
			stopSignal: text(inner.StopSignal, 'config.StopSignal'),
			volumes: keys(inner.Volumes, 'config.Volumes'),
			exposedPorts: keys(inner.ExposedPorts, 'config.ExposedPorts'),
		},
	};
}

/** Whether the tag→digest map equals the one recorded in `previous`. */
function sameTags(previous: ImageRepository, current: Map<string, string>): boolean {
	return previous.tags.length === current.size && previous.tags.every((tag) => current.get(tag.name) === tag.digest);
}

/**
 * Collect one repository: resolve the tags (HEAD each), and when anything moved, fetch the variants that are new,
 * reusing unchanged variants from the previous snapshot entry.
 */
export async function collectRepository(request: CollectRequest): Promise<CollectResult> {
	const { client, name, recordedAs, previous } = request;
	const repository = repositoryPath(client.location, name);
	const collector = new RepositoryCollector(client, repository, request.checks);
	const wanted = request.tags === 'all' ? [...(await collector.knownTags())].filter((tag) => !isArtifactTag(tag)) : request.tags;
	const heads = await Promise.all(wanted.map(async (tag) => [tag, await client.headManifest(repository, tag)] as const));
	const digests = new Map<string, string>();
	const mediaTypes = new Map<string, string | null>();
	const missingTags: string[] = [];
	for (const [tag, head] of heads) {
		if (head) digests.set(tag, head.digest);
		if (head) mediaTypes.set(head.digest, head.mediaType);
		else missingTags.push(tag);
	}
	if (digests.size === 0) {
		throw new RegistryError(
			'http',
			`None of the tags ${wanted.join(', ') || '(none listed)'} exist`,
			'Check the tag names with --tags, or use --all-tags.',
			{
				registry: client.location.host,
				repository,
				status: 404,
				code: 'MANIFEST_UNKNOWN',
			},
		);
	}
	// An image checked against another policy or trust root is collected again, even if none of its tags moved.
	const reusable = request.incremental && previous !== null && request.checks.isCurrent(previous) ? previous : null;
	if (reusable && sameTags(reusable, digests)) return { image: reusable, status: 'unchanged', missingTags };
	const byDigest = new Map<string, string[]>();
	for (const [tag, digest] of digests) byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
	const variants = await Promise.all(
		[...byDigest].map(async ([digest, tags]) => {
			const reused = reusable?.variants.find((variant) => variant.digest === digest);
			return reused
				? { ...reused, tags: [...tags].sort(compareText) }
				: collector.variant(digest, tags, mediaTypes.get(digest) ?? null);
		}),
	);
	const recordedRepository = joinRepositoryPath(recordedAs.namespace, name);
	const image = imageRepositorySchema.parse({
		schemaVersion: IMAGE_SCHEMA_VERSION,
		name,
		registry: recordedAs.registry,
		repository: recordedRepository,
		reference: `${recordedAs.registry}/${recordedRepository}`,
		tags: [...digests]
			.map(([tag, digest]) => ({ name: tag, digest, updatedAt: null }))
			.sort((a, b) => compareText(a.name, b.name)),
		variants: variants.sort((a, b) => compareText(a.tags[0], b.tags[0])),
		signing: request.checks.record,
	});
	return { image, status: 'updated', missingTags };
}
