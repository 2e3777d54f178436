import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
};

/** A running static server and how to stop it. */
export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** A rule of a `_headers` file: a URL pattern (`*` matches anything) and the headers it adds. */
interface HeaderRule {
	pattern: RegExp;
	headers: [string, string][];
}

/** Read the `_headers` file of a built site, as Netlify and Cloudflare Pages do; none means no extra headers. */
function readHeaderRules(root: string): HeaderRule[] {
	const file = join(root, '_headers');
	if (!existsSync(file)) return [];
	const rules: HeaderRule[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (line.trim() === '' || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const source = line
				.trim()
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replace(/\*/g, '.*');
			rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
			continue;
		}
		const match = line.trim().match(/^([^:]+):\s*(.*)$/);
		if (!match || !rules.length) throw new Error(`${file}: cannot read the line "${line}".`);
		rules.at(-1)!.headers.push([match[1]!.toLowerCase(), match[2]!]);
	}
	return rules;
}

/** The headers every matching rule adds to a path; a header set by several rules gets their values joined, as Cloudflare Pages does. */
function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const rule of rules.filter(({ pattern }) => pattern.test(pathname))) {
		for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
	}
	return headers;
}

/**
 * Serve a built site folder on a free loopback port, like a static host: directory URLs map to index.html, misses to
 * 404.html, and the site's `_headers` file (Content-Security-Policy and all) applies to every response.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
	const rules = readHeaderRules(root);
	const server: Server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		const extra = headersFor(rules, pathname);
		const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
		let file = join(root, safe);
		try {
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			response.writeHead(200, { ...extra, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
			response.end(body);
		} catch {
			const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
			response.writeHead(404, { ...extra, 'content-type': 'text/html; charset=utf-8' });
			response.end(notFound);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('Static server did not get a TCP port.');
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
	};
}
