import { RegistryError } from './errors.ts';

/** Repository path components, from the OCI distribution spec. */
const NAME_PATTERN = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const DIGEST_PATTERN = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST_PATTERN = /^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?)(:[0-9]{1,5})?$/;

/** Docker Hub: the name images are known by, the host that serves its API, and the other names users write for it. */
export const DOCKER_HUB = {
	host: 'docker.io',
	apiHost: 'registry-1.docker.io',
	aliases: ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'],
	/** Namespace of the official images: `python` is `library/python`. */
	officialNamespace: 'library',
} as const;

/** A registry and the namespace under which its repositories live (`cgr.dev/chainguard`). */
export interface RegistryLocation {
	/** `host[:port]` as written by the user, lower-cased; `docker.io` for every name of Docker Hub. */
	host: string;
	/** Scheme and host that serve the API, without trailing slash: `https://cgr.dev`, `https://registry-1.docker.io`. */
	baseUrl: string;
	/** Path prefix of the repositories (`chainguard`), empty when repositories sit at the top. */
	namespace: string;
}

export interface ParseOptions {
	/** Allow plain HTTP to a host that is not a loopback address. */
	insecure?: boolean;
}

/** True for hosts that never leave the machine, where plain HTTP is acceptable. */
export function isLoopbackHost(host: string): boolean {
	const hostname = host.replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
	return hostname === 'localhost' || hostname === '::1' || /^127(\.[0-9]{1,3}){3}$/.test(hostname);
}

/** Throw unless `name` is a valid repository path. */
export function assertRepositoryName(name: string): void {
	if (name.length > 255 || !NAME_PATTERN.test(name)) {
		throw new RegistryError(
			'reference',
			`Invalid repository name "${name}"`,
			'Repository names are lower-case letters and digits separated by ".", "_", "__", "-" or "/", e.g. chainguard/python.',
			{ repository: name },
		);
	}
}

/** Throw unless `tag` is a valid tag. */
export function assertTag(tag: string): void {
	if (!TAG_PATTERN.test(tag)) {
		throw new RegistryError(
			'reference',
			`Invalid tag "${tag}"`,
			'Tags are up to 128 letters, digits, ".", "_" or "-", not starting with "." or "-", e.g. latest-dev.',
			{ reference: tag },
		);
	}
}

/** True when `value` is a digest the client can verify (sha256 or sha512). */
export function isDigest(value: string): boolean {
	return DIGEST_PATTERN.test(value);
}

/** Throw unless `digest` is a sha256 or sha512 digest. */
export function assertDigest(digest: string): void {
	if (!isDigest(digest)) {
		throw new RegistryError('reference', `Invalid digest "${digest}"`, 'Digests look like sha256:<64 lower-case hex digits>.', {
			reference: digest,
		});
	}
}

/**
 * Parse `host[:port]/namespace`, or a URL `http(s)://host[:port]/namespace`. HTTPS is the default;
 * HTTP is allowed for loopback hosts, or for any host with `insecure`.
 */
export function parseRegistryLocation(input: string, options: ParseOptions = {}): RegistryLocation {
	const trimmed = input.trim().replace(/\/+$/, '');
	const match = /^(?:(https?):\/\/)?([^/]+)(?:\/(.*))?$/.exec(trimmed);
	const fail = (why: string) =>
		new RegistryError(
			'reference',
			`Invalid registry "${input}": ${why}`,
			'Write host[:port]/namespace (cgr.dev/chainguard) or a URL (http://127.0.0.1:5000/chainguard).',
			{ registry: input },
		);
	if (!match) throw fail('empty');
	const [, scheme, rawHost, path = ''] = match;
	const host = rawHost.toLowerCase();
	if (!HOST_PATTERN.test(host)) throw fail(`"${rawHost}" is not a host name`);
	if (path !== '') assertRepositoryName(path);
	if (scheme === 'http' && !isLoopbackHost(host) && !options.insecure) {
		throw new RegistryError(
			'config',
			`Refusing plain HTTP to ${host}`,
			'Plain HTTP is only used for loopback hosts; pass --insecure if you really mean it.',
			{ registry: host },
		);
	}
	if ((DOCKER_HUB.aliases as readonly string[]).includes(host) && scheme !== 'http') {
		// Images are named docker.io/…, while the API answers at registry-1.docker.io (as docker and containerd resolve it).
		return { host: DOCKER_HUB.host, baseUrl: `https://${DOCKER_HUB.apiHost}`, namespace: path };
	}
	const useHttp = scheme === 'http' || (scheme === undefined && options.insecure === true);
	return { host, baseUrl: `${useHttp ? 'http' : 'https'}://${host}`, namespace: path };
}

/** A namespace and a short name joined into a repository path; an empty namespace leaves the name alone. */
export function joinRepositoryPath(namespace: string, name: string): string {
	return namespace ? `${namespace}/${name}` : name;
}

/**
 * The repository path of `name` below `namespace` on `host`: on Docker Hub a one-part path is an official image,
 * which lives below `library/` (docker.io/python is docker.io/library/python).
 */
export function qualifiedRepositoryPath(host: string, namespace: string, name: string): string {
	const path = joinRepositoryPath(namespace, name);
	return host === DOCKER_HUB.host && !path.includes('/') ? `${DOCKER_HUB.officialNamespace}/${path}` : path;
}

/** Full repository path inside the registry: namespace joined with the short name (Docker Hub's `library/` added). */
export function repositoryPath(location: RegistryLocation, name: string): string {
	const path = qualifiedRepositoryPath(location.host, location.namespace, name);
	assertRepositoryName(path);
	return path;
}

/** The referrers tag schema: `sha256:abc…` → `sha256-abc…` (algorithm ≤ 32 chars, encoded part ≤ 64 chars). */
export function digestTag(digest: string): string {
	const [algorithm, encoded] = digest.split(':');
	const clean = (text: string) => text.replace(/[^a-zA-Z0-9._-]/g, '-');
	return `${clean(algorithm).slice(0, 32)}-${clean(encoded).slice(0, 64)}`;
}

/** True for tags that hold artifacts about another manifest (cosign and referrers tag schema), not images. */
export function isArtifactTag(tag: string): boolean {
	return /^sha(256|512)-[a-f0-9]{64}(\.(sig|att|sbom))?$/.test(tag);
}
