import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGNING_POLICY } from '../../../src/images/demo/registry.ts';
import { syncDemoImages, DEMO_RECORDED_AS, DEMO_NAMESPACE, DEMO_CLOCK } from '../../../src/images/demo/seed.ts';
import { syncImages } from '../../../src/images/sync.ts';
import { readSnapshot } from '../../../src/images/snapshot.ts';
import { parseRegistryLocation } from '../../../src/registry/index.ts';
import { startDemoRegistry } from '../../helpers/registry/demo-store.ts';
import type { LocalRegistry } from '../../helpers/registry/registries.ts';

const COMMITTED = join(import.meta.dirname, '../../../content/images');

async function jsonFiles(dir: string): Promise<Map<string, string>> {
	const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
	return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

describe('demo images on a plain docker-registry', () => {
	let registry: LocalRegistry;
	let out: string;

	beforeAll(async () => {
		// This run's seedDemoImages, on a copy of its own: the last test deletes a manifest.
		registry = await startDemoRegistry();
		out = await mkdtemp(join(tmpdir(), 'sca-demo-'));
	});
	afterAll(async () => {
		await registry?.stop();
		await rm(out, { recursive: true, force: true });
	});

	it('seeds and syncs the demo images into exactly the committed snapshot', async () => {
		const report = await syncDemoImages(registry.url, out);
		expect(report.outcomes.filter((outcome) => outcome.status === 'failed')).toEqual([]);
		expect(await jsonFiles(out)).toEqual(await jsonFiles(COMMITTED));
		const snapshot = await readSnapshot(out);
		expect(snapshot.metadata.demo).toBe(true);
		expect(snapshot.images).toHaveLength(25);
		const byName = new Map(snapshot.images.map((image) => [image.name, image]));
		const pytorchPlatforms = byName.get('pytorch')!.variants.map((variant) => variant.platforms.map((p) => p.platform).join());
		expect(
			pytorchPlatforms.filter((platforms) => platforms !== 'linux/amd64'),
			'pytorch variants with other platforms',
		).toEqual([]);
		expect(byName.get('mariadb')!.variants[0].mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
		expect(byName.get('dotnet-sdk')!.tags.length).toBeGreaterThanOrEqual(10);
		expect(byName.get('node')!.variants.find((variant) => variant.tags.includes('latest'))!.referrers).toHaveLength(1);
		// Every signature and attestation went through the whole path, in both layouts, against the demo root.
		const outcomes = snapshot.images.flatMap((image) =>
			image.variants.map((variant) => `${image.name}:${variant.tags[0]} ${variant.verification.status}`),
		);
		expect(outcomes.filter((line) => !line.endsWith(' verified'))).toEqual(['jq:latest failed', 'jq:latest-dev unsigned']);
		const jq = byName.get('jq')!.variants[0]!.verification;
		expect(jq).toMatchObject({ format: 'cosign-signature', reason: { code: 'identity-mismatch' }, trustRoot: { name: 'demo' } });
		const go = byName.get('go')!.variants[0]!.verification;
		expect(go).toMatchObject({ format: 'sigstore-bundle-v0.3', predicateType: 'https://sigstore.dev/cosign/sign/v1' });
		expect(byName.get('python')!.variants[0]!.verification).toMatchObject({
			status: 'verified',
			format: 'cosign-signature',
			identity: DEMO_SIGNING_POLICY.certificateIdentity,
			issuer: DEMO_SIGNING_POLICY.certificateOidcIssuer,
			transparencyLog: { integratedTime: expect.stringMatching(/^2026-08-22T/) },
		});
		const evidence = snapshot.images.flatMap((image) =>
			image.variants.flatMap((variant) =>
				[variant, ...variant.platforms].flatMap((subject) =>
					[...subject.signatures, ...subject.attestations].map((entry) => `${image.name} ${entry.verification.status}`),
				),
			),
		);
		expect(evidence.filter((line) => !line.endsWith(' verified') && !line.startsWith('jq '))).toEqual([]);
		expect(report.verification).toEqual({ checked: evidence.length, reused: 0, trustRoot: 'demo' });
	});

	it('resyncs without change at one HEAD per tag, leaving every byte alone', async () => {
		const resync = async (now: Date) =>
			syncImages({
				location: parseRegistryLocation(`${registry.url}/${DEMO_NAMESPACE}`),
				repositories: (await readSnapshot(out)).metadata.repositories,
				tags: ['latest', 'latest-dev'],
				outDir: out,
				mode: 'exact',
				recordedAs: DEMO_RECORDED_AS,
				signing: {},
				now: () => now,
			});
		// The tag set differs from the full demo sync (only latest and latest-dev), so this first run rewrites entries.
		expect((await resync(new Date())).write.changed).toBe(true);
		const before = await jsonFiles(out);
		const again = await resync(new Date(Date.UTC(2030, 0, 1)));
		const tags = again.outcomes.reduce((total, outcome) => total + outcome.tags, 0);
		expect(again.outcomes.filter((outcome) => outcome.status !== 'unchanged')).toEqual([]);
		const missing = again.outcomes.reduce((total, outcome) => total + outcome.missingTags.length, 0);
		// One ping plus one HEAD per requested tag (found or not), and no cryptography at all.
		expect(again.requests).toBe(1 + tags + missing);
		expect(again.verification).toEqual({ checked: 0, reused: 0, trustRoot: 'demo' });
		expect(again.write.changed).toBe(false);
		const after = await jsonFiles(out);
		expect(after).toEqual(before);
		expect(after.get('_snapshot.json')).not.toContain('2030');
	});

	it('checks again under another policy, and reuses recorded outcomes when only tags were re-read', async () => {
		const location = parseRegistryLocation(`${registry.url}/${DEMO_NAMESPACE}`);
		const copy = await mkdtemp(join(tmpdir(), 'sca-demo-policy-'));
		try {
			const resync = (recordedAs: { registry: string; namespace: string }, outDir: string, incremental = true) =>
				syncImages({
					location,
					repositories: ['python', 'jq'],
					tags: ['latest'],
					outDir,
					mode: 'exact',
					recordedAs,
					signing: { 'mirror.example.org': { ...DEMO_SIGNING_POLICY, trustRoot: 'sigstore-public-good' } },
					incremental,
					now: () => DEMO_CLOCK,
				});
			// Recorded as another registry, the same images meet another policy and root: nothing verifies against
			// the public-good root, and every image is collected again rather than reused.
			const elsewhere = await resync({ registry: 'mirror.example.org', namespace: 'chainguard' }, copy);
			const mirrored = await readSnapshot(copy);
			expect(mirrored.images.map((image) => image.variants[0]!.verification.reason?.code)).toEqual([
				'untrusted-certificate',
				'untrusted-certificate',
			]);
			expect(elsewhere.verification.checked).toBeGreaterThan(0);
			// A full, not incremental, resync of the demo reads every manifest again but verifies nothing: the
			// outcomes recorded under the same keys are reused without fetching the signed blobs.
			await resync(DEMO_RECORDED_AS, copy);
			const full = await resync(DEMO_RECORDED_AS, copy, false);
			expect(full.verification.checked).toBe(0);
			expect(full.verification.reused).toBeGreaterThan(0);
		} finally {
			await rm(copy, { recursive: true, force: true });
		}
	});

	it('fails one repository among good ones and keeps its previous entry', async () => {
		const location = parseRegistryLocation(`${registry.url}/${DEMO_NAMESPACE}`);
		// Delete the index python:latest points at: the tag now answers 404, so python fails while bash and jq sync.
		const python = (await readSnapshot(out)).images.find((image) => image.name === 'python')!;
		const previousPython = await readFile(join(out, 'python.json'), 'utf8');
		const target = python.tags.find((tag) => tag.name === 'latest')!.digest;
		const response = await fetch(`${registry.url}/v2/chainguard/python/manifests/${target}`, { method: 'DELETE' });
		expect(response.status).toBe(202);
		const report = await syncImages({
			location,
			repositories: ['bash', 'python', 'jq'],
			tags: ['latest'],
			outDir: out,
			mode: 'merge',
			recordedAs: DEMO_RECORDED_AS,
			signing: {},
			now: () => DEMO_CLOCK,
		});
		const outcome = new Map(report.outcomes.map((entry) => [entry.name, entry]));
		expect(outcome.get('python')).toMatchObject({ status: 'failed', keptPrevious: true });
		expect(outcome.get('python')!.error).toMatch(/None of the tags latest exist.*Hint:/);
		expect(outcome.get('bash')!.status).not.toBe('failed');
		expect(outcome.get('jq')!.status).not.toBe('failed');
		expect(await readFile(join(out, 'python.json'), 'utf8')).toBe(previousPython);
		expect((await readSnapshot(out)).images).toHaveLength(25);
	});
});
