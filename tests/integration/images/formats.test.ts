// Real-world formats pushed to the real docker-registry as their producers write them (tests/helpers/registry/
// producers.ts names each source), then read by the sync. The referrers API, which docker-registry 2.8 lacks, is
// exercised with the same content in the in-process mock registry.
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushBuiltImage } from '../../../src/images/demo/builder.ts';
import { DEMO_REGISTRY, DEMO_SIGNING_POLICY } from '../../../src/images/demo/registry.ts';
import type { Attestation, ImagePlatform, ImageRepository, Signature, Verification } from '../../../src/images/model.ts';
import { readSnapshot } from '../../../src/images/snapshot.ts';
import { syncImages } from '../../../src/images/sync.ts';
import {
	RegistryClient,
	RegistryTransport,
	chainguardTagHistory,
	parseRegistryLocation,
	type TagHistoryExtension,
} from '../../../src/registry/index.ts';
import {
	BUILT,
	CYCLONEDX,
	FIXTURE_NAMESPACE,
	OPENVEX,
	SLSA_V02,
	SLSA_V1,
	SPDX,
	buildkitArtifact,
	buildkitLegacy,
	bundles,
	dsse,
} from '../../helpers/registry/format-fixtures.ts';
import { loadImage, startMockRegistry } from '../../helpers/registry/mock-registry.ts';
import { DEBIAN_PACKAGE_NAMES } from '../../helpers/registry/producers.ts';
import { startLocalRegistry, type LocalRegistry } from '../../helpers/registry/registries.ts';

const NAMESPACE = FIXTURE_NAMESPACE;

const REPOSITORIES = [buildkitLegacy(), buildkitArtifact(), bundles(), dsse()];

function platform(image: ImageRepository, name: string): ImagePlatform {
	return image.variants[0].platforms.find((candidate) => candidate.platform === name)!;
}

/** What the reading tests compare: an attestation or signature as listed, without its verification. */
function listed<T extends Attestation | Signature>(entries: T[]): Array<Omit<T, 'verification' | 'verificationKey'>> {
	return entries.map(({ verification: _verification, verificationKey: _key, ...rest }) => rest);
}

/** An outcome's status, reason code, format and predicate type: what each verification test asserts. */
function outcomeOf(verification: Verification) {
	return [verification.status, verification.reason?.code ?? null, verification.format, verification.predicateType];
}

async function sync(
	url: string,
	out: string,
	tagHistory: TagHistoryExtension | null = null,
	repositories = REPOSITORIES.map((repository) => repository.name),
) {
	const report = await syncImages({
		location: parseRegistryLocation(`${url}/${NAMESPACE}`),
		// The fixtures are signed by the demo authority, so recorded as the demo registry every signature is checked.
		recordedAs: { registry: DEMO_REGISTRY, namespace: NAMESPACE },
		repositories,
		tags: 'all',
		outDir: out,
		mode: 'exact',
		incremental: false,
		tagHistory,
		now: () => new Date(BUILT),
	});
	expect(report.outcomes.filter((outcome) => outcome.status === 'failed')).toEqual([]);
	return new Map((await readSnapshot(out)).images.map((image) => [image.name, image]));
}

describe('formats real registries publish, on docker-registry', () => {
	let registry: LocalRegistry;
	let out: string;
	let images: Map<string, ImageRepository>;

	beforeAll(async () => {
		registry = await startLocalRegistry();
		out = await mkdtemp(join(tmpdir(), 'sca-formats-'));
		const client = new RegistryClient(parseRegistryLocation(`${registry.url}/${NAMESPACE}`), new RegistryTransport());
		for (const built of REPOSITORIES) await pushBuiltImage(client, `${NAMESPACE}/${built.name}`, built);
		images = await sync(registry.url, out);
	});
	afterAll(async () => {
		await registry?.stop();
		await rm(out, { recursive: true, force: true });
	});

	it('leaves BuildKit attestation manifests out of the platforms and gives each platform its SBOM and provenance', () => {
		const image = images.get('buildkit-legacy')!;
		const variant = image.variants[0];
		expect(variant.platforms.map((entry) => entry.platform)).toEqual(['linux/amd64', 'linux/arm64']);
		expect(variant).toMatchObject({ attestations: [], signatures: [], provenance: null });
		for (const name of ['linux/amd64', 'linux/arm64']) {
			const entry = platform(image, name);
			expect(entry.sbom, name).toMatchObject({ format: 'SPDX-2.3', source: 'attestation-manifest', attachedTo: 'manifest' });
			expect(entry.sbom!.packages.map((pkg) => pkg.name)).toEqual(DEBIAN_PACKAGE_NAMES);
			expect(entry.sbom!.packages.find((pkg) => pkg.name === 'libc6')).toEqual({
				name: 'libc6',
				version: '2.36-9+deb12u10',
				license: 'GPL-2.0-only AND LGPL-2.1-only',
				purl: `pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=${name.slice(6)}&distro=debian-12`,
			});
			expect(entry.provenance).toEqual({
				predicateType: SLSA_V02,
				builderId: 'https://github.com/docker/buildx/actions/runs/3709599520',
				buildType: 'https://mobyproject.org/buildkit@v1',
				source: 'attestation-manifest',
				attachedTo: 'manifest',
			});
			expect(listed(entry.attestations)).toEqual([
				{ predicateType: SLSA_V02, source: 'attestation-manifest', statement: 'v1', understood: true },
				{ predicateType: SPDX, source: 'attestation-manifest', statement: 'v1', understood: true },
			]);
			expect(entry.facts.hasShell).toMatchObject({ value: true, evidence: ['package bash'] });
		}
		expect(image.tags).toEqual([{ name: 'latest', digest: variant.digest, updatedAt: BUILT, updatedAtSource: 'config' }]);
	});

	it('reads BuildKit v1 provenance from OCI-artifact attestation manifests; an epoch build date states no time', () => {
		const image = images.get('buildkit-artifact')!;
		expect(image.variants[0].platforms.map((entry) => entry.platform)).toEqual(['linux/amd64', 'linux/arm64']);
		const entry = platform(image, 'linux/arm64');
		expect(entry.sbom).toBeNull();
		expect(entry.facts.hasShell.value).toBeNull();
		expect(entry.provenance).toEqual({
			predicateType: SLSA_V1,
			builderId: null,
			buildType: 'https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md',
			source: 'attestation-manifest',
			attachedTo: 'manifest',
		});
		expect(entry.referrers).toEqual([]);
		expect(image.tags[0]).toMatchObject({ updatedAt: null, updatedAtSource: null });
	});

	it('reads Sigstore bundles v0.1 to v0.3 on the index and on a platform; index evidence stands for every platform', () => {
		const image = images.get('bundles')!;
		const variant = image.variants[0];
		expect(listed(variant.signatures)).toEqual([
			{ source: 'referrers', digest: REPOSITORIES[2].marks.signature.digest, count: 1 },
		]);
		const github = {
			predicateType: SLSA_V1,
			builderId: 'https://github.com/academy/bundles/.github/workflows/release.yml@refs/heads/main',
			buildType: 'https://actions.github.io/buildtypes/workflow/v1',
			source: 'referrers',
		};
		expect(variant.provenance).toEqual({ ...github, attachedTo: 'index' });
		const amd64 = platform(image, 'linux/amd64');
		const arm64 = platform(image, 'linux/arm64');
		expect(amd64.sbom).toMatchObject({ format: 'CycloneDX 1.5', source: 'referrers', attachedTo: 'manifest' });
		expect(amd64.sbom!.packages.map((pkg) => pkg.name)).toEqual(DEBIAN_PACKAGE_NAMES);
		expect(amd64.sbom!.packages.find((pkg) => pkg.name === 'libc6')!.license).toBe('GPL-2.0-only AND LGPL-2.1-only');
		expect(arm64.sbom).toMatchObject({ format: 'SPDX-2.3', source: 'referrers', attachedTo: 'index' });
		expect(arm64.sbom!.packages.map((pkg) => pkg.name)).toEqual(DEBIAN_PACKAGE_NAMES);
		for (const entry of [amd64, arm64]) expect(entry.provenance).toEqual({ ...github, attachedTo: 'index' });
		expect(listed(amd64.attestations)).toEqual([
			{ predicateType: CYCLONEDX, source: 'referrers', statement: 'v1', understood: true },
		]);
		expect(variant.attestations.map((entry) => entry.predicateType)).toEqual([SLSA_V1, SPDX, SPDX]);
		expect(variant.referrers).toHaveLength(4);
		expect(image.tags.map((tag) => [tag.name, tag.updatedAt, tag.updatedAtSource])).toEqual([
			['1.0', '2025-07-01T08:00:00Z', 'annotation'],
			['latest', '2025-07-01T08:00:00Z', 'annotation'],
		]);
	});

	it("reads bare DSSE referrers, message signatures and cosign's tag layout; lists the SBOM formats it does not read", () => {
		const image = images.get('dsse')!;
		const variant = image.variants[0];
		expect(listed(variant.signatures)).toEqual([{ source: 'referrers', digest: REPOSITORIES[3].marks.message.digest, count: 1 }]);
		expect(variant.provenance).toMatchObject({
			buildType: 'https://actions.github.io/buildtypes/workflow/v1',
			source: 'referrers',
		});
		// The bare envelope's type is announced by its annotation, so it is listed without being opened.
		expect(listed(variant.attestations)).toEqual([
			{ predicateType: OPENVEX, source: 'referrers', statement: null, understood: false },
			{ predicateType: SLSA_V1, source: 'referrers', statement: 'v1', understood: true },
		]);
		const entry = variant.platforms[0];
		expect(entry.sbom).toMatchObject({ format: 'CycloneDX 1.5', source: 'cosign-tag', attachedTo: 'manifest' });
		expect(listed(entry.attestations)).toEqual([
			{ predicateType: CYCLONEDX, source: 'cosign-tag', statement: null, understood: true },
			{ predicateType: SPDX, source: 'cosign-tag', statement: 'v1', understood: false },
			{ predicateType: SPDX, source: 'cosign-tag', statement: null, understood: false },
		]);
	});

	it('verifies Sigstore bundles v0.1 to v0.3 on index and platform digests, each about its own digest', () => {
		const variant = images.get('bundles')!.variants[0];
		const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1';
		// cosign 3's signature Statement verifies, so the index is Verified by the expected identity.
		expect(outcomeOf(variant.verification)).toEqual(['verified', null, 'sigstore-bundle-v0.3', COSIGN_SIGN]);
		expect(variant.verification).toMatchObject({
			identity: DEMO_SIGNING_POLICY.certificateIdentity,
			issuer: DEMO_SIGNING_POLICY.certificateOidcIssuer,
			trustRoot: { name: 'demo' },
			transparencyLog: { logIndex: expect.any(Number), integratedTime: expect.stringMatching(/^2025-06-30T12:00:01/) },
		});
		expect(variant.signatures.map((entry) => outcomeOf(entry.verification))).toEqual([
			['verified', null, 'sigstore-bundle-v0.3', COSIGN_SIGN],
		]);
		// GitHub's provenance in a v0.2 bundle verifies; of the two SPDX bundles, the one about another image does not.
		const attestations = variant.attestations.map((entry) => outcomeOf(entry.verification));
		expect(attestations).toHaveLength(3);
		expect(attestations[0]).toEqual(['verified', null, 'sigstore-bundle-v0.2', SLSA_V1]);
		expect(attestations.slice(1)).toEqual(
			expect.arrayContaining([
				// Rejected before the Statement is trusted, so the outcome names no predicate.
				['failed', 'subject-mismatch', 'sigstore-bundle-v0.3', null],
				['verified', null, 'sigstore-bundle-v0.3', SPDX],
			]),
		);
		// The v0.1 bundle on one platform is checked against that platform's digest; the other platform has no signature.
		const amd64 = platform(images.get('bundles')!, 'linux/amd64');
		expect(outcomeOf(amd64.attestations[0].verification)).toEqual(['verified', null, 'sigstore-bundle-v0.1', CYCLONEDX]);
		expect(outcomeOf(amd64.verification)).toEqual(['verified', null, 'sigstore-bundle-v0.1', CYCLONEDX]);
		expect(outcomeOf(platform(images.get('bundles')!, 'linux/arm64').verification)).toEqual([
			'unsigned',
			'no-signature',
			null,
			null,
		]);
	});

	it("verifies cosign's DSSE referrer by its annotations and rejects a message signature over other bytes", () => {
		const variant = images.get('dsse')!.variants[0];
		expect(variant.signatures.map((entry) => outcomeOf(entry.verification))).toEqual([
			['failed', 'subject-mismatch', 'sigstore-bundle-v0.3', null],
		]);
		// cosign attest in referrers mode keeps the certificate and Rekor bundle in the layer's annotations; the bare
		// envelope (no bundle, no annotation) carries nothing that ties its signature to an identity.
		expect(variant.attestations.map((entry) => outcomeOf(entry.verification))).toEqual([
			['failed', 'no-verification-material', 'dsse-envelope', null],
			['verified', null, 'cosign-attestation', SLSA_V1],
		]);
		// Verified when any one verifies, as cosign verify accepts any: the page names the provenance that did.
		expect(outcomeOf(variant.verification)).toEqual(['verified', null, 'cosign-attestation', SLSA_V1]);
		// On the platform: cosign's .att layer verifies, the SBOMs attached with .sbom carry no signature to check.
		const entry = variant.platforms[0];
		expect(entry.attestations.map((attestation) => outcomeOf(attestation.verification))).toEqual([
			['not-checked', 'unsupported-format', null, null],
			['verified', null, 'cosign-attestation', SPDX],
			['not-checked', 'unsupported-format', null, null],
		]);
		expect(outcomeOf(entry.verification)).toEqual(['verified', null, 'cosign-attestation', SPDX]);
	});

	it('rejects a truly bare DSSE envelope referrer: no bundle, no certificate, so nothing to verify it against', () => {
		const variant = images.get('dsse')!.variants[0];
		const bare = REPOSITORIES[3].marks.bare;
		expect(variant.referrers.find((referrer) => referrer.digest === bare.digest)).toMatchObject({
			artifactType: 'application/vnd.in-toto+json',
			mediaType: 'application/vnd.oci.image.manifest.v1+json',
		});
		const attestation = variant.attestations.find((entry) => entry.predicateType === OPENVEX)!;
		expect(attestation.verification).toMatchObject({
			status: 'failed',
			reason: { code: 'no-verification-material', message: expect.stringMatching(/no certificate/) },
			format: 'dsse-envelope',
			identity: null,
			issuer: null,
			transparencyLog: null,
			trustRoot: { name: 'demo' },
		});
		expect(attestation.verificationKey, 'the outcome is cached like any other').toMatch(/^sha256:[a-f0-9]{64}$/);
		// A failed attestation never makes the image unverified when another signature verifies: any one suffices.
		expect(outcomeOf(variant.verification)).toEqual(['verified', null, 'cosign-attestation', SLSA_V1]);
	});

	it('records BuildKit attestations as unsigned: a Statement in an attestation manifest has no signature', () => {
		for (const name of ['buildkit-legacy', 'buildkit-artifact']) {
			const variant = images.get(name)!.variants[0];
			expect(outcomeOf(variant.verification), name).toEqual(['unsigned', 'no-signature', null, null]);
			for (const entry of variant.platforms) {
				expect(entry.attestations.length, `${name} ${entry.platform}`).toBeGreaterThan(0);
				for (const attestation of entry.attestations) {
					expect([attestation.verification.status, attestation.verificationKey], `${name} ${entry.platform}`).toEqual([
						'unsigned',
						null,
					]);
				}
				expect(entry.verification.status, `${name} ${entry.platform}`).toBe('unsigned');
			}
		}
	});

	it('reads the same content the same way through the referrers API, and each BuildKit attestation manifest once', async () => {
		const mock = await startMockRegistry({ referrersApi: true });
		const apiOut = await mkdtemp(join(tmpdir(), 'sca-formats-api-'));
		try {
			for (const built of REPOSITORIES) loadImage(mock, `${NAMESPACE}/${built.name}`, built);
			const viaApi = await sync(mock.url, apiOut);
			const withoutReferrers = (image: ImageRepository) =>
				JSON.parse(JSON.stringify(image, (key, value) => (key === 'referrers' ? undefined : value)));
			for (const [name, image] of images) expect(withoutReferrers(viaApi.get(name)!), name).toEqual(withoutReferrers(image));
			// Registries with the API list BuildKit's OCI-artifact attestation manifests as referrers of their platform too.
			const artifact = platform(viaApi.get('buildkit-artifact')!, 'linux/amd64');
			expect(artifact.referrers.map((referrer) => referrer.artifactType)).toEqual([
				'application/vnd.docker.attestation.manifest.v1+json',
			]);
			expect(artifact.attestations).toHaveLength(1);
			expect(mock.requests.filter((request) => request.path.includes('/referrers/')).length).toBeGreaterThan(0);
		} finally {
			await mock.close();
			await rm(apiOut, { recursive: true, force: true });
		}
	});
});

describe("a registry's tag history", () => {
	it('dates tags by the history when the registry keeps one, following its pages', async () => {
		const mock = await startMockRegistry();
		const out = await mkdtemp(join(tmpdir(), 'sca-history-'));
		try {
			const built = bundles();
			loadImage(mock, `${NAMESPACE}/bundles`, built);
			const latest = built.manifests.find((manifest) => manifest.reference === 'latest')!.digest;
			// 1000 old moves fill the first page; the second page (asked with start=) ends on the current digest.
			const old = Array.from({ length: 1000 }, (_, day) => ({
				updateTimestamp: new Date(Date.UTC(2022, 0, 1 + day)).toISOString(),
				digest: `sha256:${String(day % 10).repeat(64)}`,
			}));
			const recent = [
				old[999],
				{ updateTimestamp: '2025-07-02T10:00:00.000Z', digest: latest },
				{ updateTimestamp: '2025-07-03T10:00:00.000Z', digest: latest },
			];
			const asked: string[] = [];
			mock.intercept = (request, response: ServerResponse, path) => {
				const match = /\/_chainguard\/history\/([^/?]+)$/.exec(path);
				if (!match) return false;
				const start = new URL(request.url!, mock.url).searchParams.get('start');
				asked.push(`${match[1]} ${start ?? '-'}`);
				const body = JSON.stringify({ history: match[1] === 'latest' ? (start ? recent : old) : [] });
				response.writeHead(200, { 'Content-Type': 'application/json' });
				response.end(body);
				return true;
			};
			const image = (await sync(mock.url, out, chainguardTagHistory, ['bundles'])).get('bundles')!;
			expect(image.tags.map((tag) => [tag.name, tag.updatedAt, tag.updatedAtSource])).toEqual([
				['1.0', '2025-07-01T08:00:00Z', 'annotation'],
				['latest', '2025-07-02T10:00:00.000Z', 'tag-history'],
			]);
			expect(asked.sort()).toEqual(['1.0 -', 'latest -', `latest ${old[999].updateTimestamp}`]);
		} finally {
			await mock.close();
			await rm(out, { recursive: true, force: true });
		}
	});
});
