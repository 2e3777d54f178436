// Docker Hub, GHCR and Quay as a client meets them anonymously: each one's challenges and token answers, played by
// the in-process mock on loopback (the machines that run the tests reach no registry). The challenge strings follow
// distribution's token spec (docs/content/spec/auth/token.md, Docker Hub's realm and service) and what clients of
// GHCR and Quay record: GHCR names a placeholder scope on /v2/, Quay has sent a Basic and a Bearer challenge on one line.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoImage } from '../../../src/images/demo/builder.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { DEMO_RECORDED_AS } from '../../../src/images/demo/seed.ts';
import { readSnapshot } from '../../../src/images/snapshot.ts';
import { syncImages } from '../../../src/images/sync.ts';
import { parseRegistryLocation, type RegistryLocation } from '../../../src/registry/index.ts';
import { loadImage, startMockRegistry, type MockRegistry } from '../../helpers/registry/mock-registry.ts';

interface HostedRegistry {
	/** The location as users write it. */
	location: string;
	/** The short name synced, and the repository path it must be read at. */
	name: string;
	repository: string;
	/** Where the token endpoint lives on the registry's token host. */
	tokenPath: string;
	service: string;
	/** The challenge on GET /v2/ and on a repository request. */
	challenge(realm: string, scope: string | null): string;
	/** The token endpoint's answer. */
	tokenBody(token: string): Record<string, unknown>;
}

const HOSTED: HostedRegistry[] = [
	{
		location: 'docker.io',
		name: 'python',
		repository: 'library/python',
		tokenPath: '/token',
		service: 'registry.docker.io',
		challenge: (realm, scope) => `Bearer realm="${realm}",service="registry.docker.io"${scope ? `,scope="${scope}"` : ''}`,
		tokenBody: (token) => ({ token, access_token: token, expires_in: 300, issued_at: '2025-07-01T00:00:00Z' }),
	},
	{
		location: 'ghcr.io/academy',
		name: 'python',
		repository: 'academy/python',
		tokenPath: '/token',
		service: 'ghcr.io',
		challenge: (realm, scope) => `Bearer realm="${realm}",service="ghcr.io",scope="${scope ?? 'repository:user/image:pull'}"`,
		tokenBody: (token) => ({ token }),
	},
	{
		location: 'quay.io/academy',
		name: 'python',
		repository: 'academy/python',
		tokenPath: '/v2/auth',
		service: 'quay.io',
		challenge: (realm, scope) =>
			`Basic realm="quay.io", Bearer realm="${realm}",service="quay.io"${scope ? `,scope="${scope}"` : ''}`,
		tokenBody: (token) => ({ token }),
	},
];

let mock: MockRegistry | null = null;
let tokens: MockRegistry | null = null;
let out: string | null = null;
afterEach(async () => {
	await mock?.close();
	await tokens?.close();
	if (out) await rm(out, { recursive: true, force: true });
	mock = tokens = out = null;
});

function send(response: ServerResponse, status: number, headers: Record<string, string>, body = ''): true {
	response.writeHead(status, headers);
	response.end(body);
	return true;
}

describe.each(HOSTED)('$location, anonymously', (hosted) => {
	it('runs the token flow its challenges ask for and reads the repository at its path', async () => {
		mock = await startMockRegistry();
		tokens = await startMockRegistry();
		out = await mkdtemp(join(tmpdir(), 'sca-hosted-'));
		const registry = mock;
		const tokenServer = tokens;
		const realm = `${tokenServer.url}${hosted.tokenPath}`;
		const issued = new Map<string, string>();
		tokenServer.intercept = (request: IncomingMessage, response: ServerResponse) => {
			const url = new URL(request.url!, tokenServer.url);
			if (url.pathname !== hosted.tokenPath || url.searchParams.get('service') !== hosted.service) {
				return send(response, 400, { 'Content-Type': 'application/json' }, '{"details":"bad token request"}');
			}
			const scope = url.searchParams.get('scope') ?? '';
			const token = `anonymous-${issued.size}`;
			issued.set(token, scope);
			return send(response, 200, { 'Content-Type': 'application/json' }, JSON.stringify(hosted.tokenBody(token)));
		};
		registry.intercept = (request, response, path) => {
			const repository = /^\/v2\/(.+)\/(?:manifests|blobs|tags|referrers)\//.exec(path)?.[1] ?? null;
			const scope = repository ? `repository:${repository}:pull` : null;
			const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
			// A token is good for the scope it was issued for; /v2/ takes any token.
			if (token && issued.has(token) && (scope === null || issued.get(token) === scope)) return false;
			return send(response, 401, {
				'Content-Type': 'application/json',
				'WWW-Authenticate': hosted.challenge(realm, scope),
			});
		};
		loadImage(
			registry,
			hosted.repository,
			buildDemoImage(
				DEMO_IMAGES.find((image) => image.name === 'jq')!,
				DEMO_RECORDED_AS,
			),
		);
		const location: RegistryLocation = { ...parseRegistryLocation(hosted.location), baseUrl: registry.url };
		const report = await syncImages({
			location,
			repositories: [hosted.name],
			tags: ['latest'],
			outDir: out,
			mode: 'exact',
			now: () => new Date(Date.UTC(2025, 6, 1)),
		});
		expect(report.outcomes.map((outcome) => [outcome.name, outcome.status, outcome.error])).toEqual([
			[hosted.name, 'updated', null],
		]);
		const [image] = (await readSnapshot(out)).images;
		const host = parseRegistryLocation(hosted.location).host;
		expect(image).toMatchObject({ registry: host, repository: hosted.repository, reference: `${host}/${hosted.repository}` });
		// Tokens for /v2/ (no scope; GHCR's placeholder scope) and for the repository, nothing else.
		const expected = [`repository:${hosted.repository}:pull`, '', 'repository:user/image:pull'];
		expect([...issued.values()].filter((scope) => !expected.includes(scope))).toEqual([]);
		expect([...issued.values()]).toContain(`repository:${hosted.repository}:pull`);
		expect(
			registry.requests.filter((request) => request.path !== '/v2/' && !request.path.startsWith(`/v2/${hosted.repository}/`)),
			'requests outside the repository path',
		).toEqual([]);
		expect(
			tokenServer.requests.filter((request) => request.authorization !== null),
			'token requests carrying credentials',
		).toEqual([]);
	});
});
