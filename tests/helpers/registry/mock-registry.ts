import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { computeDigest, MediaType } from '../../../src/registry/index.ts';
import type { BuiltImage } from '../../../src/images/demo/builder.ts';

/** A request as the mock saw it. */
export interface SeenRequest {
	method: string;
	path: string;
	authorization: string | null;
}

interface StoredManifest {
	bytes: Buffer;
	mediaType: string;
}

interface Repository {
	manifests: Map<string, StoredManifest>;
	blobs: Map<string, Buffer>;
}

/** Return true when the interceptor answered the request itself. */
export type Interceptor = (request: IncomingMessage, response: ServerResponse, path: string) => boolean | Promise<boolean>;

export interface MockRegistryOptions {
	/** Serve GET /v2/<name>/referrers/<digest> (docker-registry does not). */
	referrersApi?: boolean;
	/** Apply the artifactType filter server-side and say so with OCI-Filters-Applied. */
	filterReferrers?: boolean;
	/** Page size for tags/list and referrers; null sends everything at once. */
	pageSize?: number | null;
	/** Write Link targets as absolute URLs instead of relative ones. */
	absoluteLinks?: boolean;
}

/** An in-process OCI registry holding content in memory, for what docker-registry lacks and for faults. */
export interface MockRegistry {
	url: string;
	host: string;
	requests: SeenRequest[];
	repositories: Map<string, Repository>;
	/** Runs before the normal routes; set it per test to inject faults. */
	intercept: Interceptor | null;
	options: MockRegistryOptions;
	close(): Promise<void>;
}

function repository(mock: MockRegistry, name: string): Repository {
	let repo = mock.repositories.get(name);
	if (!repo) mock.repositories.set(name, (repo = { manifests: new Map(), blobs: new Map() }));
	return repo;
}

/** Store a manifest under a tag (and always under its digest). */
export function putManifest(mock: MockRegistry, name: string, reference: string, bytes: Buffer, mediaType: string): string {
	const repo = repository(mock, name);
	const digest = computeDigest(bytes);
	repo.manifests.set(digest, { bytes, mediaType });
	if (reference !== digest) repo.manifests.set(reference, { bytes, mediaType });
	return digest;
}

/** Store a blob; returns its digest. */
export function putBlob(mock: MockRegistry, name: string, bytes: Buffer): string {
	const digest = computeDigest(bytes);
	repository(mock, name).blobs.set(digest, bytes);
	return digest;
}

/** Load a built demo image into the mock. */
export function loadImage(mock: MockRegistry, name: string, built: BuiltImage): void {
	for (const bytes of built.blobs.values()) putBlob(mock, name, bytes);
	for (const manifest of built.manifests) putManifest(mock, name, manifest.reference, manifest.bytes, manifest.mediaType);
}

function error(response: ServerResponse, status: number, code: string, message: string): void {
	const body = JSON.stringify({ errors: [{ code, message }] });
	response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
	response.end(body);
}

function page(
	items: string[],
	url: URL,
	pageSize: number | null | undefined,
	absolute: boolean,
): { items: string[]; link: string | null } {
	if (!pageSize) return { items, link: null };
	const last = url.searchParams.get('last');
	const start = last === null ? 0 : items.findIndex((item) => item > last);
	const slice = start < 0 ? [] : items.slice(start, start + pageSize);
	if (start < 0 || start + pageSize >= items.length) return { items: slice, link: null };
	const next = new URL(url.pathname, url);
	for (const [key, value] of url.searchParams) if (key !== 'last') next.searchParams.set(key, value);
	next.searchParams.set('last', slice[slice.length - 1]);
	next.searchParams.set('n', String(pageSize));
	return { items: slice, link: absolute ? next.href : `${next.pathname}${next.search}` };
}

function handle(mock: MockRegistry, request: IncomingMessage, response: ServerResponse, url: URL): void {
	if (url.pathname === '/v2/') {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end('{}');
		return;
	}
	const match = /^\/v2\/(.+)\/(manifests|blobs|tags|referrers)\/(.+)$/.exec(url.pathname);
	const repo = match ? mock.repositories.get(match[1]) : undefined;
	if (!match || !repo) return error(response, 404, 'NAME_UNKNOWN', 'repository name not known to registry');
	const [, , kind, reference] = match;
	if (kind === 'tags') {
		const tags = [...repo.manifests.keys()].filter((key) => !key.includes(':')).sort();
		const { items, link } = page(tags, url, mock.options.pageSize, mock.options.absoluteLinks ?? false);
		const body = JSON.stringify({ name: match[1], tags: items });
		response.writeHead(200, { 'Content-Type': 'application/json', ...(link && { Link: `<${link}>; rel="next"` }) });
		response.end(body);
		return;
	}
	if (kind === 'referrers') {
		if (!mock.options.referrersApi) {
			response.writeHead(404, { 'Content-Type': 'text/plain' });
			response.end('404 page not found\n');
			return;
		}
		const artifactType = url.searchParams.get('artifactType');
		const descriptors = [...repo.manifests.entries()]
			.filter(([key]) => key.startsWith('sha256:'))
			.map(([digest, stored]) => ({ digest, stored, json: JSON.parse(stored.bytes.toString('utf8')) }))
			.filter((entry) => entry.json.subject?.digest === reference)
			.filter((entry) => !(mock.options.filterReferrers && artifactType) || entry.json.artifactType === artifactType)
			.map((entry) => ({
				mediaType: entry.stored.mediaType,
				digest: entry.digest,
				size: entry.stored.bytes.length,
				artifactType: entry.json.artifactType,
				annotations: entry.json.annotations,
			}))
			.sort((a, b) => (a.digest < b.digest ? -1 : 1));
		const digests = page(
			descriptors.map((descriptor) => descriptor.digest),
			url,
			mock.options.pageSize,
			mock.options.absoluteLinks ?? false,
		);
		const body = JSON.stringify({
			schemaVersion: 2,
			mediaType: MediaType.ociIndex,
			manifests: descriptors.filter((descriptor) => digests.items.includes(descriptor.digest)),
		});
		response.writeHead(200, {
			'Content-Type': MediaType.ociIndex,
			...(mock.options.filterReferrers && artifactType && { 'OCI-Filters-Applied': 'artifactType' }),
			...(digests.link && { Link: `<${digests.link}>; rel="next"` }),
		});
		response.end(body);
		return;
	}
	if (kind === 'manifests') {
		const stored = repo.manifests.get(reference);
		if (!stored) return error(response, 404, 'MANIFEST_UNKNOWN', 'manifest unknown');
		response.writeHead(200, {
			'Content-Type': stored.mediaType,
			'Docker-Content-Digest': computeDigest(stored.bytes),
			'Content-Length': stored.bytes.length,
		});
		response.end(request.method === 'HEAD' ? undefined : stored.bytes);
		return;
	}
	const blob = repo.blobs.get(reference);
	if (!blob) return error(response, 404, 'BLOB_UNKNOWN', 'blob unknown to registry');
	response.writeHead(200, {
		'Content-Type': 'application/octet-stream',
		'Docker-Content-Digest': reference,
		'Content-Length': blob.length,
	});
	response.end(request.method === 'HEAD' ? undefined : blob);
}

/** Start the mock on a free loopback port. */
export async function startMockRegistry(options: MockRegistryOptions = {}): Promise<MockRegistry> {
	const mock = { requests: [], repositories: new Map(), intercept: null, options } as unknown as MockRegistry;
	const server: Server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', mock.url);
		mock.requests.push({
			method: request.method ?? 'GET',
			path: `${url.pathname}${url.search}`,
			authorization: request.headers.authorization ?? null,
		});
		if (mock.intercept && (await mock.intercept(request, response, url.pathname))) return;
		handle(mock, request, response, url);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address !== 'object') throw new Error('mock registry has no address');
	mock.host = `127.0.0.1:${address.port}`;
	mock.url = `http://${mock.host}`;
	mock.close = () => {
		server.closeAllConnections();
		return new Promise((resolve) => server.close(() => resolve()));
	};
	return mock;
}
