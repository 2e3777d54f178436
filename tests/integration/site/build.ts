import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Outcome of one production build of the site. */
export interface BuildResult {
	code: number | null;
	output: string;
	outDir: string;
}

/** Build the site into a fresh folder with extra environment (its own cache, so builds never share state). */
export function buildSite(env: Record<string, string>, timeoutMs = 300_000): Promise<BuildResult> {
	const work = mkdtempSync(join(tmpdir(), 'academy-build-'));
	const outDir = join(work, 'dist');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
			env: { ...process.env, ...env, ACADEMY_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output, outDir });
		});
	});
}
