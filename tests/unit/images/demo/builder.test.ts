import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDemoImage, deterministicGzip, tarArchive } from '../../../../src/images/demo/builder.ts';
import { DEMO_IMAGES, OTHER_IDENTITY } from '../../../../src/images/demo/definitions.ts';
import { DEMO_PACKAGES, demoPackages } from '../../../../src/images/demo/packages.ts';
import { DEMO_RECORDED_AS } from '../../../../src/images/demo/seed.ts';
import { readSigstoreBundle } from '../../../../src/attestations/bundle.ts';
import { decodeDsseStatement } from '../../../../src/attestations/in-toto.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../../../../src/attestations/in-toto.ts';
import { MediaType, computeDigest, isArtifactTag } from '../../../../src/registry/index.ts';

const NAMES =
	'static wolfi-base busybox git curl nginx python node go jdk jre ruby php redis postgres rust dotnet-sdk dotnet-runtime glibc-dynamic bash jq kubectl pytorch mariadb maven';

describe('demo definitions', () => {
	it('define exactly the 25 image names the site expects', () => {
		expect(DEMO_IMAGES.map((image) => image.name).sort()).toEqual(NAMES.split(' ').sort());
	});

	it('cover the edge cases: single arch, unsigned, wrong signer, Docker v2, many tags, both signing layouts, a VEX referrer', () => {
		const byName = new Map(DEMO_IMAGES.map((image) => [image.name, image]));
		expect(byName.get('pytorch')!.architectures).toEqual(['amd64']);
		const jq = byName.get('jq')!;
		expect(jq.publicImage).toBe(false);
		expect(jq.variants.map((variant) => variant.signing)).toEqual([{ layout: 'cosign', identity: OTHER_IDENTITY }, null]);
		expect(byName.get('mariadb')!.format).toBe('docker');
		expect(byName.get('dotnet-sdk')!.variants.flatMap((variant) => variant.tags).length).toBeGreaterThanOrEqual(10);
		const layouts = (layout: string) =>
			DEMO_IMAGES.filter((image) => image.variants.some((variant) => variant.signing?.layout === layout)).map(
				(image) => image.name,
			);
		expect(layouts('bundle')).toEqual(['go', 'ruby', 'redis']);
		expect(layouts('cosign').length).toBe(DEMO_IMAGES.length - 3);
		expect(DEMO_IMAGES.filter((image) => image.vex).map((image) => image.name)).toEqual(['node']);
		expect(DEMO_IMAGES.filter((image) => !image.publicImage).map((image) => image.name)).toEqual(['jq']);
	});

	it('follow the public facts the guides rely on: users, shells and tags', () => {
		const latest = (name: string) => DEMO_IMAGES.find((image) => image.name === name)!.variants[0]!;
		// chainguard-images/images locked_config.json: node runs as its own account, with BusyBox sh and npm.
		expect(latest('node')).toMatchObject({ user: '65532', account: { name: 'node', uid: 65532 } });
		expect(latest('node').packages).toEqual(expect.arrayContaining(['busybox', 'npm-12', 'node-gyp', 'dumb-init']));
		expect(latest('maven').account).toEqual({ name: 'nonroot', uid: 65532 });
		expect(latest('redis').user).toBe('redis');
		expect(latest('postgres')).toMatchObject({ user: '0', account: { name: 'postgres', uid: 70 } });
		for (const name of ['bash', 'wolfi-base', 'go']) expect(latest(name).user, name).toBe('0');
		for (const name of ['python', 'static', 'glibc-dynamic', 'nginx', 'jre', 'curl', 'kubectl', 'php', 'ruby']) {
			expect(
				latest(name).packages.filter((pkg) => ['bash', 'busybox', 'dash'].includes(pkg)),
				name,
			).toEqual([]);
		}
		expect(latest('git').packages).toContain('dash-binsh');
		expect(latest('static').packages).toContain('tzdata');
		for (const name of ['python', 'glibc-dynamic']) expect(latest(name).packages, name).not.toContain('tzdata');
	});

	it('give every -dev variant apk-tools, bash, busybox, git and wget', () => {
		for (const image of DEMO_IMAGES) {
			for (const variant of image.variants.filter((candidate) => candidate.tags.some((tag) => tag.endsWith('-dev')))) {
				expect(variant.packages, `${image.name}:${variant.tags[0]}`).toEqual(
					expect.arrayContaining(['apk-tools', 'bash', 'busybox', 'git', 'wget']),
				);
			}
		}
	});

	it('name only catalogued packages with SPDX-looking licences', () => {
		for (const image of DEMO_IMAGES)
			for (const variant of image.variants) expect(() => demoPackages(variant.packages)).not.toThrow();
		expect(() => demoPackages(['no-such-package'])).toThrow(/src\/images\/demo\/packages\.ts/);
		for (const pkg of DEMO_PACKAGES.values()) expect(pkg.license).toMatch(/^[A-Za-z0-9.+\-() ]+$/);
	});
});

describe('buildDemoImage', () => {
	it('is deterministic, signatures included', () => {
		// One image of each kind: cosign layout with a VEX referrer, bundle layout, Docker v2, a wrong signer and no signature.
		for (const image of DEMO_IMAGES.filter((candidate) => ['node', 'go', 'mariadb', 'jq'].includes(candidate.name))) {
			const a = buildDemoImage(image, DEMO_RECORDED_AS);
			const b = buildDemoImage(image, DEMO_RECORDED_AS);
			expect(a.manifests.map((manifest) => `${manifest.reference} ${manifest.digest}`)).toEqual(
				b.manifests.map((manifest) => `${manifest.reference} ${manifest.digest}`),
			);
		}
	});

	it('pushes every blob a manifest names, children before parents, with cosign tags', () => {
		const built = buildDemoImage(
			DEMO_IMAGES.find((image) => image.name === 'node')!,
			DEMO_RECORDED_AS,
		);
		const pushed = new Set<string>();
		for (const manifest of built.manifests) {
			expect(computeDigest(manifest.bytes)).toBe(manifest.digest);
			const body = JSON.parse(manifest.bytes.toString());
			for (const child of body.manifests ?? [])
				expect(pushed.has(child.digest), `${manifest.reference} names ${child.digest}`).toBe(true);
			for (const blob of [body.config, ...(body.layers ?? [])].filter(Boolean)) expect(built.blobs.has(blob.digest)).toBe(true);
			if (body.subject) expect(pushed.has(body.subject.digest)).toBe(true);
			pushed.add(manifest.digest);
		}
		const tags = built.manifests.map((manifest) => manifest.reference).filter((reference) => !reference.startsWith('sha256:'));
		expect(tags.filter((tag) => tag.endsWith('.sig'))).toHaveLength(2);
		expect(tags.filter((tag) => tag.endsWith('.att'))).toHaveLength(6);
		expect(tags.filter((tag) => isArtifactTag(tag) && !tag.includes('.'))).toHaveLength(2);
	});

	it('writes DSSE attestations with in-toto Statements about the right subject', () => {
		const built = buildDemoImage(
			DEMO_IMAGES.find((image) => image.name === 'jq')!,
			DEMO_RECORDED_AS,
		);
		const att = built.manifests.find((manifest) => manifest.reference.endsWith('.att'))!;
		const layers = JSON.parse(att.bytes.toString()).layers;
		expect(layers.map((layer: { annotations: { predicateType: string } }) => layer.annotations.predicateType)).toEqual([
			'https://spdx.dev/Document',
			'https://apko.dev/image-configuration',
			'https://slsa.dev/provenance/v1',
		]);
		const statement = decodeDsseStatement(built.blobs.get(layers[0].digest)!, {});
		expect(statement.subjects[0]).toEqual({
			name: 'registry.demo.invalid/chainguard/jq',
			digest: { sha256: att.reference.slice(7, 71) },
		});
		expect(
			layers.map((layer: { mediaType: string }) => layer.mediaType).filter((type: string) => type !== MediaType.dsseEnvelope),
		).toEqual([]);
		// cosign keeps the certificate, its chain and the Rekor bundle in each layer's annotations.
		expect(Object.keys(layers[0].annotations).sort()).toEqual([
			'dev.sigstore.cosign/bundle',
			'dev.sigstore.cosign/certificate',
			'dev.sigstore.cosign/chain',
			'predicateType',
		]);
	});

	it('writes cosign 3 bundles as referrers in the bundle layout: a signature Statement and one bundle per attestation', () => {
		const built = buildDemoImage(
			DEMO_IMAGES.find((image) => image.name === 'go')!,
			DEMO_RECORDED_AS,
		);
		const references = built.manifests.map((manifest) => manifest.reference);
		expect(references.filter((reference) => reference.endsWith('.sig') || reference.endsWith('.att'))).toEqual([]);
		// One referrers tag schema index per subject: the index and both platforms, for latest and latest-dev.
		const schemaIndexes = built.manifests.filter(
			(manifest) => isArtifactTag(manifest.reference) && !manifest.reference.includes('.'),
		);
		expect(schemaIndexes).toHaveLength(6);
		const latest = built.manifests.find((manifest) => manifest.reference === 'latest')!;
		const onIndex = JSON.parse(
			built.manifests.find((manifest) => manifest.reference === `sha256-${latest.digest.slice(7)}`)!.bytes.toString(),
		);
		const predicateTypes = onIndex.manifests.map(
			(descriptor: { annotations: Record<string, string> }) => descriptor.annotations['dev.sigstore.bundle.predicateType'],
		);
		expect(predicateTypes.sort()).toEqual(
			[
				'https://apko.dev/image-configuration',
				'https://slsa.dev/provenance/v1',
				'https://spdx.dev/Document',
				COSIGN_SIGN_PREDICATE_TYPE,
			].sort(),
		);
		const signature = onIndex.manifests.find(
			(descriptor: { annotations: Record<string, string> }) =>
				descriptor.annotations['dev.sigstore.bundle.predicateType'] === COSIGN_SIGN_PREDICATE_TYPE,
		);
		const artifact = JSON.parse(built.manifests.find((manifest) => manifest.digest === signature.digest)!.bytes.toString());
		expect(artifact).toMatchObject({ artifactType: MediaType.sigstoreBundle, subject: { digest: latest.digest } });
		const statement = readSigstoreBundle(built.blobs.get(artifact.layers[0].digest)!, {}).statement!;
		// cosign's signature Statement names no subject, only its digest (cmd/cosign/cli/sign/sign.go).
		expect(statement.subjects.map((subject) => subject.digest)).toEqual([{ sha256: latest.digest.slice(7) }]);
	});
});

describe('tiny layers', () => {
	it('are valid ustar archives with correct checksums, gzipped the same way everywhere', () => {
		const tar = tarArchive([['etc/os-release', 'ID=wolfi\n']]);
		expect(tar.length).toBe(512 * 2 + 1024);
		expect(tar.subarray(257, 262).toString()).toBe('ustar');
		const header = Buffer.from(tar.subarray(0, 512));
		const recorded = parseInt(header.subarray(148, 155).toString(), 8);
		header.fill(' ', 148, 156);
		expect(recorded).toBe(header.reduce((sum, byte) => sum + byte, 0));
		expect(tar.subarray(512, 521).toString()).toBe('ID=wolfi\n');
		const gzipped = deterministicGzip(tar);
		expect(gzipped[9]).toBe(3);
		expect(gunzipSync(gzipped)).toEqual(tar);
	});
});
