import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoImage } from '../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { DEMO_RECORDED_AS } from '../../../src/images/demo/seed.ts';
import { syncImages } from '../../../src/images/sync.ts';
import { readSnapshot } from '../../../src/images/snapshot.ts';
import {
	MediaType,
	RegistryClient,
	RegistryError,
	RegistryTransport,
	computeDigest,
	parseRegistryLocation,
	type TransportOptions,
} from '../../../src/registry/index.ts';
import {
	loadImage,
	putBlob,
	putManifest,
	startMockRegistry,
	type Interceptor,
	type MockRegistry,
} from '../../helpers/registry/mock-registry.ts';

const definition = (name: string) => DEMO_IMAGES.find((image) => image.name === name)!;
const noWait: TransportOptions = { sleep: async () => {}, baseDelayMs: 1 };

let mock: MockRegistry;
let second: MockRegistry | null = null;

function client(options: TransportOptions = {}): RegistryClient {
	return new RegistryClient(parseRegistryLocation(`${mock.url}/chainguard`), new RegistryTransport({ ...noWait, ...options }));
}

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(RegistryError);
	return error as RegistryError;
}

function stored(name: string, reference: string) {
	return mock.repositories.get(`chainguard/${name}`)!.manifests.get(reference)!;
}

function send(response: ServerResponse, status: number, headers: Record<string, string | number>, body?: Buffer | string): true {
	response.writeHead(status, headers);
	response.end(body);
	return true;
}

beforeEach(async () => {
	mock = await startMockRegistry();
	loadImage(mock, 'chainguard/jq', buildDemoImage(definition('jq'), DEMO_RECORDED_AS));
	loadImage(mock, 'chainguard/curl', buildDemoImage(definition('curl'), DEMO_RECORDED_AS));
});
afterEach(async () => {
	await mock.close();
	await second?.close();
	second = null;
});

describe('what docker-registry lacks', () => {
	it('uses the native referrers API, trusting OCI-Filters-Applied', async () => {
		mock.options = { referrersApi: true, filterReferrers: true };
		loadImage(mock, 'chainguard/node', buildDemoImage(definition('node'), DEMO_RECORDED_AS));
		const index = stored('node', 'latest');
		const subject = computeDigest(index.bytes);
		const found = await client().referrers('chainguard/node', subject, { artifactType: MediaType.sigstoreBundle });
		expect(found.source).toBe('api');
		expect(found.descriptors.map((descriptor) => descriptor.artifactType)).toEqual([MediaType.sigstoreBundle]);
		expect(mock.requests.at(-1)!.path).toContain(`referrers/${subject}?artifactType=`);
		expect((await client().referrers('chainguard/node', subject, { artifactType: 'application/x-other' })).descriptors).toEqual(
			[],
		);
	});

	it('filters referrers itself when the registry did not, and follows their pages', async () => {
		mock.options = { referrersApi: true, filterReferrers: false, pageSize: 1 };
		loadImage(mock, 'chainguard/node', buildDemoImage(definition('node'), DEMO_RECORDED_AS));
		const subject = computeDigest(stored('node', 'latest').bytes);
		const artifact = JSON.parse(stored('node', `sha256-${subject.slice(7)}`).bytes.toString()).manifests[0];
		const other = JSON.parse(stored('node', artifact.digest).bytes.toString());
		putManifest(
			mock,
			'chainguard/node',
			'other',
			Buffer.from(JSON.stringify({ ...other, artifactType: 'application/x-other' })),
			MediaType.ociManifest,
		);
		const all = await client().referrers('chainguard/node', subject);
		expect(all.descriptors.map((descriptor) => descriptor.artifactType).sort()).toEqual([
			'application/vnd.dev.sigstore.bundle.v0.3+json',
			'application/x-other',
		]);
		const filtered = await client().referrers('chainguard/node', subject, { artifactType: 'application/x-other' });
		expect(filtered.descriptors).toHaveLength(1);
	});

	it.each([false, true])(
		'follows tag pages through Link headers (absolute links: %s) and sorts the tags',
		async (absoluteLinks) => {
			mock.options = { pageSize: 3, absoluteLinks };
			const index = stored('jq', 'latest');
			const extra = ['v10', 'v2', 'a1', 'z9', 'm5', 'b7'];
			for (const tag of extra) putManifest(mock, 'chainguard/jq', tag, index.bytes, index.mediaType);
			const tags = await client().tags('chainguard/jq');
			const expected = [...mock.repositories.get('chainguard/jq')!.manifests.keys()].filter((key) => !key.includes(':')).sort();
			expect(tags).toEqual(expected);
			expect(mock.requests.filter((request) => request.path.includes('/tags/list'))).toHaveLength(Math.ceil(expected.length / 3));
		},
	);

	/** A second mock server standing in for a blob store, and the jq image's first config blob with its manifest. */
	async function blobStoreAndConfig() {
		second = await startMockRegistry();
		const config = JSON.parse(stored('jq', 'latest').bytes.toString()).manifests[0];
		const manifest = JSON.parse(stored('jq', config.digest).bytes.toString());
		return { cdn: second, manifest, blob: mock.repositories.get('chainguard/jq')!.blobs.get(manifest.config.digest)! };
	}

	it('follows a blob redirect to another origin without the Authorization header', async () => {
		const { cdn, manifest, blob } = await blobStoreAndConfig();
		cdn.intercept = (_request, response) => send(response, 200, { 'Content-Length': blob.length }, blob);
		mock.intercept = (request, response, path) => {
			if (!request.headers.authorization) return send(response, 401, { 'WWW-Authenticate': 'Basic realm="mock"' });
			if (path.includes('/blobs/'))
				return send(response, 307, { Location: `http://localhost:${new URL(cdn.url).port}/cdn${path}` });
			return false;
		};
		const reader = client({ credentials: { username: 'u', password: 'p', source: 'test' } });
		expect(await reader.getBlob('chainguard/jq', manifest.config.digest)).toEqual(blob);
		expect(mock.requests.at(-1)!.authorization).toMatch(/^Basic /);
		expect(cdn.requests).toHaveLength(1);
		expect(cdn.requests[0].authorization).toBeNull();
	});

	it('limits requests in flight per origin: a redirect to a blob store frees the registry slot', async () => {
		const { cdn, manifest, blob } = await blobStoreAndConfig();
		const held: ServerResponse[] = [];
		cdn.intercept = (_request, response) => {
			held.push(response);
			return true;
		};
		mock.intercept = (_request, response, path) =>
			path.includes('/blobs/') ? send(response, 307, { Location: `${cdn.url}/cdn${path}` }) : false;
		const reader = client({ concurrency: 1 });
		const blobs = [
			reader.getBlob('chainguard/jq', manifest.config.digest),
			reader.getBlob('chainguard/jq', manifest.config.digest),
		];
		// Both blob GETs got their redirect from the registry; the store, limited to 1 as well, holds the first.
		for (
			let wait = 0;
			wait < 100 && (held.length < 1 || mock.requests.filter((r) => r.path.includes('/blobs/')).length < 2);
			wait++
		)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(mock.requests.filter((request) => request.path.includes('/blobs/'))).toHaveLength(2);
		expect(cdn.requests).toHaveLength(1);
		// With a single global limit this manifest request would wait for the held blob.
		expect((await reader.getManifest('chainguard/jq', 'latest')).kind).toBe('index');
		send(held[0]!, 200, { 'Content-Length': blob.length }, blob);
		for (let wait = 0; wait < 100 && held.length < 2; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
		expect(cdn.requests).toHaveLength(2);
		send(held[1]!, 200, { 'Content-Length': blob.length }, blob);
		expect(await Promise.all(blobs)).toEqual([blob, blob]);
	});

	it('waits as long as Retry-After says on 429, within bounds', async () => {
		const waits: number[] = [];
		let throttled = 2;
		mock.intercept = (_request, response, path) =>
			path.includes('/manifests/') && throttled-- > 0 ? send(response, 429, { 'Retry-After': '2' }) : false;
		const reader = client({ sleep: async (ms) => void waits.push(ms) });
		expect((await reader.getManifest('chainguard/jq', 'latest')).kind).toBe('index');
		expect(waits).toEqual([2000, 2000]);
		mock.intercept = (_request, response) => send(response, 429, { 'Retry-After': '3600' });
		const error = await failure(client().getManifest('chainguard/jq', 'latest'));
		expect(error).toMatchObject({ kind: 'http', status: 429, code: 'TOOMANYREQUESTS' });
		expect(error.hint).toMatch(/rate-limiting/);
	});

	it('retries 5xx with bounded exponential backoff and jitter, then gives up', async () => {
		const waits: number[] = [];
		let failures = 2;
		mock.intercept = (_request, response, path) =>
			path.includes('/manifests/') && failures-- > 0 ? send(response, 503, {}) : false;
		const reader = client({ sleep: async (ms) => void waits.push(ms), baseDelayMs: 100, maxDelayMs: 150, random: () => 1 });
		await reader.getManifest('chainguard/jq', 'latest');
		expect(waits).toEqual([100, 150]);
		expect(reader.transport.stats.retries).toBe(2);
		mock.intercept = (_request, response) =>
			send(response, 500, { 'Content-Type': 'application/json' }, '{"errors":[{"code":"UNKNOWN","message":"storage down"}]}');
		const before = mock.requests.length;
		const error = await failure(client({ retries: 3 }).getManifest('chainguard/jq', 'latest'));
		expect(error).toMatchObject({ kind: 'http', status: 500, code: 'UNKNOWN' });
		expect(error.message).toContain('storage down');
		expect(mock.requests.length - before).toBe(4);
	});

	it('times out a slow response and retries a truncated one', async () => {
		mock.intercept = (_request, response) => {
			setTimeout(() => send(response, 200, {}, '{}'), 1500).unref();
			return true;
		};
		const slow = await failure(client({ timeoutMs: 200, retries: 1 }).getManifest('chainguard/jq', 'latest'));
		expect(slow.kind).toBe('timeout');
		expect(slow.hint).toMatch(/slow/);
		let truncated = 1;
		mock.intercept = (_request, response, path) => {
			if (!path.includes('/manifests/') || truncated-- <= 0) return false;
			response.writeHead(200, { 'Content-Type': MediaType.ociIndex, 'Content-Length': 5000 });
			response.write('{"schemaVersion":');
			setTimeout(() => response.destroy(), 20);
			return true;
		};
		expect((await client().getManifest('chainguard/jq', 'latest')).kind).toBe('index');
		mock.intercept = (_request, response) => {
			response.writeHead(200, { 'Content-Length': 5000 });
			response.write('{');
			setTimeout(() => response.destroy(), 20);
			return true;
		};
		expect((await failure(client({ retries: 1 }).getManifest('chainguard/jq', 'latest'))).kind).toBe('network');
	});

	it("reads an SBOM attached with cosign's deprecated .sbom tag", async () => {
		// jq's latest-dev variant is the demo image that publishes no SBOM and no attestation of its own.
		loadImage(mock, 'chainguard/jq', buildDemoImage(definition('jq'), DEMO_RECORDED_AS));
		const platform = JSON.parse(stored('jq', 'latest-dev').bytes.toString()).manifests[0].digest as string;
		const spdx = Buffer.from(
			JSON.stringify({
				spdxVersion: 'SPDX-2.3',
				packages: [{ name: 'jq', versionInfo: '1.8.1-r2', licenseDeclared: 'MIT' }],
			}),
		);
		const layer = { mediaType: 'text/spdx+json', digest: putBlob(mock, 'chainguard/jq', spdx), size: spdx.length };
		const config = { mediaType: MediaType.ociConfig, digest: putBlob(mock, 'chainguard/jq', Buffer.from('{}')), size: 2 };
		putManifest(
			mock,
			'chainguard/jq',
			`sha256-${platform.slice(7)}.sbom`,
			Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociManifest, config, layers: [layer] })),
			MediaType.ociManifest,
		);
		const out = await mkdtemp(join(tmpdir(), 'sca-sbom-'));
		try {
			await syncImages({
				location: parseRegistryLocation(`${mock.url}/chainguard`),
				repositories: ['jq'],
				tags: ['latest-dev'],
				outDir: out,
				mode: 'exact',
			});
			const jq = (await readSnapshot(out)).images[0];
			const attached = jq.variants[0].platforms.find((candidate) => candidate.digest === platform)!;
			expect(attached.attestations).toEqual([
				{
					predicateType: 'https://spdx.dev/Document',
					source: 'cosign-tag',
					statement: null,
					understood: true,
					// An attached SBOM is a plain file: there is no signature in it to check.
					verification: expect.objectContaining({
						status: 'not-checked',
						reason: expect.objectContaining({ code: 'unsupported-format' }),
					}),
					verificationKey: null,
				},
			]);
			expect(attached.sbom).toEqual({
				format: 'SPDX-2.3',
				source: 'cosign-tag',
				attachedTo: 'manifest',
				packages: [{ name: 'jq', version: '1.8.1-r2', license: 'MIT', purl: null }],
			});
			expect(attached.facts.hasShell.value).toBe(false);
			expect(jq.variants[0].platforms.find((candidate) => candidate.digest !== platform)!.sbom).toBeNull();
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	});

	it('rejects invalid names and tags before sending anything', async () => {
		const reader = client();
		expect((await failure(reader.getManifest('chainguard/Bad_Name', 'latest'))).kind).toBe('reference');
		expect((await failure(reader.getManifest('chainguard/jq', '-bad-tag'))).kind).toBe('reference');
		expect((await failure(reader.getBlob('chainguard/jq', 'sha256:1234'))).kind).toBe('reference');
		expect(mock.requests).toHaveLength(0);
	});
});

/** A GET of the index curl:latest points at, by tag or by digest. */
function curlIndex(request: IncomingMessage, path: string): boolean {
	const digest = computeDigest(stored('curl', 'latest').bytes);
	return request.method === 'GET' && (path.endsWith('/curl/manifests/latest') || path.endsWith(`/curl/manifests/${digest}`));
}

/** Serve `body` as curl:latest, consistently (HEAD and GET, by tag and by its digest): a registry storing a bad document. */
function storedAsLatest(body: string, contentType: string): Interceptor {
	const bytes = Buffer.from(body);
	const digest = computeDigest(bytes);
	return (request, response, path) => {
		if (!path.endsWith('/curl/manifests/latest') && !path.endsWith(`/curl/manifests/${digest}`)) return false;
		return send(
			response,
			200,
			{ 'Content-Type': contentType, 'Docker-Content-Digest': digest, 'Content-Length': bytes.length },
			request.method === 'HEAD' ? undefined : bytes,
		);
	};
}

/** Faults served for the curl repository only; jq stays healthy. */
const FAULTS: Array<{
	fault: string;
	kind: RegistryError['kind'];
	message: RegExp;
	intercept: (mock: MockRegistry) => Interceptor;
}> = [
	{
		fault: 'digest mismatch',
		kind: 'digest',
		message: /digest mismatch/,
		intercept: () => (request, response, path) => {
			if (!curlIndex(request, path)) return false;
			const original = stored('curl', 'latest');
			const altered = Buffer.from(original.bytes.toString().replace('"schemaVersion":2', '"schemaVersion": 2'));
			return send(
				response,
				200,
				{ 'Content-Type': original.mediaType, 'Docker-Content-Digest': computeDigest(original.bytes) },
				altered,
			);
		},
	},
	{
		fault: 'oversized manifest',
		kind: 'size',
		message: /larger than 4194304 bytes/,
		intercept: () => (request, response, path) =>
			curlIndex(request, path)
				? send(response, 200, { 'Content-Type': MediaType.ociIndex }, Buffer.alloc(5 * 1024 * 1024, 32))
				: false,
	},
	{
		fault: 'malformed JSON',
		kind: 'json',
		message: /not valid JSON/,
		intercept: () => storedAsLatest('{"schemaVersion": 2,', MediaType.ociIndex),
	},
	{
		fault: 'manifest without layers',
		kind: 'json',
		message: /field "layers"/,
		intercept: () =>
			storedAsLatest(
				JSON.stringify({
					schemaVersion: 2,
					config: { mediaType: MediaType.ociConfig, digest: `sha256:${'a'.repeat(64)}`, size: 2 },
				}),
				MediaType.ociManifest,
			),
	},
	{
		fault: 'wrong media type',
		kind: 'media-type',
		message: /Unsupported manifest media type "application\/vnd.docker.distribution.manifest.v1\+prettyjws"/,
		intercept: () => (request, response, path) => {
			if (!curlIndex(request, path)) return false;
			return send(
				response,
				200,
				{ 'Content-Type': 'application/vnd.docker.distribution.manifest.v1+prettyjws' },
				stored('curl', 'latest').bytes,
			);
		},
	},
	{
		fault: 'server error',
		kind: 'http',
		message: /answered 502/,
		intercept: () => (_request, response, path) => (path.includes('/curl/blobs/') ? send(response, 502, {}) : false),
	},
	{
		fault: 'blob digest mismatch',
		kind: 'digest',
		message: /digest mismatch/,
		intercept: () => (request, response, path) =>
			path.includes('/curl/blobs/') && request.method === 'GET' ? send(response, 200, {}, '{"tampered":true}') : false,
	},
];

describe.each(FAULTS)('a repository with a $fault among good ones', ({ kind, message, intercept }) => {
	let out: string;
	beforeEach(async () => {
		out = await mkdtemp(join(tmpdir(), 'sca-fault-'));
	});
	afterEach(async () => {
		await rm(out, { recursive: true, force: true });
	});

	it('fails that repository with a typed error, keeps its previous entry and writes the others', async () => {
		const sync = (incremental: boolean) =>
			syncImages({
				location: parseRegistryLocation(`${mock.url}/chainguard`),
				repositories: ['curl', 'jq'],
				tags: ['latest', 'latest-dev'],
				outDir: out,
				mode: 'exact',
				incremental,
				transport: { ...noWait, retries: 1, timeoutMs: 5000 },
			});
		await sync(true);
		const curlBefore = await readFile(join(out, 'curl.json'), 'utf8');
		const thrown: RegistryError[] = [];
		const faulty = intercept(mock);
		mock.intercept = faulty;
		const report = await sync(false);
		const outcomes = new Map(report.outcomes.map((outcome) => [outcome.name, outcome]));
		expect(outcomes.get('jq')!.status).toBe('updated');
		expect(outcomes.get('curl')).toMatchObject({ status: 'failed', keptPrevious: true });
		expect(outcomes.get('curl')!.error).toMatch(message);
		expect(outcomes.get('curl')!.error).toMatch(/Hint: /);
		expect(await readFile(join(out, 'curl.json'), 'utf8')).toBe(curlBefore);
		expect((await readSnapshot(out)).metadata.repositories).toEqual(['curl', 'jq']);
		// The same fault, met directly, is a RegistryError of the expected kind.
		const direct = client({ retries: 1 });
		await direct
			.getManifest('chainguard/curl', 'latest')
			.then(
				async (index) => {
					const child = index.kind === 'index' ? index.index.manifests[0].digest : index.digest;
					const manifest = await direct.getManifest('chainguard/curl', child);
					if (manifest.kind === 'manifest') await direct.getBlob('chainguard/curl', manifest.manifest.config.digest);
				},
				(error: unknown) => void thrown.push(error as RegistryError),
			)
			.catch((error: unknown) => void thrown.push(error as RegistryError));
		expect(thrown.map((error) => error.kind)).toEqual([kind]);
	});
});
