import { RegistryError, type RegistryErrorContext } from './errors.ts';
import { RegistryTransport, type RegistryResponse } from './http.ts';
import {
	MANIFEST_ACCEPT,
	MAX_MANIFEST_BYTES,
	MediaType,
	computeDigest,
	parseIndex,
	parseJson,
	parseManifest,
	verifyDigest,
	type Descriptor,
	type FetchedManifest,
} from './manifest.ts';
import { assertDigest, assertRepositoryName, assertTag, digestTag, isDigest, type RegistryLocation } from './reference.ts';

/** Default cap on blobs read into memory (configs, attestation layers, SBOMs). */
export const MAX_BLOB_BYTES = 32 * 1024 * 1024;
/** Upper bound on pages followed for one list, against servers that never stop sending `Link`. */
const MAX_PAGES = 1000;

/** What a HEAD on a manifest tells: enough to decide whether anything changed. */
export interface ManifestHead {
	digest: string;
	mediaType: string | null;
	size: number | null;
}

/** Referrers of a manifest and how they were found. */
export interface Referrers {
	source: 'api' | 'tag-schema' | 'none';
	descriptors: Descriptor[];
}

/** The `rel="next"` target of a Link header, resolved against the request URL. */
export function nextLink(header: string | null, base: string): string | null {
	if (!header) return null;
	for (const part of header.split(/,(?=\s*<)/)) {
		const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
		if (match && /rel="?next"?/i.test(match[2])) return new URL(match[1], base).href;
	}
	return null;
}

/** The digest a manifest body must have: the one asked for, else the one the registry announced; null when neither. */
function expectedManifestDigest(reference: string, response: RegistryResponse): string | null {
	if (isDigest(reference)) return reference;
	const announced = response.headers.get('docker-content-digest');
	return announced && isDigest(announced) ? announced : null;
}

/** One page of a tag list or catalog: the named field as a list of strings. */
function readListPage(body: Buffer, field: 'tags' | 'repositories', context: RegistryErrorContext): string[] {
	const document = parseJson(body, field === 'tags' ? 'tag list' : 'catalog', context) as Record<string, unknown> | null;
	const page = document?.[field] ?? [];
	if (!Array.isArray(page) || page.some((item) => typeof item !== 'string')) {
		throw new RegistryError(
			'json',
			`The ${field} field is not a list of strings`,
			'The registry answered with an unexpected document; report it to the registry operator.',
			context,
		);
	}
	return page as string[];
}

/** A pull (and minimal push) client for one registry, over a shared transport. */
export class RegistryClient {
	readonly location: RegistryLocation;
	readonly transport: RegistryTransport;
	/** Set after the first 404 from /referrers: the registry lacks the API, so the tag schema is used from then on. */
	#referrersApi: boolean | null = null;
	#referrersProbe: Promise<void> | null = null;

	constructor(location: RegistryLocation, transport: RegistryTransport = new RegistryTransport()) {
		this.location = location;
		this.transport = transport;
	}

	#context(repository?: string, reference?: string): RegistryErrorContext {
		return { registry: this.location.host, repository, reference };
	}

	#url(path: string): string {
		return `${this.location.baseUrl}/v2/${path}`;
	}

	/** An HTTP error from a response, with the OCI error code and message when the body has them. */
	httpError(response: RegistryResponse, context: RegistryErrorContext, hint?: string): RegistryError {
		let code: string | undefined;
		let detail = '';
		try {
			const body = JSON.parse(response.body.toString('utf8')) as { errors?: Array<{ code?: string; message?: string }> };
			code = body.errors?.[0]?.code;
			detail = body.errors?.[0]?.message ?? '';
		} catch {
			// Not an OCI error body (proxies answer in HTML or plain text); the status says enough.
		}
		const hints: Record<number, string> = {
			401: 'Set REGISTRY_USERNAME and REGISTRY_PASSWORD or run docker login.',
			403: 'These credentials may not read this repository; check its access policy.',
			404: 'Check the repository name and tag; the registry does not know them.',
			429: 'The registry is rate-limiting this client: wait, lower --concurrency, or log in for a higher limit.',
		};
		return new RegistryError(
			'http',
			`The registry answered ${response.status}${detail ? `: ${detail}` : ''}`,
			hint ??
				hints[response.status] ??
				(response.status >= 500 ? 'The registry is failing; try again later.' : 'Unexpected answer; check the registry URL.'),
			{ ...context, url: response.url, status: response.status, code },
		);
	}

	/** GET /v2/: the registry answers and accepts the client (running the auth flow if needed). */
	async ping(): Promise<void> {
		const response = await this.transport.request({
			url: `${this.location.baseUrl}/v2/`,
			maxBytes: 64 * 1024,
			context: this.#context(),
		});
		if (response.status !== 200)
			throw this.httpError(response, this.#context(), 'Check that the URL points at an OCI registry (it must answer /v2/).');
	}

	/** Follow `Link` pages of a JSON list endpoint, collecting `field` from each page. */
	async #pagedList(
		firstUrl: string,
		field: 'tags' | 'repositories',
		scope: string,
		context: RegistryErrorContext,
	): Promise<string[]> {
		const items: string[] = [];
		const seen = new Set<string>();
		let url: string | null = firstUrl;
		while (url && !seen.has(url) && seen.size < MAX_PAGES) {
			seen.add(url);
			const pageUrl: string = url;
			let page: string[] = [];
			const response = await this.transport.request({
				url,
				scope,
				maxBytes: MAX_MANIFEST_BYTES,
				context,
				// A list has no digest: a body that does not parse is taken as damaged on the way and fetched again.
				check: (answer) => {
					page = readListPage(answer.body, field, { ...context, url: pageUrl });
				},
			});
			if (response.status === 404 && field === 'repositories') {
				throw new RegistryError(
					'unsupported',
					'This registry does not offer /v2/_catalog',
					'List the repositories with --repos or in content/images/repositories.yaml instead of --all.',
					{
						...context,
						url,
						status: 404,
					},
				);
			}
			if (response.status !== 200) throw this.httpError(response, context);
			items.push(...page);
			url = nextLink(response.headers.get('link'), url);
		}
		return [...new Set(items)].sort();
	}

	/** All tags of a repository, following pagination, sorted (registries do not all sort them). */
	async tags(repository: string): Promise<string[]> {
		assertRepositoryName(repository);
		return this.#pagedList(
			this.#url(`${repository}/tags/list`),
			'tags',
			`repository:${repository}:pull`,
			this.#context(repository),
		);
	}

	/** Repository paths below the location's namespace, from /v2/_catalog. */
	async catalog(): Promise<string[]> {
		const all = await this.#pagedList(this.#url('_catalog'), 'repositories', 'registry:catalog:*', this.#context());
		const prefix = this.location.namespace ? `${this.location.namespace}/` : '';
		return all.filter((name) => name.startsWith(prefix));
	}

	#checkReference(repository: string, reference: string): void {
		assertRepositoryName(repository);
		if (reference.includes(':')) assertDigest(reference);
		else assertTag(reference);
	}

	/** HEAD a manifest: its digest without its body; null when the tag or digest does not exist. */
	async headManifest(repository: string, reference: string): Promise<ManifestHead | null> {
		this.#checkReference(repository, reference);
		const context = this.#context(repository, reference);
		const response = await this.transport.request({
			url: this.#url(`${repository}/manifests/${reference}`),
			method: 'HEAD',
			headers: { Accept: MANIFEST_ACCEPT },
			scope: `repository:${repository}:pull`,
			maxBytes: 0,
			context,
		});
		if (response.status === 404) return null;
		if (response.status !== 200) throw this.httpError(response, context);
		const digest = response.headers.get('docker-content-digest');
		if (!digest || !isDigest(digest)) {
			// Some registries omit the digest on HEAD; the body is then the only way to know it.
			const manifest = await this.getManifest(repository, reference);
			return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
		}
		const length = response.headers.get('content-length');
		return {
			digest,
			mediaType: response.headers.get('content-type')?.split(';')[0].trim() ?? null,
			size: length === null ? null : Number(length),
		};
	}

	/**
	 * GET a manifest or index by tag or digest; the body is checked against its digest (damaged bodies are fetched again).
	 * Null on 404 when `optional`.
	 */
	async getManifest(repository: string, reference: string): Promise<FetchedManifest>;
	async getManifest(repository: string, reference: string, optional: true): Promise<FetchedManifest | null>;
	async getManifest(repository: string, reference: string, optional = false): Promise<FetchedManifest | null> {
		this.#checkReference(repository, reference);
		const context = this.#context(repository, reference);
		let unverified: FetchedManifest | null = null;
		const response = await this.transport.request({
			url: this.#url(`${repository}/manifests/${reference}`),
			headers: { Accept: MANIFEST_ACCEPT },
			scope: `repository:${repository}:pull`,
			maxBytes: MAX_MANIFEST_BYTES,
			context,
			check: (answer) => {
				const where = { ...context, url: answer.url };
				const expected = expectedManifestDigest(reference, answer);
				const headerDigest = answer.headers.get('docker-content-digest');
				if (expected) verifyDigest(answer.body, expected, where);
				if (headerDigest && expected !== headerDigest) verifyDigest(answer.body, headerDigest, where);
				// Without a digest to compare, only parsing can tell a damaged body; a verified body is what the registry
				// stores, so an error in it is the publisher's and is not retried.
				if (!expected)
					unverified = parseManifest(answer.body, computeDigest(answer.body), answer.headers.get('content-type'), where);
			},
		});
		if (response.status === 404 && optional) return null;
		if (response.status !== 200) throw this.httpError(response, context);
		if (unverified) return unverified;
		const digest = expectedManifestDigest(reference, response)!;
		return parseManifest(response.body, digest, response.headers.get('content-type'), { ...context, url: response.url });
	}

	/** GET a blob into memory (following redirects), checked against its digest and capped in size. */
	async getBlob(repository: string, digest: string, maxBytes = MAX_BLOB_BYTES): Promise<Buffer> {
		assertRepositoryName(repository);
		assertDigest(digest);
		const context = this.#context(repository, digest);
		const response = await this.transport.request({
			url: this.#url(`${repository}/blobs/${digest}`),
			scope: `repository:${repository}:pull`,
			maxBytes,
			context,
			check: (answer) => verifyDigest(answer.body, digest, { ...context, url: answer.url }),
		});
		if (response.status !== 200) throw this.httpError(response, context);
		return response.body;
	}

	/** GET a blob and parse it as JSON. */
	async getJsonBlob(repository: string, digest: string, what: string, maxBytes = MAX_BLOB_BYTES): Promise<unknown> {
		const bytes = await this.getBlob(repository, digest, maxBytes);
		return parseJson(bytes, what, this.#context(repository, digest));
	}

	/**
	 * GET a JSON document from a registry's own extension below a repository (`_chainguard/history/latest?…`); null
	 * on 404. The document has no digest, so a body that does not parse is fetched again.
	 */
	async getExtensionJson(repository: string, path: string, what: string): Promise<unknown> {
		assertRepositoryName(repository);
		const context = this.#context(repository, path);
		let document: unknown = null;
		const response = await this.transport.request({
			url: this.#url(`${repository}/${path}`),
			headers: { Accept: 'application/json' },
			scope: `repository:${repository}:pull`,
			maxBytes: MAX_MANIFEST_BYTES,
			context,
			check: (answer) => {
				document = parseJson(answer.body, what, { ...context, url: answer.url });
			},
		});
		if (response.status === 404) return null;
		if (response.status !== 200) throw this.httpError(response, context);
		return document;
	}

	/** The referrers API's answer for `digest`, or null when the registry lacks the API (it answered 404). */
	async #referrersFromApi(
		repository: string,
		digest: string,
		artifactType: string | undefined,
		context: RegistryErrorContext,
	): Promise<Descriptor[] | null> {
		const descriptors: Descriptor[] = [];
		let url: string | null = this.#url(`${repository}/referrers/${digest}`);
		if (artifactType) url += `?artifactType=${encodeURIComponent(artifactType)}`;
		const seen = new Set<string>();
		while (url && !seen.has(url) && seen.size < MAX_PAGES) {
			seen.add(url);
			const pageUrl: string = url;
			let page: Descriptor[] = [];
			const response = await this.transport.request({
				url,
				headers: { Accept: MediaType.ociIndex },
				scope: `repository:${repository}:pull`,
				maxBytes: MAX_MANIFEST_BYTES,
				context,
				// The referrers list is generated per request and has no digest: an unreadable one is fetched again.
				check: (answer) => {
					page = parseIndex(answer.body, { ...context, url: pageUrl }).manifests;
				},
			});
			if (response.status === 404 && seen.size === 1) {
				this.#referrersApi = false;
				return null;
			}
			if (response.status !== 200) throw this.httpError(response, context);
			this.#referrersApi = true;
			const applied = (response.headers.get('oci-filters-applied') ?? '')
				.split(',')
				.map((item) => item.trim())
				.includes('artifactType');
			descriptors.push(
				...(artifactType && !applied ? page.filter((descriptor) => descriptor.artifactType === artifactType) : page),
			);
			url = nextLink(response.headers.get('link'), url);
		}
		return descriptors;
	}

	/**
	 * Referrers of `digest`: the OCI 1.1 API first, then the referrers tag schema (`sha256-<hex>`). `knownTags`, when
	 * given, saves a request for a tag that does not exist. The artifactType filter is applied here when the
	 * registry did not apply it.
	 */
	async referrers(
		repository: string,
		digest: string,
		options: { artifactType?: string; knownTags?: ReadonlySet<string> } = {},
	): Promise<Referrers> {
		assertRepositoryName(repository);
		assertDigest(digest);
		const context = this.#context(repository, digest);
		// Whether the registry has the API is learnt once: concurrent callers wait for the first probe instead of each probing.
		if (this.#referrersApi === null && this.#referrersProbe) await this.#referrersProbe;
		if (this.#referrersApi !== false) {
			const attempt = this.#referrersFromApi(repository, digest, options.artifactType, context);
			if (this.#referrersApi === null)
				this.#referrersProbe = attempt.then(
					() => undefined,
					() => undefined,
				);
			const descriptors = await attempt;
			if (descriptors) return { source: 'api', descriptors };
		}
		const tag = digestTag(digest);
		if (options.knownTags && !options.knownTags.has(tag)) return { source: 'none', descriptors: [] };
		const index = await this.getManifest(repository, tag, true);
		if (!index || index.kind !== 'index') return { source: 'none', descriptors: [] };
		const descriptors = index.index.manifests;
		return {
			source: 'tag-schema',
			descriptors: options.artifactType
				? descriptors.filter((descriptor) => descriptor.artifactType === options.artifactType)
				: descriptors,
		};
	}

	/** Upload a blob (POST then PUT with the digest); returns the digest. */
	async pushBlob(repository: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
		assertRepositoryName(repository);
		const digest = computeDigest(bytes);
		const context = this.#context(repository, digest);
		const scope = `repository:${repository}:pull,push`;
		const started = await this.transport.request({
			url: this.#url(`${repository}/blobs/uploads/`),
			method: 'POST',
			scope,
			maxBytes: 64 * 1024,
			context,
		});
		const location = started.headers.get('location');
		if (started.status !== 202 || !location)
			throw this.httpError(started, context, 'The registry refused the upload; check push permissions.');
		const target = new URL(location, started.url);
		target.searchParams.set('digest', digest);
		const done = await this.transport.request({
			url: target.href,
			method: 'PUT',
			headers: { 'Content-Type': 'application/octet-stream' },
			body: bytes,
			scope,
			maxBytes: 64 * 1024,
			context,
		});
		if (done.status !== 201)
			throw this.httpError(done, context, 'The registry refused the blob; check push permissions and storage.');
		return digest;
	}

	/** Upload a manifest under a tag or its digest; returns the digest the registry stored. */
	async pushManifest(repository: string, reference: string, bytes: Uint8Array<ArrayBuffer>, mediaType: string): Promise<string> {
		this.#checkReference(repository, reference);
		const digest = computeDigest(bytes);
		const context = this.#context(repository, reference);
		const response = await this.transport.request({
			url: this.#url(`${repository}/manifests/${reference}`),
			method: 'PUT',
			headers: { 'Content-Type': mediaType },
			body: bytes,
			scope: `repository:${repository}:pull,push`,
			maxBytes: 64 * 1024,
			context,
		});
		if (response.status !== 201)
			throw this.httpError(
				response,
				context,
				'The registry refused the manifest; every blob and child it names must be pushed first.',
			);
		const stored = response.headers.get('docker-content-digest');
		if (stored && stored !== digest) {
			throw new RegistryError(
				'digest',
				`The registry stored ${stored} instead of ${digest}`,
				'The registry rewrote the manifest; use a registry that stores manifests byte for byte.',
				context,
			);
		}
		return digest;
	}
}
