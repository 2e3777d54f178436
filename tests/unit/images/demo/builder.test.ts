import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDemoImage, deterministicGzip, tarArchive } from '../../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../../src/images/demo/definitions.ts';
import { DEMO_PACKAGES, demoPackages } from '../../../../src/images/demo/packages.ts';
import { DEMO_RECORDED_AS } from '../../../../src/images/demo/seed.ts';
import { decodeDsseStatement } from '../../../../src/attestations/in-toto.ts';
import { MediaType, computeDigest, isArtifactTag } from '../../../../src/registry/index.ts';

const NAMES =
	'static wolfi-base busybox git curl nginx python node go jdk jre ruby php redis postgres rust dotnet-sdk dotnet-runtime glibc-dynamic bash jq kubectl pytorch mariadb maven';

describe('demo definitions', () => {
	it('define exactly the 25 image names the site expects', () => {
		expect(DEMO_IMAGES.map((image) => image.name).sort()).toEqual(NAMES.split(' ').sort());
	});

	it('cover the edge cases: single arch, unsigned, Docker v2, many tags, a referrer', () => {
		const byName = new Map(DEMO_IMAGES.map((image) => [image.name, image]));
		expect(byName.get('pytorch')!.architectures).toEqual(['amd64']);
		expect(byName.get('maven')).toMatchObject({ signed: false, attested: false });
		expect(byName.get('mariadb')!.format).toBe('docker');
		expect(byName.get('python')!.variants.flatMap((variant) => variant.tags).length).toBeGreaterThanOrEqual(10);
		expect(DEMO_IMAGES.filter((image) => image.referrer).map((image) => image.name)).toEqual(['node']);
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
	it('is deterministic', () => {
		for (const image of DEMO_IMAGES) {
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
		expect(statement.subjects[0]).toEqual({ name: 'cgr.dev/chainguard/jq', digest: { sha256: att.reference.slice(7, 71) } });
		expect(
			layers.map((layer: { mediaType: string }) => layer.mediaType).filter((type: string) => type !== MediaType.dsseEnvelope),
		).toEqual([]);
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
