import {
	MediaType,
	RegistryError,
	digestTag,
	isArtifactTag,
	platformName,
	qualifiedRepositoryPath,
	repositoryPath,
	type Descriptor,
	type FetchedManifest,
	type ImageManifest,
	type RegistryClient,
	type RegistryErrorContext,
	type TagHistoryExtension,
} from '../registry/index.ts';
import { isBundleMediaType, readSigstoreBundle } from '../attestations/bundle.ts';
import {
	COSIGN_SIGN_PREDICATE_TYPE,
	PredicateType,
	decodeDsseStatement,
	decodeStatement,
	statementNames,
	type Statement,
} from '../attestations/in-toto.ts';
import {
	ATTACHED_SBOM_MEDIA_TYPES,
	isSbomPredicateType,
	isSpdxPredicateType,
	readSbom,
	type SbomDocument,
} from '../attestations/sbom.ts';
import { compareText } from '../lib/compare.ts';
import { AcademyError } from '../lib/errors.ts';
import { deriveHasPackageManager, deriveHasShell, deriveRunsAsRoot } from './derive.ts';
import { imageConfigurationFromApko, provenanceFromSlsa, sbomFromDocument } from './evidence.ts';
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
	type ArtifactSource,
	type AttachedTo,
	type Attestation,
	type ImageConfig,
	type ImagePlatform,
	type ImageRepository,
	type ImageTag,
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
	/**
	 * The snapshot entry from the last sync; unchanged tags and variants are taken from it when it was recorded as the
	 * same registry and repository.
	 */
	previous: ImageRepository | null;
	/** Compare tag digests with `previous` and stop early when nothing moved. */
	incremental: boolean;
	/** The registry's tag history extension, asked when a tag moved; null when the registry has none. */
	tagHistory: TagHistoryExtension | null;
	/** The run's signature verification: policy, trust root and the outcomes already known. */
	checks: SignatureChecks;
}

export interface CollectResult {
	image: ImageRepository;
	status: 'updated' | 'unchanged';
	/** Requested tags the repository does not have. */
	missingTags: string[];
}

/** BuildKit's attestation manifests inside an image index (moby/buildkit util/attestation, docs/attestations/attestation-storage.md). */
const BuildKit = {
	/** Index entry annotation: what the entry is; anything carrying it is no platform. */
	referenceType: 'vnd.docker.reference.type',
	/** Index entry annotation: the platform manifest the attestations are about. */
	referenceDigest: 'vnd.docker.reference.digest',
	attestationManifest: 'attestation-manifest',
	/** artifactType of the manifest when BuildKit writes it as an OCI artifact (exporter/containerimage/writer.go). */
	artifactType: 'application/vnd.docker.attestation.manifest.v1+json',
	/** Layer annotation naming the predicate type of the Statement in the layer. */
	predicateType: 'in-toto.io/predicate-type',
} as const;

/** Annotations on Sigstore bundle referrers (sigstore/cosign specs/BUNDLE_SPEC.md; actions/attest sets the same). */
const BundleAnnotation = {
	/** `message-signature` or `dsse-envelope`. */
	content: 'dev.sigstore.bundle.content',
	/** The predicate type of the bundle's Statement. */
	predicateType: 'dev.sigstore.bundle.predicateType',
} as const;

/** The layer annotation cosign writes on `.att` layers (and on DSSE referrer layers). */
const COSIGN_PREDICATE_TYPE_ANNOTATION = 'predicateType';

/** The OCI annotation for the image's build time (image-spec annotations.md). */
const CREATED_ANNOTATION = 'org.opencontainers.image.created';

const UNDERSTOOD: readonly string[] = Object.values(PredicateType);

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

/** A piece of evidence once read. */
interface OpenedEvidence {
	/** Statement version; null for an SBOM attached without a Statement (cosign's `.sbom` tag). */
	statement: Statement['version'] | null;
	predicateType: string;
	predicate: unknown;
	/** Whether it is about the digest it is attached to: its Statement names that digest (an attached SBOM always is). */
	aboutSubject: boolean;
}

/** An attestation found for a digest: always listed, read only when a page needs its content (memoized). */
class Evidence {
	readonly source: ArtifactSource;
	/** Sort key that keeps evidence in one order whatever the order requests finish in. */
	readonly order: string;
	/** A format the site lists but does not read (a cosign `.sbom` in SPDX tag-value, say): known without opening. */
	sbom: SbomDocument | null;
	opened: OpenedEvidence | null = null;
	/** Its verification, once `verify` ran (every piece of evidence is verified before it is listed). */
	checked: CheckedEvidence | null = null;
	readonly #announced: string;
	readonly #read: () => Promise<OpenedEvidence>;
	readonly #check: () => Promise<CheckedEvidence>;
	#opening: Promise<OpenedEvidence> | null = null;

	constructor(options: {
		source: ArtifactSource;
		order: string;
		announced: string;
		read: () => Promise<OpenedEvidence>;
		check: () => Promise<CheckedEvidence>;
		sbom?: SbomDocument;
	}) {
		this.source = options.source;
		this.order = options.order;
		this.#announced = options.announced;
		this.#read = options.read;
		this.#check = options.check;
		this.sbom = options.sbom ?? null;
	}

	/** The predicate type: as read once opened, else as an annotation announced it. */
	get predicateType(): string {
		return this.opened?.predicateType ?? this.#announced;
	}

	open(): Promise<OpenedEvidence> {
		this.#opening ??= this.#read().then((opened) => (this.opened = opened));
		return this.#opening;
	}

	/** Check its signature against the run's policy (a cached outcome is reused without fetching the blob). */
	async verify(): Promise<void> {
		this.checked ??= await this.#check();
	}

	/** The model entry: what the page lists about this attestation. */
	attestation(): Attestation {
		const type = this.predicateType;
		if (!this.checked) {
			throw new AcademyError(
				`The attestation ${this.order} is listed before its signature was checked`,
				'Verify every piece of evidence (Evidence.verify) before listing it; this is a bug in src/images/collect.ts.',
			);
		}
		return {
			predicateType: type,
			source: this.source,
			statement: this.opened?.statement ?? null,
			understood: this.sbom ? this.sbom.kind !== 'other' : UNDERSTOOD.includes(type) || isSbomPredicateType(type),
			...this.checked,
		};
	}
}

/** Everything signed or attested about one digest. */
interface ArtifactFindings {
	signatures: Signature[];
	referrers: Referrer[];
	/** In a stable order (see Evidence.order). */
	evidence: Evidence[];
}

/** What one referrer contributes. */
type ReferrerFindings = ArtifactFindings;

/** A Statement opened from evidence attached to `digest`. */
function openedStatement(statement: Statement, digest: string): OpenedEvidence {
	return {
		statement: statement.version,
		predicateType: statement.predicateType,
		predicate: statement.predicate,
		aboutSubject: statementNames(statement, digest),
	};
}

/** Attestations as the model lists them: by predicate type, then source, then the order they were found in. */
function listAttestations(evidence: readonly Evidence[]): Attestation[] {
	return [...evidence]
		.sort(
			(a, b) => compareText(a.predicateType, b.predicateType) || compareText(a.source, b.source) || compareText(a.order, b.order),
		)
		.map((item) => item.attestation());
}

/** SBOM evidence in the order it is preferred: SPDX before CycloneDX, then as found. */
function sbomCandidates(evidence: readonly Evidence[]): Evidence[] {
	const rank = (item: Evidence) => (isSpdxPredicateType(item.predicateType) ? 0 : 1);
	return evidence
		.filter((item) => isSbomPredicateType(item.predicateType))
		.sort((a, b) => rank(a) - rank(b) || compareText(a.order, b.order));
}

/**
 * The first SBOM among `evidence` that the site reads and that is about its subject. From an index, an SBOM must list
 * packages to stand for the platforms: an index SBOM that only names the platform images (apko writes one) says
 * nothing about what they contain.
 */
async function readSbomFrom(
	evidence: readonly Evidence[],
	attachedTo: AttachedTo,
	context: RegistryErrorContext,
): Promise<Sbom | null> {
	for (const item of sbomCandidates(evidence)) {
		const opened = await item.open();
		if (!opened.aboutSubject) continue;
		item.sbom ??= readSbom(opened.predicateType, opened.predicate, context);
		const sbom = sbomFromDocument(item.sbom, { source: item.source, attachedTo });
		if (sbom && (attachedTo === 'manifest' || sbom.packages.length > 0)) return sbom;
	}
	return null;
}

/** SLSA provenance among `evidence` that is about its subject: v1 when published, else v0.2. */
async function readProvenanceFrom(evidence: readonly Evidence[], attachedTo: AttachedTo): Promise<Provenance | null> {
	for (const predicateType of [PredicateType.slsaV1, PredicateType.slsaV02]) {
		for (const item of evidence.filter((candidate) => candidate.predicateType === predicateType)) {
			const opened = await item.open();
			if (!opened.aboutSubject || opened.predicateType !== predicateType) continue;
			return provenanceFromSlsa(predicateType, opened.predicate, { source: item.source, attachedTo });
		}
	}
	return null;
}

/** A copy of `record` with its keys in code-unit order, so that snapshots serialize the same way every time. */
export function sortRecord(record: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** True for an index entry that is a runnable platform manifest (not an attestation manifest, not unknown/unknown). */
function isPlatformEntry(entry: Descriptor): boolean {
	return (
		entry.platform !== undefined &&
		entry.platform.os !== 'unknown' &&
		entry.annotations?.[BuildKit.referenceType] === undefined &&
		(entry.mediaType === MediaType.ociManifest || entry.mediaType === MediaType.dockerManifest)
	);
}

/** BuildKit attestation manifests of an index, by the platform manifest digest each is about. */
function attestationManifestsOf(entries: readonly Descriptor[]): Map<string, string[]> {
	const byPlatform = new Map<string, string[]>();
	for (const entry of entries) {
		// Any other reference type "should be ignored" entirely (attestation-storage.md).
		if (entry.annotations?.[BuildKit.referenceType] !== BuildKit.attestationManifest) continue;
		const platform = entry.annotations[BuildKit.referenceDigest];
		if (!platform) continue;
		byPlatform.set(platform, [...(byPlatform.get(platform) ?? []), entry.digest]);
	}
	return byPlatform;
}

/** Collects one repository into the model; requests made here run through the client's shared transport. */
class RepositoryCollector {
	readonly #client: RegistryClient;
	readonly #repository: string;
	readonly #checks: SignatureChecks;
	#knownTags: Promise<Set<string>> | null = null;
	/** Blobs by digest: a layer both read and verified is fetched once. */
	readonly #blobs = new Map<string, Promise<Buffer>>();
	/** Image manifests by digest, once fetched by tag: a tag's manifest is not fetched again by its digest. */
	readonly #manifests = new Map<string, FetchedManifest>();

	constructor(client: RegistryClient, repository: string, checks: SignatureChecks) {
		this.#client = client;
		this.#repository = repository;
		this.#checks = checks;
	}

	#blob(digest: string): Promise<Buffer> {
		let blob = this.#blobs.get(digest);
		if (!blob) {
			blob = this.#client.getBlob(this.#repository, digest);
			this.#blobs.set(digest, blob);
		}
		return blob;
	}

	/** Verify signed layers about `subject`, fetching a blob only when its outcome is not cached. */
	#check(layers: readonly FoundLayer[], subject: CheckSubject): Promise<CheckedEvidence> {
		return this.#checks.check(layers, subject, (digest) => this.#blob(digest));
	}

	/** All tags, fetched at most once: they tell which cosign and tag-schema artifacts exist without probing. */
	knownTags(): Promise<Set<string>> {
		this.#knownTags ??= this.#client.tags(this.#repository).then((tags) => new Set(tags));
		return this.#knownTags;
	}

	/** The digest `tag` points at, fetching its manifest (kept for `variant`); null when the tag does not exist. */
	async manifestDigest(tag: string): Promise<string | null> {
		const manifest = await this.#client.getManifest(this.#repository, tag, true);
		if (manifest) this.#manifests.set(manifest.digest, manifest);
		return manifest?.digest ?? null;
	}

	#context(reference: string): RegistryErrorContext {
		return { registry: this.#client.location.host, repository: this.#repository, reference };
	}

	#layersOf(manifest: FetchedManifest, what: string): Descriptor[] {
		if (manifest.kind !== 'manifest') {
			throw new RegistryError(
				'json',
				`The ${what} at ${manifest.digest} is an index, not a manifest`,
				'The artifact holds an unexpected document; report it to the image publisher.',
				this.#context(manifest.digest),
			);
		}
		return manifest.manifest.layers;
	}

	/** A layer holding a Statement, in a DSSE envelope or plain, as evidence about `subject`. */
	#statementLayer(
		layer: Descriptor,
		subject: CheckSubject,
		source: ArtifactSource,
		order: string,
		announced: string | undefined,
		decode: (bytes: Buffer, context: RegistryErrorContext) => Statement,
	): Evidence {
		return new Evidence({
			source,
			order,
			announced: announced ?? '',
			read: async () => openedStatement(decode(await this.#blob(layer.digest), this.#context(layer.digest)), subject.digest),
			check: () => this.#check([layer], subject),
		});
	}

	/**
	 * Signatures, attestations and referrers of `subject`, each verified against it, with evidence listed but read only
	 * when needed. Referrers in `skipReferrers` are listed, not read.
	 */
	async #artifacts(subject: CheckSubject, skipReferrers: ReadonlySet<string> = new Set()): Promise<ArtifactFindings> {
		const { digest } = subject;
		const known = await this.knownTags();
		const base = digestTag(digest);
		const [sig, att, sbom, referrers] = await Promise.all([
			known.has(`${base}.sig`) ? this.#client.getManifest(this.#repository, `${base}.sig`) : null,
			known.has(`${base}.att`) ? this.#client.getManifest(this.#repository, `${base}.att`) : null,
			known.has(`${base}.sbom`) ? this.#client.getManifest(this.#repository, `${base}.sbom`) : null,
			this.#client.referrers(this.#repository, digest, { knownTags: known }),
		]);
		const findings: ArtifactFindings = { signatures: [], referrers: [], evidence: [] };
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
			this.#layersOf(att, 'cosign attestation').forEach((layer, index) => {
				if (layer.mediaType !== MediaType.dsseEnvelope) return;
				const order = `cosign-tag ${att.digest} ${String(index).padStart(4, '0')}`;
				const announced = layer.annotations?.[COSIGN_PREDICATE_TYPE_ANNOTATION];
				findings.evidence.push(this.#statementLayer(layer, subject, 'cosign-tag', order, announced, decodeDsseStatement));
			});
		}
		if (sbom) {
			this.#layersOf(sbom, 'cosign SBOM').forEach((layer, index) =>
				findings.evidence.push(this.#attachedSbom(layer, `cosign-tag ${sbom.digest} ${String(index).padStart(4, '0')}`)),
			);
		}
		const fromReferrers = await Promise.all(
			referrers.descriptors.map((descriptor) => this.#readReferrer(descriptor, subject, skipReferrers.has(descriptor.digest))),
		);
		for (const found of fromReferrers) {
			findings.signatures.push(...found.signatures);
			findings.referrers.push(...found.referrers);
			findings.evidence.push(...found.evidence);
		}
		// Evidence whose type no annotation announced is opened now: the listing needs its type.
		await Promise.all(findings.evidence.filter((item) => item.predicateType === '').map((item) => item.open()));
		await Promise.all(findings.evidence.map((item) => item.verify()));
		findings.evidence.sort((a, b) => compareText(a.order, b.order));
		findings.referrers.sort((a, b) => compareText(a.digest, b.digest));
		findings.signatures.sort((a, b) => compareText(a.source, b.source) || compareText(a.digest, b.digest));
		return findings;
	}

	/** An SBOM attached with cosign's deprecated `.sbom` tag: the document itself, its format told by the media type. */
	#attachedSbom(layer: Descriptor, order: string): Evidence {
		const known = ATTACHED_SBOM_MEDIA_TYPES[layer.mediaType];
		const predicateType = known?.predicateType ?? layer.mediaType;
		const unread = known ? known.unread : layer.mediaType;
		return new Evidence({
			source: 'cosign-tag',
			order,
			announced: predicateType,
			sbom: unread === null ? undefined : { kind: 'other', format: unread },
			read: async () => ({
				statement: null,
				predicateType,
				predicate: unread === null ? await this.#client.getJsonBlob(this.#repository, layer.digest, 'attached SBOM') : null,
				aboutSubject: true,
			}),
			check: async () => ATTACHED_SBOM_CHECK,
		});
	}

	/**
	 * A referrer is always listed. Sigstore bundles, bare DSSE envelopes and in-toto Statements (a BuildKit attestation
	 * manifest pushed as a referrer) are read: signatures are counted, attestations become evidence.
	 */
	async #readReferrer(descriptor: Descriptor, subject: CheckSubject, listOnly: boolean): Promise<ReferrerFindings> {
		const found: ReferrerFindings = {
			signatures: [],
			referrers: [
				{
					digest: descriptor.digest,
					artifactType: descriptor.artifactType ?? null,
					mediaType: descriptor.mediaType,
					size: descriptor.size,
					annotations: descriptor.annotations ? sortRecord(descriptor.annotations) : null,
				},
			],
			evidence: [],
		};
		const type = descriptor.artifactType;
		const readable = isBundleMediaType(type) || type === MediaType.inTotoPayload || type === BuildKit.artifactType;
		// A BuildKit attestation manifest also listed in the index is read from there, once.
		if (listOnly || !readable) return found;
		const manifest = await this.#client.getManifest(this.#repository, descriptor.digest);
		const layers = this.#layersOf(manifest, 'referrer');
		const annotations = { ...(manifest.kind === 'manifest' ? manifest.manifest.annotations : {}), ...descriptor.annotations };
		const signatures: Descriptor[] = [];
		await Promise.all(
			layers.map(async (layer, index) => {
				const order = `referrers ${descriptor.digest} ${String(index).padStart(4, '0')}`;
				if (isBundleMediaType(layer.mediaType)) {
					const evidence = await this.#bundleLayer(layer, subject, order, annotations);
					if (evidence) found.evidence.push(evidence);
					else signatures.push(layer);
				} else if (layer.mediaType === MediaType.dsseEnvelope) {
					const announced = layer.annotations?.[COSIGN_PREDICATE_TYPE_ANNOTATION];
					found.evidence.push(this.#statementLayer(layer, subject, 'referrers', order, announced, decodeDsseStatement));
				} else if (layer.mediaType === MediaType.inTotoPayload) {
					const announced = layer.annotations?.[BuildKit.predicateType];
					found.evidence.push(this.#statementLayer(layer, subject, 'referrers', order, announced, decodeStatement));
				}
			}),
		);
		if (signatures.length > 0) {
			// Layers in their manifest order, so the combined outcome does not depend on which request finished first.
			signatures.sort((a, b) => layers.indexOf(a) - layers.indexOf(b));
			found.signatures.push({
				source: 'referrers',
				digest: descriptor.digest,
				count: signatures.length,
				...(await this.#check(signatures, subject)),
			});
		}
		return found;
	}

	/**
	 * A Sigstore bundle layer (v0.1–v0.3): null when it is a signature (a message signature, or cosign 3's signature
	 * Statement), else the attestation as evidence. The bundle is read at once unless its annotations tell both.
	 */
	async #bundleLayer(
		layer: Descriptor,
		subject: CheckSubject,
		order: string,
		annotations: Record<string, string>,
	): Promise<Evidence | null> {
		const content = annotations[BundleAnnotation.content];
		const announced = annotations[BundleAnnotation.predicateType];
		if (content === 'message-signature' || announced === COSIGN_SIGN_PREDICATE_TYPE) return null;
		const read = async (): Promise<OpenedEvidence> => {
			const bundle = readSigstoreBundle(await this.#blob(layer.digest), this.#context(layer.digest));
			if (!bundle.statement) return { statement: null, predicateType: '', predicate: null, aboutSubject: false };
			return openedStatement(bundle.statement, subject.digest);
		};
		const evidence = new Evidence({
			source: 'referrers',
			order,
			announced: content === 'dsse-envelope' ? (announced ?? '') : '',
			read,
			check: () => this.#check([layer], subject),
		});
		if (content === 'dsse-envelope' && announced) return evidence;
		const opened = await evidence.open();
		return opened.statement === null || opened.predicateType === COSIGN_SIGN_PREDICATE_TYPE ? null : evidence;
	}

	/**
	 * The Statements of BuildKit attestation manifests about one platform, as evidence attached to that platform (the
	 * verifier records them as unsigned: BuildKit stores them without a signature).
	 */
	async #attestationManifests(digests: readonly string[], platform: CheckSubject): Promise<Evidence[]> {
		const manifests = await Promise.all(digests.map((digest) => this.#client.getManifest(this.#repository, digest)));
		const evidence = manifests.flatMap((manifest) =>
			this.#layersOf(manifest, 'attestation manifest').flatMap((layer, index) =>
				// Only in-toto layers are defined; "any unknown mediaTypes should be ignored" (attestation-storage.md).
				layer.mediaType === MediaType.inTotoPayload
					? [
							this.#statementLayer(
								layer,
								platform,
								'attestation-manifest',
								`attestation-manifest ${manifest.digest} ${String(index).padStart(4, '0')}`,
								layer.annotations?.[BuildKit.predicateType],
								decodeStatement,
							),
						]
					: [],
			),
		);
		await Promise.all(evidence.map((item) => item.verify()));
		return evidence;
	}

	/** One platform manifest: its config, its own evidence, and the index's where it has none of its own. */
	async #platform(
		manifest: ImageManifest,
		digest: string,
		mediaType: string,
		declared: Descriptor['platform'] | null,
		findings: ArtifactFindings,
		index: { findings: ArtifactFindings; provenance: Provenance | null } | null,
	): Promise<ImagePlatform> {
		const context = this.#context(digest);
		const configJson = await this.#client.getJsonBlob(this.#repository, manifest.config.digest, 'image config');
		const configDocument = readConfigDocument(configJson, this.#context(manifest.config.digest));
		const config = configDocument.config;
		const os = declared?.os ?? configDocument.os;
		const architecture = declared?.architecture ?? configDocument.architecture;
		const variant = declared?.variant ?? configDocument.variant;
		const sbom =
			(await readSbomFrom(findings.evidence, 'manifest', context)) ??
			(index ? await readSbomFrom(index.findings.evidence, 'index', this.#context(digest)) : null);
		const provenance = (await readProvenanceFrom(findings.evidence, 'manifest')) ?? index?.provenance ?? null;
		const attestations = listAttestations(findings.evidence);
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
			verification: digestVerification(findings.signatures, attestations),
			attestations,
			referrers: findings.referrers,
			sbom,
			provenance,
			facts: {
				hasShell: deriveHasShell(sbom, config),
				hasPackageManager: deriveHasPackageManager(sbom),
				runsAsRoot: deriveRunsAsRoot(config),
			},
		};
	}

	/** One variant: the index (or single manifest) at `digest`, its platforms, and what is signed or attested. */
	async variant(digest: string, tags: string[]): Promise<ImageVariant> {
		const known = this.#manifests.get(digest);
		const fetchedTop = known ? Promise.resolve(known) : this.#client.getManifest(this.#repository, digest);
		const [top, findings] = await Promise.all([
			fetchedTop,
			this.#artifacts({ digest, manifest: async () => (await fetchedTop).bytes }),
		]);
		let platforms: ImagePlatform[];
		let provenance: Provenance | null;
		if (top.kind === 'index') {
			provenance = await readProvenanceFrom(findings.evidence, 'index');
			const attestationManifests = attestationManifestsOf(top.index.manifests);
			const listedInIndex = new Set([...attestationManifests.values()].flat());
			platforms = await Promise.all(
				top.index.manifests.filter(isPlatformEntry).map(async (child) => {
					const fetchedChild = this.#client.getManifest(this.#repository, child.digest);
					const subject: CheckSubject = { digest: child.digest, manifest: async () => (await fetchedChild).bytes };
					const [fetched, own, built] = await Promise.all([
						fetchedChild,
						this.#artifacts(subject, listedInIndex),
						this.#attestationManifests(attestationManifests.get(child.digest) ?? [], subject),
					]);
					if (fetched.kind !== 'manifest') {
						throw new RegistryError(
							'json',
							`Platform ${platformName(child.platform!)} points at an index`,
							'Nested indexes are not images; report it to the image publisher.',
							this.#context(child.digest),
						);
					}
					const platformFindings = {
						...own,
						evidence: [...own.evidence, ...built].sort((a, b) => compareText(a.order, b.order)),
					};
					return this.#platform(fetched.manifest, child.digest, fetched.mediaType, child.platform, platformFindings, {
						findings,
						provenance,
					});
				}),
			);
		} else {
			platforms = [await this.#platform(top.manifest, digest, top.mediaType, null, findings, null)];
			provenance = await readProvenanceFrom(findings.evidence, 'manifest');
		}
		const configuration = findings.evidence.find((item) => item.predicateType === PredicateType.apkoConfig);
		const configurationOpened = configuration ? await configuration.open() : null;
		const annotations = top.kind === 'index' ? top.index.annotations : top.manifest.annotations;
		// Listed after the platforms ran: an index SBOM opened for a platform is listed as read.
		const attestations = listAttestations(findings.evidence);
		return {
			digest,
			mediaType: top.mediaType,
			tags: [...tags].sort(compareText),
			annotations: annotations ? sortRecord(annotations) : null,
			signatures: findings.signatures,
			verification: digestVerification(findings.signatures, attestations),
			attestations,
			referrers: findings.referrers,
			provenance,
			imageConfiguration: configurationOpened?.aboutSubject ? imageConfigurationFromApko(configurationOpened.predicate) : null,
			platforms: platforms.sort((a, b) => compareText(a.platform, b.platform)),
		};
	}
}

/** A date a reproducible build writes to state no date: the Unix epoch or Go's zero time, or no date at all. */
function statesTime(value: string | null | undefined): value is string {
	if (!value) return false;
	const time = Date.parse(value);
	return !Number.isNaN(time) && time > 0;
}

/** The latest of `values` that states a time; null when none does. */
function latestTime(values: Array<string | null | undefined>): string | null {
	let latest: string | null = null;
	for (const value of values)
		if (statesTime(value) && (latest === null || Date.parse(value) > Date.parse(latest))) latest = value;
	return latest;
}

/**
 * When the image a variant holds was made, from what it states itself: the `org.opencontainers.image.created`
 * annotation of its index or manifest, else of its platform manifests (the latest), else the config `created` of its
 * platforms (the latest).
 */
export function imageTime(variant: ImageVariant): Pick<ImageTag, 'updatedAt' | 'updatedAtSource'> {
	const annotated =
		latestTime([variant.annotations?.[CREATED_ANNOTATION]]) ??
		latestTime(variant.platforms.map((platform) => platform.annotations?.[CREATED_ANNOTATION]));
	if (annotated) return { updatedAt: annotated, updatedAtSource: 'annotation' };
	const configured = latestTime(variant.platforms.map((platform) => platform.created));
	return configured ? { updatedAt: configured, updatedAtSource: 'config' } : { updatedAt: null, updatedAtSource: null };
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
 * When each tag moved: kept from `previous` for a tag still at the same digest, else the registry's tag history,
 * else the time the image states for itself.
 */
async function tagTimes(
	request: CollectRequest,
	repository: string,
	digests: ReadonlyMap<string, string>,
	variants: readonly ImageVariant[],
	previous: ImageRepository | null,
): Promise<ImageTag[]> {
	const tags = await Promise.all(
		[...digests].map(async ([name, digest]): Promise<ImageTag> => {
			const kept = previous?.tags.find((tag) => tag.name === name && tag.digest === digest);
			if (kept) return kept;
			const moved = request.tagHistory ? await request.tagHistory.movedAt(request.client, repository, name, digest) : null;
			if (moved) return { name, digest, updatedAt: moved, updatedAtSource: 'tag-history' };
			return { name, digest, ...imageTime(variants.find((variant) => variant.digest === digest)!) };
		}),
	);
	return tags.sort((a, b) => compareText(a.name, b.name));
}

/**
 * Collect one repository: resolve the tags (HEAD each, or GET each when there is no previous entry to compare with),
 * and when anything moved, fetch the variants that are new, reusing unchanged variants from the previous snapshot entry
 * (when it was recorded as the same repository).
 */
export async function collectRepository(request: CollectRequest): Promise<CollectResult> {
	const { client, name, recordedAs } = request;
	const repository = repositoryPath(client.location, name);
	const recordedRepository = qualifiedRepositoryPath(recordedAs.registry, recordedAs.namespace, name);
	// An entry recorded as another registry or repository (the location changed) is kept on failure, never reused; one
	// checked against another policy or trust root is collected again, even if none of its tags moved.
	const previous =
		request.incremental &&
		request.previous?.registry === recordedAs.registry &&
		request.previous.repository === recordedRepository &&
		request.checks.isCurrent(request.previous)
			? request.previous
			: null;
	const collector = new RepositoryCollector(client, repository, request.checks);
	const wanted = request.tags === 'all' ? [...(await collector.knownTags())].filter((tag) => !isArtifactTag(tag)) : request.tags;
	// A HEAD per tag tells whether anything moved since `previous`; with nothing to compare, every manifest is needed,
	// so each tag is fetched at once rather than a HEAD and then a GET of the same manifest.
	const resolved = await Promise.all(
		wanted.map(
			async (tag) =>
				[
					tag,
					previous ? ((await client.headManifest(repository, tag))?.digest ?? null) : await collector.manifestDigest(tag),
				] as const,
		),
	);
	const digests = new Map<string, string>();
	const missingTags: string[] = [];
	for (const [tag, digest] of resolved) {
		if (digest) digests.set(tag, digest);
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
	if (previous && sameTags(previous, digests)) return { image: previous, status: 'unchanged', missingTags };
	const byDigest = new Map<string, string[]>();
	for (const [tag, digest] of digests) byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
	const variants = await Promise.all(
		[...byDigest].map(async ([digest, tags]) => {
			const reused = previous?.variants.find((variant) => variant.digest === digest);
			return reused ? { ...reused, tags: [...tags].sort(compareText) } : collector.variant(digest, tags);
		}),
	);
	const image = imageRepositorySchema.parse({
		schemaVersion: IMAGE_SCHEMA_VERSION,
		name,
		registry: recordedAs.registry,
		repository: recordedRepository,
		reference: `${recordedAs.registry}/${recordedRepository}`,
		tags: await tagTimes(request, repository, digests, variants, previous),
		variants: variants.sort((a, b) => compareText(a.tags[0], b.tags[0])),
		signing: request.checks.record,
	});
	return { image, status: 'updated', missingTags };
}
