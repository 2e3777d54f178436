import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	copyFileSync,
	existsSync,
	openSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../src/images/demo/local-registry.ts';

/** One server block: a site root and the server-level configuration file to include for it. */
export interface NginxSite {
	root: string;
	include: string;
}

/** A running nginx and the base URL of each site, in the order given. */
export interface RunningNginx {
	urls: string[];
	/** The master process; its workers are its children. */
	pid: number;
	stop(): Promise<void>;
}

/** A raw HTTP response: nothing decompressed, nothing followed. */
export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** GET a URL with Node's http client, which (unlike fetch) neither follows redirects nor decodes gzip. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
			);
			response.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** Wait until the server answers, or fail with nginx's error log. */
async function waitUntilUp(url: string, child: ChildProcess, errorLog: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) break;
		try {
			await rawGet(url);
			return;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	const log = (() => {
		try {
			return readFileSync(errorLog, 'utf8');
		} catch {
			return '(no error log)';
		}
	})();
	throw new Error(`nginx did not answer on ${url}:\n${log}`);
}

/** The nginx binary the tests run: Debian's, or NGINX_PATH; fails with a hint when it is not installed. */
function nginxBinary(): string {
	const binary = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
	if (!existsSync(binary)) {
		throw new Error(`${binary} does not exist. Hint: install Debian's nginx (apt-get install nginx) or set NGINX_PATH.`);
	}
	return binary;
}

/**
 * Run `nginx -t` on a main configuration laid out as in a container's /etc/nginx: the given files are copied into a
 * temporary folder (name → source), so relative includes resolve the same way. Returns nginx's exit code and output.
 */
export function testNginxConfig(main: string, files: Record<string, string>): { code: number | null; output: string } {
	const work = mkdtempSync(join(tmpdir(), 'academy-nginx-test-'));
	try {
		const conf = join(work, 'conf');
		for (const [name, source] of Object.entries({ 'nginx.conf': main, ...files })) {
			mkdirSync(dirname(join(conf, name)), { recursive: true });
			copyFileSync(source, join(conf, name));
		}
		// Output goes to a file: nginx opens /dev/stdout for the access log, which fails on the socket a pipe would be.
		const log = join(work, 'output.log');
		const fd = openSync(log, 'w');
		const result = spawnSync(nginxBinary(), ['-t', '-p', work, '-c', join(conf, 'nginx.conf'), '-e', join(work, 'error.log')], {
			stdio: ['ignore', fd, fd],
		});
		closeSync(fd);
		return { code: result.status, output: readFileSync(log, 'utf8') };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/**
 * Start Debian's nginx as the current user on free loopback ports, one server block per site, with its pid file,
 * logs and temporary folders in a fresh temporary directory. `stop()` ends it by pid and removes the directory.
 */
export async function startNginx(sites: readonly NginxSite[]): Promise<RunningNginx> {
	const binary = nginxBinary();
	const work = mkdtempSync(join(tmpdir(), 'academy-nginx-'));
	const ports: number[] = [];
	for (let i = 0; i < sites.length; i++) ports.push(await freePort());
	const errorLog = join(work, 'error.log');
	const temp = (name: string) => {
		mkdirSync(join(work, name));
		return join(work, name);
	};
	const config = [
		'daemon off;',
		'worker_processes 1;',
		`pid ${join(work, 'nginx.pid')};`,
		`error_log ${errorLog} notice;`,
		// Each worker's limit counts its listening sockets too; `npm run bench:sync` keeps 64 blob downloads in flight.
		'events { worker_connections 1024; }',
		'http {',
		'\tinclude /etc/nginx/mime.types;',
		'\tdefault_type application/octet-stream;',
		'\taccess_log off;',
		...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `\t${name}_temp_path ${temp(name)};`),
		...sites.map((site, i) => `\tserver { listen 127.0.0.1:${ports[i]}; root ${site.root}; include ${site.include}; }`),
		'}',
	].join('\n');
	const configFile = join(work, 'nginx.conf');
	writeFileSync(configFile, config);
	const child = spawn(binary, ['-p', work, '-c', configFile, '-e', errorLog], { stdio: 'ignore' });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.pid) {
			process.kill(child.pid, 'SIGQUIT');
			const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(work, { recursive: true, force: true });
	};
	const urls = ports.map((port) => `http://127.0.0.1:${port}`);
	try {
		await waitUntilUp(urls[0]!, child, errorLog);
	} catch (error) {
		await stop();
		throw error;
	}
	return { urls, pid: child.pid!, stop };
}
