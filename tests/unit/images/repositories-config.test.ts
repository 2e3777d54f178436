import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TAGS, loadRepositoriesConfig } from '../../../src/images/repositories-config.ts';
import { UsageError } from '../../../src/lib/errors.ts';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'sca-config-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('repositories file', () => {
	it('names the file and field of a bad config', async () => {
		const file = join(dir, 'repos.yaml');
		await writeFile(file, 'registry: cgr.dev/chainguard\nrepositories: []\n');
		await expect(loadRepositoriesConfig(file)).rejects.toThrow(new RegExp(`${file.replace(/\./g, '\\.')}: field "repositories"`));
		await writeFile(file, 'registry: [\n');
		await expect(loadRepositoriesConfig(file)).rejects.toThrow(/not valid YAML/);
	});

	it('follows the default tags when the file names none, and says what to do when it is missing', async () => {
		const file = join(dir, 'repos.yaml');
		await writeFile(file, 'registry: cgr.dev/chainguard\nrepositories: [static]\n');
		expect(await loadRepositoriesConfig(file)).toEqual({
			registry: 'cgr.dev/chainguard',
			repositories: ['static'],
			tags: [...DEFAULT_TAGS],
		});
		const missing = await loadRepositoriesConfig(join(dir, 'missing.yaml')).catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(UsageError);
		expect((missing as UsageError).hint).toMatch(/--repos or --all/);
	});
});
