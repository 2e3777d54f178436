import { execFileSync } from 'node:child_process';
import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';

/** What the token server saw: the scopes asked for and whether Basic credentials came with the request. */
export interface TokenRequest {
	scope: string[];
	service: string | null;
	user: string | null;
	/** True for the OAuth 2 POST with an identity (refresh) token. */
	oauth: boolean;
}

/** The identity token that stands for the user `pusher` in the OAuth 2 flow. */
export const PUSHER_REFRESH_TOKEN = 'pusher-refresh-token';

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export interface TokenServer {
	/** The realm to put in the registry's config. */
	realm: string;
	service: string;
	issuer: string;
	/** PEM certificate the registry trusts (rootcertbundle). */
	certFile: string;
	requests: TokenRequest[];
	/** Repositories anonymous users may not pull (flip it during a test to make one repository fail). */
	denied: Set<string>;
	close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * A Docker token service: anonymous users get pull on every repository not in `denied`; the user `pusher` (password
 * `push-secret`, or the identity token PUSHER_REFRESH_TOKEN through the OAuth 2 POST) also gets push. Tokens are RS256 JWTs with the signing certificate in `x5c`, as docker-registry expects.
 */
export async function startTokenServer(dir: string): Promise<TokenServer> {
	const keyFile = join(dir, 'token.key');
	const certFile = join(dir, 'token.crt');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-subj',
			'/CN=test-token-issuer',
			'-days',
			'2',
			'-keyout',
			keyFile,
			'-out',
			certFile,
		],
		{ stdio: 'ignore' },
	);
	const key = readFileSync(keyFile, 'utf8');
	const certDer = new X509Certificate(readFileSync(certFile)).raw;
	const state = { requests: [] as TokenRequest[], denied: new Set<string>() };
	const service = 'test-registry';
	const issuer = 'test-issuer';
	const server: Server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		let user: string | null = null;
		// The OAuth 2 form (distribution docs/spec/auth/oauth.md): an identity token traded for an access token.
		const form = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : null;
		const parameters = form ?? url.searchParams;
		const scopes = parameters.getAll('scope');
		const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
		if (form) {
			if (
				form.get('grant_type') !== 'refresh_token' ||
				form.get('refresh_token') !== PUSHER_REFRESH_TOKEN ||
				!form.get('client_id')
			) {
				response.writeHead(401, { 'Content-Type': 'application/json' });
				response.end('{"details":"bad refresh token"}');
				return;
			}
			user = 'pusher';
		} else if (basic) {
			const [name, password] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			if (name !== 'pusher' || password !== 'push-secret') {
				response.writeHead(401, { 'Content-Type': 'application/json' });
				response.end('{"details":"bad credentials"}');
				return;
			}
			user = name;
		}
		state.requests.push({ scope: scopes, service: parameters.get('service'), user, oauth: form !== null });
		const access = scopes.flatMap((scope) => {
			const [type, ...rest] = scope.split(':');
			const actions = rest.pop()!.split(',');
			const name = rest.join(':');
			if (type !== 'repository' || state.denied.has(name)) return [];
			return [{ type, name, actions: actions.filter((action) => action === 'pull' || user === 'pusher') }];
		});
		const now = Math.floor(Date.now() / 1000);
		const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] }));
		const claims = base64url(
			JSON.stringify({
				iss: issuer,
				sub: user ?? '',
				aud: service,
				exp: now + 300,
				nbf: now - 10,
				iat: now,
				jti: randomUUID(),
				access,
			}),
		);
		const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
		const token = `${header}.${claims}.${base64url(signature)}`;
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(
			JSON.stringify(
				form
					? { access_token: token, expires_in: 300, scope: scopes.join(' ') }
					: { token, expires_in: 300, issued_at: new Date().toISOString() },
			),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address !== 'object') throw new Error('token server has no address');
	return {
		realm: `http://127.0.0.1:${address.port}/token`,
		service,
		issuer,
		certFile,
		requests: state.requests,
		denied: state.denied,
		close: () => {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}
