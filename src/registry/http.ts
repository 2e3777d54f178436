import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { RegistryError, isDamagedBody, isTransient, type RegistryErrorContext } from './errors.ts';
import { TokenCache, basicAuthorization, isTrustedRealm, parseChallenge, type Challenge, type Credentials } from './auth.ts';
import { isLoopbackHost } from './reference.ts';

/** Tuning and collaborators of the transport; every field has a sensible default. */
export interface TransportOptions {
	/** Credentials for the registry host, sent only to it and to its trusted token realm. */
	credentials?: Credentials | null;
	/** Token realm hosts that may receive the credentials although their domain differs from the registry's. */
	trustedRealmHosts?: string[];
	/** Allow plain HTTP to non-loopback hosts (redirects included). */
	insecure?: boolean;
	/** Milliseconds for one HTTP exchange, body included. */
	timeoutMs?: number;
	/** Further attempts after a transient failure (429, 5xx, network error, timeout). */
	retries?: number;
	/** First backoff delay; doubled each attempt, with jitter. */
	baseDelayMs?: number;
	/** Largest backoff delay. */
	maxDelayMs?: number;
	/** Longest `Retry-After` the client waits for; a longer one fails at once with a hint. */
	maxRetryAfterMs?: number;
	/**
	 * Requests in flight at once per origin, across all repositories: the registry's limit, and separately that of each
	 * blob store (object storage, CDN) it redirects to, as an HTTP client limits connections per host.
	 */
	concurrency?: number;
	userAgent?: string;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	now?: () => number;
}

/** A request as the client describes it. */
export interface RegistryRequest {
	url: string;
	method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
	headers?: Record<string, string>;
	body?: Uint8Array<ArrayBuffer>;
	/** Token scope, e.g. `repository:chainguard/python:pull`. */
	scope?: string;
	/** Largest body read into memory. */
	maxBytes: number;
	/** For error messages. */
	context: RegistryErrorContext;
	/**
	 * Checks the body of a 2xx answer before it is returned. A digest or JSON error from it means the body was damaged
	 * on the way (cut short, a byte changed): the request is sent again with the same backoff as a 5xx, and the last
	 * error is thrown when the retries run out.
	 */
	check?: (response: RegistryResponse) => void;
}

/** Response headers by case-insensitive name; repeated headers come joined with `, `, as in the Fetch API. */
export interface ResponseHeaders {
	get(name: string): string | null;
}

/** A complete response: the body is read (and capped) before it is returned. */
export interface RegistryResponse {
	status: number;
	headers: ResponseHeaders;
	body: Buffer;
	/** The URL that answered, after redirects. */
	url: string;
}

/** Counters for the sync summary and the benchmark. */
export interface TransportStats {
	requests: number;
	bytes: number;
	/** Attempts repeated after a transient failure, a damaged body included. */
	retries: number;
	/** Of those, the ones after a body that failed its check (wrong digest, not the JSON it should be). */
	damagedBodies: number;
	warnings: string[];
}

const MAX_REDIRECTS = 5;

/** A counting semaphore: at most `limit` holders at a time, first come first served. */
export class Semaphore {
	readonly #limit: number;
	#active = 0;
	readonly #waiting: Array<() => void> = [];

	constructor(limit: number) {
		this.#limit = Math.max(1, limit);
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.#active >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
		else this.#active++;
		try {
			return await task();
		} finally {
			const next = this.#waiting.shift();
			if (next) next();
			else this.#active--;
		}
	}
}

/** Map `items` through `task` with at most `limit` running at once, keeping the order of results. */
export async function mapBounded<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const semaphore = new Semaphore(limit);
	return Promise.all(items.map((item, index) => semaphore.run(() => task(item, index))));
}

/** Largest token response read. */
const MAX_TOKEN_BYTES = 1024 * 1024;
/** Who asks for OAuth 2 tokens (the spec wants a client_id; it need not be registered). */
const OAUTH_CLIENT_ID = 'supply-chain-academy';

/** The token spec's GET: `realm?service=…&scope=…`. */
function tokenUrl(realm: URL, service: string | undefined, scope: string | undefined): string {
	const url = new URL(realm);
	if (service) url.searchParams.append('service', service);
	if (scope) url.searchParams.append('scope', scope);
	return url.href;
}

/** The OAuth 2 POST that trades an identity (refresh) token for an access token (distribution docs/spec/auth/oauth.md). */
function refreshTokenRequest(
	realm: URL,
	service: string | undefined,
	scope: string | undefined,
	refreshToken: string,
	context: RegistryErrorContext,
): RegistryRequest {
	const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: OAUTH_CLIENT_ID });
	if (service) form.set('service', service);
	if (scope) form.set('scope', scope);
	return {
		url: realm.href,
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new Uint8Array(Buffer.from(form.toString())),
		maxBytes: MAX_TOKEN_BYTES,
		context,
	};
}

/** Seconds or an HTTP date, as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
	if (!value) return null;
	if (/^\s*[0-9]+\s*$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * HTTP for registries: auth challenges and token cache, redirects that never carry credentials to another origin,
 * retries with Retry-After or exponential backoff and jitter, a timeout per exchange, a body cap and a limit of
 * requests in flight per origin.
 */
export class RegistryTransport {
	readonly stats: TransportStats = { requests: 0, bytes: 0, retries: 0, damagedBodies: 0, warnings: [] };
	readonly #options: Required<Omit<TransportOptions, 'credentials'>> & { credentials: Credentials | null };
	readonly #tokens: TokenCache;
	readonly #pendingTokens = new Map<string, Promise<string>>();
	/** The last challenge seen per origin, so later requests authenticate up front instead of collecting a 401. */
	readonly #challenges = new Map<string, Challenge>();
	/** One limit per origin, so a redirect to a blob store frees the registry's slot instead of holding it meanwhile. */
	readonly #limits = new Map<string, Semaphore>();
	/** Kept-alive connections, shared by every request of this transport. */
	readonly #agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

	constructor(options: TransportOptions = {}) {
		this.#options = {
			credentials: options.credentials ?? null,
			trustedRealmHosts: options.trustedRealmHosts ?? [],
			insecure: options.insecure ?? false,
			timeoutMs: options.timeoutMs ?? 30_000,
			retries: options.retries ?? 4,
			baseDelayMs: options.baseDelayMs ?? 250,
			maxDelayMs: options.maxDelayMs ?? 8_000,
			maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
			concurrency: options.concurrency ?? 8,
			userAgent: options.userAgent ?? 'supply-chain-academy-images/1',
			sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
			random: options.random ?? Math.random,
			now: options.now ?? Date.now,
		};
		this.#tokens = new TokenCache(this.#options.now);
	}

	/** Send a request, retrying transient failures; returns any final status for the caller to judge. */
	async request(request: RegistryRequest): Promise<RegistryResponse> {
		for (let attempt = 0; ; attempt++) {
			let response: RegistryResponse;
			try {
				response = await this.#authenticatedExchange(request);
			} catch (error) {
				if (!isTransient(error) || attempt >= this.#options.retries) throw error;
				this.stats.retries++;
				await this.#options.sleep(this.#backoff(attempt));
				continue;
			}
			if (request.check && response.status >= 200 && response.status < 300) {
				try {
					request.check(response);
				} catch (error) {
					if (!isDamagedBody(error) || attempt >= this.#options.retries) throw error;
					this.stats.retries++;
					this.stats.damagedBodies++;
					await this.#options.sleep(this.#backoff(attempt));
					continue;
				}
			}
			if (!(response.status === 429 || response.status >= 500) || attempt >= this.#options.retries) return response;
			const delay = this.#retryDelay(response, attempt, request);
			this.stats.retries++;
			await this.#options.sleep(delay);
		}
	}

	#backoff(attempt: number): number {
		const ceiling = Math.min(this.#options.maxDelayMs, this.#options.baseDelayMs * 2 ** attempt);
		return Math.round(ceiling / 2 + (ceiling / 2) * this.#options.random());
	}

	/** How long to wait before the next attempt after a 429 or 5xx; throws when Retry-After asks for too long. */
	#retryDelay(response: RegistryResponse, attempt: number, request: RegistryRequest): number {
		const retryAfter = parseRetryAfter(response.headers.get('retry-after'), this.#options.now());
		if (retryAfter === null) return this.#backoff(attempt);
		if (retryAfter > this.#options.maxRetryAfterMs) {
			throw new RegistryError(
				'http',
				`The registry asked to wait ${Math.ceil(retryAfter / 1000)} s before retrying`,
				'The registry is rate-limiting this client: wait, lower --concurrency, or log in for a higher limit.',
				{ ...request.context, url: request.url, status: response.status, code: 'TOOMANYREQUESTS' },
			);
		}
		return retryAfter;
	}

	async #authenticatedExchange(request: RegistryRequest): Promise<RegistryResponse> {
		const origin = new URL(request.url).origin;
		const known = this.#challenges.get(origin);
		const authorization = known ? await this.#authorize(known, request) : null;
		const response = await this.#exchange(request, authorization);
		if (response.status !== 401) return response;
		const challenge = parseChallenge(response.headers.get('www-authenticate'));
		if (!challenge) {
			throw new RegistryError(
				'auth',
				'The registry answered 401 without a usable WWW-Authenticate challenge',
				'Check the registry URL; this does not look like an OCI registry.',
				{
					...request.context,
					url: request.url,
					status: 401,
				},
			);
		}
		if (known && authorization !== null) this.#dropToken(known, request);
		this.#challenges.set(origin, challenge);
		const retried = await this.#exchange(request, await this.#authorize(challenge, request));
		if (retried.status === 401) {
			throw new RegistryError(
				'auth',
				'The registry refused the credentials',
				this.#options.credentials
					? `Check the credentials from ${this.#options.credentials.source}.`
					: 'This repository needs credentials: set REGISTRY_USERNAME and REGISTRY_PASSWORD or run docker login.',
				{ ...request.context, url: request.url, status: 401, code: 'UNAUTHORIZED' },
			);
		}
		return retried;
	}

	#tokenKey(challenge: Challenge, request: RegistryRequest): string {
		return TokenCache.key(
			challenge.params.realm ?? '',
			challenge.params.service ?? '',
			request.scope ?? challenge.params.scope ?? '',
		);
	}

	#dropToken(challenge: Challenge, request: RegistryRequest): void {
		this.#tokens.set(this.#tokenKey(challenge, request), '', -1);
	}

	async #authorize(challenge: Challenge, request: RegistryRequest): Promise<string | null> {
		const credentials = this.#options.credentials;
		if (challenge.scheme === 'basic') {
			if (!credentials || credentials.identityToken) {
				throw new RegistryError(
					'auth',
					credentials
						? `The registry wants a user name and password, and ${credentials.source} holds an identity token`
						: 'The registry wants a user name and password',
					'Set REGISTRY_USERNAME and REGISTRY_PASSWORD, or run docker login for this host.',
					{
						...request.context,
						url: request.url,
						status: 401,
						code: 'UNAUTHORIZED',
					},
				);
			}
			return basicAuthorization(credentials);
		}
		const key = this.#tokenKey(challenge, request);
		const cached = this.#tokens.get(key);
		if (cached) return `Bearer ${cached}`;
		let pending = this.#pendingTokens.get(key);
		if (!pending) {
			pending = this.#fetchToken(challenge, request, key).finally(() => this.#pendingTokens.delete(key));
			this.#pendingTokens.set(key, pending);
		}
		return `Bearer ${await pending}`;
	}

	async #fetchToken(challenge: Challenge, request: RegistryRequest, key: string): Promise<string> {
		const context = { ...request.context, url: challenge.params.realm };
		if (!challenge.params.realm) {
			throw new RegistryError(
				'auth',
				'The Bearer challenge has no realm',
				'The registry is misconfigured: its WWW-Authenticate header must name a token realm.',
				context,
			);
		}
		const realm = new URL(challenge.params.realm);
		this.#checkScheme(realm, context);
		const scope = request.scope ?? challenge.params.scope;
		const registryHost = new URL(request.url).host;
		const trusted = this.#options.credentials && isTrustedRealm(realm, registryHost, this.#options.trustedRealmHosts);
		const credentials = trusted ? this.#options.credentials : null;
		const response = credentials?.identityToken
			? await this.#exchange(
					refreshTokenRequest(realm, challenge.params.service, scope, credentials.identityToken, context),
					null,
				)
			: await this.#exchange(
					{ url: tokenUrl(realm, challenge.params.service, scope), maxBytes: MAX_TOKEN_BYTES, context },
					credentials ? basicAuthorization(credentials) : null,
				);
		if (response.status !== 200) {
			// A busy or failing token service is transient like the registry itself (kind http is retried); a refusal is not.
			const busy = response.status === 429 || response.status >= 500;
			const known = this.#options.credentials;
			throw new RegistryError(
				busy ? 'http' : 'auth',
				`The token service answered ${response.status}`,
				busy
					? 'The token service is failing; try again later.'
					: known
						? `Check the credentials from ${known.source} and that they may pull ${scope ?? 'this repository'}.`
						: 'Anonymous pulls are not allowed here: set REGISTRY_USERNAME and REGISTRY_PASSWORD or run docker login.',
				{ ...context, status: response.status },
			);
		}
		let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown };
		try {
			parsed = JSON.parse(response.body.toString('utf8'));
		} catch (cause) {
			throw new RegistryError(
				'json',
				'The token service answered with something other than JSON',
				'Check the token realm in the registry challenge.',
				{ ...context, cause },
			);
		}
		const token =
			typeof parsed.token === 'string' ? parsed.token : typeof parsed.access_token === 'string' ? parsed.access_token : null;
		if (!token)
			throw new RegistryError(
				'auth',
				'The token response has no "token" field',
				'The token service is not a Docker token service.',
				context,
			);
		this.#tokens.set(key, token, typeof parsed.expires_in === 'number' ? parsed.expires_in : undefined);
		return token;
	}

	#checkScheme(url: URL, context: RegistryErrorContext): void {
		if (url.protocol === 'https:' || this.#options.insecure || isLoopbackHost(url.host)) return;
		throw new RegistryError(
			'config',
			`Refusing plain HTTP to ${url.host}`,
			'The registry sent the client to a plain HTTP URL; pass --insecure only if you trust the network.',
			{
				...context,
				url: url.href,
			},
		);
	}

	/** The limit of requests in flight to `origin`. */
	#limitFor(origin: string): Semaphore {
		let limit = this.#limits.get(origin);
		if (!limit) {
			limit = new Semaphore(this.#options.concurrency);
			this.#limits.set(origin, limit);
		}
		return limit;
	}

	/**
	 * One exchange with manual redirects: Authorization goes only to the origin it was made for, and each hop holds a
	 * slot of its own origin's limit only while it runs.
	 */
	async #exchange(request: RegistryRequest, authorization: string | null): Promise<RegistryResponse> {
		const signal = AbortSignal.timeout(this.#options.timeoutMs);
		const firstOrigin = new URL(request.url).origin;
		let url = new URL(request.url);
		try {
			for (let hop = 0; ; hop++) {
				const hopUrl = url;
				const answer = await this.#limitFor(hopUrl.origin).run(
					async (): Promise<{ redirect: URL } | { response: RegistryResponse }> => {
						const headers: Record<string, string> = { 'User-Agent': this.#options.userAgent, ...request.headers };
						if (authorization && hopUrl.origin === firstOrigin) headers.Authorization = authorization;
						this.stats.requests++;
						const response = await this.#send(hopUrl, request, headers, signal);
						const status = response.statusCode ?? 0;
						const responseHeaders = new NodeResponseHeaders(response.headers);
						const location = responseHeaders.get('location');
						if (status >= 300 && status < 400 && location && request.method !== 'POST' && request.method !== 'PUT') {
							// Drained, not destroyed, so the connection serves the next request.
							response.resume();
							return { redirect: new URL(location, hopUrl) };
						}
						const warning = responseHeaders.get('warning');
						if (warning && !this.stats.warnings.includes(warning)) this.stats.warnings.push(warning);
						const body = await this.#readBody(response, request, hopUrl.href);
						return { response: { status, headers: responseHeaders, body, url: hopUrl.href } };
					},
				);
				if ('response' in answer) return answer.response;
				if (hop >= MAX_REDIRECTS) {
					throw new RegistryError(
						'http',
						`More than ${MAX_REDIRECTS} redirects`,
						'The registry or its CDN redirects in a loop; try again later.',
						{ ...request.context, url: url.href },
					);
				}
				this.#checkScheme(answer.redirect, request.context);
				url = answer.redirect;
			}
		} catch (error) {
			if (error instanceof RegistryError) throw error;
			if (signal.aborted) {
				throw new RegistryError(
					'timeout',
					`No complete answer within ${this.#options.timeoutMs} ms`,
					'The registry or the network is slow; try again, or lower --concurrency.',
					{
						...request.context,
						url: url.href,
						cause: error,
					},
				);
			}
			const reason = error instanceof Error ? error.message : String(error);
			throw new RegistryError(
				'network',
				`Network error: ${reason}`,
				'Check that the registry is reachable from this machine and try again.',
				{
					...request.context,
					url: url.href,
					cause: error,
				},
			);
		}
	}

	/**
	 * Send one request on a kept-alive connection (node:http, which costs the client far less CPU per request than
	 * fetch's web streams) and resolve with the response once its headers arrived.
	 */
	#send(url: URL, request: RegistryRequest, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
		const https = url.protocol === 'https:';
		return new Promise((resolve, reject) => {
			const outgoing = (https ? httpsRequest : httpRequest)(url, {
				method: request.method ?? 'GET',
				headers,
				agent: https ? this.#agents.https : this.#agents.http,
				signal,
			});
			outgoing.once('response', resolve);
			outgoing.once('error', reject);
			outgoing.end(request.body);
		});
	}

	async #readBody(response: IncomingMessage, request: RegistryRequest, url: string): Promise<Buffer> {
		if (request.method === 'HEAD') {
			// A HEAD answer has no body whatever its Content-Length says; drained so the connection is reused.
			response.resume();
			return Buffer.alloc(0);
		}
		const status = response.statusCode ?? 0;
		const tooLarge = (size: string) =>
			new RegistryError(
				'size',
				`The response is larger than ${request.maxBytes} bytes (${size})`,
				'This is not a document the client reads into memory; check the reference.',
				{
					...request.context,
					url,
					status,
				},
			);
		const declared = Number(response.headers['content-length'] ?? NaN);
		if (declared > request.maxBytes) {
			response.destroy();
			throw tooLarge(`Content-Length ${declared}`);
		}
		const chunks: Buffer[] = [];
		let total = 0;
		for await (const chunk of response as AsyncIterable<Buffer>) {
			total += chunk.byteLength;
			this.stats.bytes += chunk.byteLength;
			if (total > request.maxBytes) {
				response.destroy();
				throw tooLarge('streamed');
			}
			chunks.push(chunk);
		}
		// A body that ends early without an error (the connection closed mid-body) is a cut, not a short document.
		// No Accept-Encoding is sent, so Content-Length counts the bytes read.
		if (!response.complete || (Number.isFinite(declared) && total !== declared)) {
			throw new RegistryError(
				'network',
				`The body ended after ${total} of ${Number.isFinite(declared) ? declared : 'the announced'} bytes`,
				'The connection was cut; try again.',
				{ ...request.context, url, status },
			);
		}
		return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
	}
}

/** The headers of a node:http response, read as the Fetch API's Headers would read them. */
class NodeResponseHeaders implements ResponseHeaders {
	readonly #headers: IncomingHttpHeaders;

	constructor(headers: IncomingHttpHeaders) {
		this.#headers = headers;
	}

	get(name: string): string | null {
		const value = this.#headers[name.toLowerCase()];
		if (value === undefined) return null;
		return Array.isArray(value) ? value.join(', ') : value;
	}
}
