import { spawnSync } from 'node:child_process';
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
	/**
	 * An identity token (an OAuth 2 refresh token, what `docker login` stores for some registries): traded at the token
	 * realm for access tokens. User name and password are empty then.
	 */
	identityToken?: string;
	/** Where they came from, for error messages: never the secret itself. */
	source: string;
}

/**
 * Parse a `WWW-Authenticate` header: Bearer when it offers Bearer (Quay has sent `Basic realm=…, Bearer realm=…` on one
 * line, and only the token flow works anonymously), else Basic; null when it offers neither.
 */
export function parseChallenge(header: string | null): Challenge | null {
	if (!header) return null;
	const challenges: Challenge[] = [];
	const pattern = /(Basic|Bearer)\s+((?:[a-zA-Z_]+=(?:"[^"]*"|[^\s,]*)\s*,?\s*)*)/gi;
	for (const match of header.matchAll(pattern)) {
		const params: Record<string, string> = {};
		for (const param of match[2].matchAll(/([a-zA-Z_]+)=(?:"([^"]*)"|([^\s,]*))/g)) {
			params[param[1].toLowerCase()] = param[2] ?? param[3];
		}
		challenges.push({ scheme: match[1].toLowerCase() as Challenge['scheme'], params });
	}
	return challenges.find((challenge) => challenge.scheme === 'bearer') ?? challenges[0] ?? null;
}

/** Docker Hub's key in docker config files and credential helpers: the historical index address (docker/cli getAuthConfigKey). */
export const DOCKER_HUB_CREDENTIALS_KEY = 'https://index.docker.io/v1/';

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

/** What a credential helper program printed, and how it ended. */
export interface HelperResult {
	/** Exit code; null when the program could not be started or was killed. */
	status: number | null;
	stdout: string;
	/** Why the program did not run (for example ENOENT), when it did not. */
	error?: NodeJS.ErrnoException;
}

/** Runs `program get` with `serverUrl` on stdin, as docker does. */
export type HelperRunner = (program: string, serverUrl: string) => HelperResult;

/** The default runner: the program from PATH, no shell, 30 s at most (a helper may wait for a keychain prompt). */
function runHelperProgram(program: string, serverUrl: string): HelperResult {
	const result = spawnSync(program, ['get'], { input: serverUrl, encoding: 'utf8', timeout: 30_000 });
	return { status: result.status, stdout: result.stdout ?? '', error: result.error as NodeJS.ErrnoException | undefined };
}

export interface CredentialLookup {
	env?: NodeJS.ProcessEnv;
	/** Defaults to $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
	dockerConfigPath?: string;
	/** Runs a credential helper; defaults to running `docker-credential-<name> get` from PATH. */
	runHelper?: HelperRunner;
}

/** The docker config fields the lookup reads (docker/cli configfile.ConfigFile). */
interface DockerConfig {
	auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
	/** Credential helper for every registry without its own entry in credHelpers. */
	credsStore?: string;
	/** Credential helper per registry host (Docker Hub under its index address). */
	credHelpers?: Record<string, string>;
}

/** Docker's message (docker-credential-helpers credentials.errCredentialsNotFoundMessage) for "nothing stored". */
const HELPER_NOT_FOUND = 'credentials not found in native keychain';
/** The user name a helper returns when the secret is an identity token (docker/cli native_store.go tokenUsername). */
const HELPER_TOKEN_USERNAME = '<token>';

/** Ask credential helper `name` for the credentials of `serverUrl`; null when it has none stored. */
function credentialsFromHelper(name: string, serverUrl: string, configPath: string, run: HelperRunner): Credentials | null {
	const program = `docker-credential-${name}`;
	const source = `${program} (${configPath})`;
	const fail = (why: string, hint: string) => new RegistryError('config', `${program} ${why}`, hint);
	if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/.test(name)) {
		throw new RegistryError(
			'config',
			`${configPath} names the credential helper "${name}", which is not a program name`,
			'credsStore and credHelpers name a helper by its suffix, e.g. "desktop" for docker-credential-desktop.',
		);
	}
	const result = run(program, serverUrl);
	if (result.error?.code === 'ENOENT') {
		throw fail('is not on PATH', `Install the credential helper, or remove it from credsStore/credHelpers in ${configPath}.`);
	}
	if (result.error || result.status === null) {
		throw fail(
			`did not finish: ${result.error?.message ?? 'killed'}`,
			'Run it by hand (echo <server> | ' + program + ' get) to see why.',
		);
	}
	if (result.status !== 0) {
		if (result.stdout.trim() === HELPER_NOT_FOUND) return null;
		// On failure helpers print an error message, never a secret, on stdout.
		throw fail(
			`failed for ${serverUrl}: ${result.stdout.trim() || `exit code ${result.status}`}`,
			'Log in again (docker login), or check the helper with: echo <server> | ' + program + ' get',
		);
	}
	let answer: { Username?: unknown; Secret?: unknown };
	try {
		answer = JSON.parse(result.stdout);
	} catch {
		throw fail(
			`printed something other than JSON for ${serverUrl}`,
			'The helper must print {"ServerURL", "Username", "Secret"}; check its version.',
		);
	}
	if (typeof answer.Secret !== 'string' || answer.Secret === '') return null;
	const username = typeof answer.Username === 'string' ? answer.Username : '';
	if (username === HELPER_TOKEN_USERNAME) return { username: '', password: '', identityToken: answer.Secret, source };
	return { username, password: answer.Secret, source };
}

/**
 * Credentials for `host`, found the way docker finds them: REGISTRY_USERNAME and REGISTRY_PASSWORD first (they apply to
 * the registry being synced), then the docker config file: the host's credential helper (`credHelpers`), else the
 * default helper (`credsStore`), else the `auths` entry. A configured helper is asked with
 * `docker-credential-<name> get`; Docker Hub is asked for under its index address.
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
	let config: DockerConfig;
	try {
		config = JSON.parse(text);
	} catch (cause) {
		throw new RegistryError('config', `${path} is not valid JSON`, 'Fix or remove the docker config file.', { cause });
	}
	const wanted = host.toLowerCase();
	const key = wanted === 'docker.io' ? DOCKER_HUB_CREDENTIALS_KEY : wanted;
	const helper = config.credHelpers?.[key] ?? config.credsStore;
	if (helper) return credentialsFromHelper(helper, key, path, lookup.runHelper ?? runHelperProgram);
	for (const [entryKey, entry] of Object.entries(config.auths ?? {})) {
		if (authsKeyHost(entryKey) !== wanted) continue;
		const source = `${path} (auths["${entryKey}"])`;
		if (entry.identitytoken) return { username: '', password: '', identityToken: entry.identitytoken, source };
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
