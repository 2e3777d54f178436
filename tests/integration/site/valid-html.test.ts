import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../helpers/site.ts';

/** Validate files on one worker thread per core: html-validate takes about 0.1 s a page, and there are over a hundred. */
async function validate(files: string[]): Promise<string[]> {
	const workers = Math.min(availableParallelism(), files.length);
	const shares = Array.from({ length: workers }, (_, i) => files.filter((_, index) => index % workers === i));
	const results = await Promise.all(
		shares.map(
			(share) =>
				new Promise<string[]>((resolve, reject) => {
					const worker = new Worker(new URL('../../helpers/html-validate-worker.ts', import.meta.url), { workerData: share });
					worker.once('message', resolve);
					worker.once('error', reject);
				}),
		),
	);
	return results.flat().map((line) => relative(DIST, line));
}

describe('valid HTML', () => {
	it("passes html-validate's recommended rules on every built page", async () => {
		const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.html'))
			.sort()
			.map((file) => join(DIST, file));
		expect(pages.length).toBeGreaterThan(100);
		expect(await validate(pages)).toEqual([]);
	});
});
