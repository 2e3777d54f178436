import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RegistryError } from './errors.ts';

/** A `WWW-Authenticate` challenge: the scheme and its parameters (realm, service, scope). */
export interface Challenge {
	scheme: 'basic' | 'bearer';
	params: Record<string, string>;
}

/** User name and password (or personal access token) for one registry host. */
export interface Credentials {
	username: string;
	password: string;
	/** Where they came from, for error messages: never the secret itself. */
	source: string;
}

/** Parse the first Basic or Bearer challenge of a `WWW-Authenticate` header; null when there is none. */
export function parseChallenge(header: string | null): Challenge | null {
	if (!header) return null;
	const pattern = /(Basic|Bearer)\s+((?:[a-zA-Z_]+=(?:"[^"]*"|[^\s,]*)\s*,?\s*)*)/i;
	const match = pattern.exec(header);
	if (!match) return null;
	const params: Record<string, string> = {};
	for (const param of match[2].matchAll(/([a-zA-Z_]+)=(?:"([^"]*)"|([^\s,]*))/g)) {
		params[param[1].toLowerCase()] = param[2] ?? param[3];
	}
	return { scheme: match[1].toLowerCase() as Challenge['scheme'], params };
}

/** The host part of a docker config `auths` key, which may be a bare host or a URL. */
function authsKeyHost(key: string): string {
	const host = key
		.replace(/^[a-z]+:\/\//i, '')
		.replace(/\/.*$/, '')
		.toLowerCase();
	return host === 'index.docker.io' ? 'docker.io' : host;
}

function decodeAuth(auth: string, source: string): Credentials {
	const decoded = Buffer.from(auth, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 1) {
		throw new RegistryError(
			'config',
			`Unreadable "auth" value in ${source}`,
			'The "auth" field must be base64 of "user:password"; run docker login again.',
		);
	}
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source };
}

export interface CredentialLookup {
	env?: NodeJS.ProcessEnv;
	/** Defaults to $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
	dockerConfigPath?: string;
}

/**
 * Credentials for `host`: REGISTRY_USERNAME and REGISTRY_PASSWORD first (they apply to the registry being synced), then
 * the `auths` entry of the docker config file. Credential helpers (`credsStore`, `credHelpers`) are not run.
 */
export function lookupCredentials(host: string, lookup: CredentialLookup = {}): Credentials | null {
	const env = lookup.env ?? process.env;
	if (env.REGISTRY_USERNAME && env.REGISTRY_PASSWORD) {
		return { username: env.REGISTRY_USERNAME, password: env.REGISTRY_PASSWORD, source: 'REGISTRY_USERNAME/REGISTRY_PASSWORD' };
	}
	const path = lookup.dockerConfigPath ?? join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return null;
	}
	let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
	try {
		config = JSON.parse(text);
	} catch (cause) {
		throw new RegistryError('config', `${path} is not valid JSON`, 'Fix or remove the docker config file.', { cause });
	}
	const wanted = host.toLowerCase();
	for (const [key, entry] of Object.entries(config.auths ?? {})) {
		if (authsKeyHost(key) !== wanted) continue;
		const source = `${path} (auths["${key}"])`;
		if (entry.auth) return decodeAuth(entry.auth, source);
		if (entry.username && entry.password) return { username: entry.username, password: entry.password, source };
	}
	return null;
}

/** Basic credentials as an Authorization header value. */
export function basicAuthorization(credentials: Credentials): string {
	return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** The last two labels of a host name (`auth.docker.io` → `docker.io`), to pair a registry with its token service. */
function parentDomain(hostname: string): string {
	return hostname.split('.').slice(-2).join('.');
}

/**
 * Whether credentials for `registryHost` may be sent to the token `realm`: the same host name, a host of the same
 * parent domain (registry-1.docker.io and auth.docker.io), or a host listed as trusted. Never over plain HTTP to a
 * non-loopback host (the caller checks the scheme).
 */
export function isTrustedRealm(realm: URL, registryHost: string, trustedHosts: readonly string[] = []): boolean {
	const registryName = registryHost.replace(/:[0-9]+$/, '');
	const realmName = realm.hostname;
	if (trustedHosts.includes(realm.host) || trustedHosts.includes(realmName)) return true;
	if (realmName === registryName) return true;
	return realmName.includes('.') && parentDomain(realmName) === parentDomain(registryName) && !/^[0-9.]+$/.test(realmName);
}

interface CachedToken {
	token: string;
	expiresAt: number;
}

/** Bearer tokens per realm, service and scope, kept until shortly before they expire. */
export class TokenCache {
	readonly #tokens = new Map<string, CachedToken>();
	readonly #now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	static key(realm: string, service: string, scope: string): string {
		return `${realm}\n${service}\n${scope}`;
	}

	get(key: string): string | null {
		const entry = this.#tokens.get(key);
		if (!entry) return null;
		if (entry.expiresAt <= this.#now()) {
			this.#tokens.delete(key);
			return null;
		}
		return entry.token;
	}

	/** Store a token; `expiresInSeconds` defaults to 60 as the token spec says, and 10% is kept as a margin. */
	set(key: string, token: string, expiresInSeconds: number | undefined): void {
		const seconds = expiresInSeconds && expiresInSeconds > 0 ? expiresInSeconds : 60;
		this.#tokens.set(key, { token, expiresAt: this.#now() + seconds * 900 });
	}
}
