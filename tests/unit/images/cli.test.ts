import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSyncSummary, planSync, progressReporter } from '../../../src/images/cli.ts';
import { DEMO_IMAGES } from '../../../src/images/demo/definitions.ts';
import { DEFAULT_REPOSITORIES_FILE, loadRepositoriesConfig } from '../../../src/images/repositories-config.ts';
import type { SyncReport } from '../../../src/images/sync.ts';
import { UsageError } from '../../../src/lib/errors.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

const dir = temporaryFolderPerTest('sca-cli-');

describe('planSync', () => {
	it('takes everything from flags', async () => {
		const plan = await planSync([
			'--registry',
			'http://127.0.0.1:5000/chainguard',
			'--repos',
			'a, b',
			'--tags',
			'latest',
			'--out',
			'x',
			'--concurrency',
			'4',
		]);
		expect(plan).toMatchObject({
			repositories: ['a', 'b'],
			tags: ['latest'],
			outDir: 'x',
			concurrency: 4,
			mode: 'merge',
			location: { baseUrl: 'http://127.0.0.1:5000', namespace: 'chainguard' },
		});
		expect(await planSync(['--registry', 'cgr.dev/chainguard', '--all', '--all-tags'])).toMatchObject({
			repositories: null,
			tags: 'all',
			mode: 'exact',
		});
		expect(await planSync(['--help'])).toBeNull();
	});

	it('reads the signing policies from the repositories file even when the flags name everything else', async () => {
		const flags = ['--registry', 'cgr.dev/chainguard', '--repos', 'python', '--tags', 'latest'];
		expect((await planSync(flags))!.signing['cgr.dev']).toMatchObject({
			certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
			trustRoot: 'sigstore-public-good',
		});
		// Without the file, the flags still suffice; signatures are then recorded as not checked.
		expect((await planSync([...flags, '--config', join(dir(), 'absent.yaml')]))!.signing).toEqual({});
	});

	it('fills the rest from the committed repositories file, which follows every demo image', async () => {
		const plan = await planSync([]);
		expect(plan).toMatchObject({
			location: { host: 'cgr.dev', namespace: 'chainguard' },
			tags: ['latest', 'latest-dev'],
			mode: 'exact',
		});
		expect([...plan!.repositories!].sort()).toEqual(DEMO_IMAGES.map((image) => image.name).sort());
		expect((await loadRepositoriesConfig(DEFAULT_REPOSITORIES_FILE)).registry).toBe('cgr.dev/chainguard');
	});

	it.each([
		[['--repos', 'a', '--all'], /either --repos or --all/],
		[['--tags', 'a', '--all-tags'], /either --tags or --all-tags/],
		[['--concurrency', '0'], /--concurrency must be a whole number/],
		[['--registry', 'x/y', '--repos', ' , ', '--tags', 'a'], /--repos is empty/],
		[['--bogus'], /Unknown option '--bogus'[\s\S]*Usage:/],
		[['--registry', 'x', '--repos', 'a'], /cannot be read/],
	])('rejects %j with a usage error', async (args, message) => {
		const config = join(dir(), 'missing.yaml');
		await expect(planSync([...args, '--config', config])).rejects.toThrow(UsageError);
		await expect(planSync([...args, '--config', config])).rejects.toThrow(message);
	});
});

describe('progress and summary', () => {
	const outcome = {
		name: 'jq',
		status: 'failed' as const,
		tags: 2,
		missingTags: [],
		error: 'boom. Hint: retry',
		keptPrevious: true,
	};

	it('prints plain lines when stderr is not a terminal, and a bar when it is', () => {
		const chunks: string[] = [];
		const stream = { isTTY: false, write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream;
		const report = progressReporter(stream);
		report({ type: 'start', total: 1 });
		report({ type: 'repository', done: 1, total: 1, outcome });
		expect(chunks.join('')).toBe('Syncing 1 repositories\n[1/1] jq: FAILED: boom. Hint: retry\n');
		const tty: string[] = [];
		progressReporter({ isTTY: true, write: (chunk: string) => tty.push(chunk) } as unknown as NodeJS.WritableStream)({
			type: 'repository',
			done: 1,
			total: 2,
			outcome: { ...outcome, status: 'updated', error: null },
		});
		expect(tty.join('')).toContain('[###############...............] 1/2 jq');
	});

	it('summarizes repositories, tags, requests, bytes, time and failures', () => {
		const report: SyncReport = {
			outcomes: [
				outcome,
				{ name: 'bash', status: 'unchanged', tags: 2, missingTags: ['latest-dev'], error: null, keptPrevious: false },
			],
			requests: 12,
			bytes: 2048,
			retries: 1,
			damagedBodies: 0,
			durationMs: 1500,
			warnings: ['299 - "deprecated"'],
			write: { changed: false, written: [], removed: [] },
			previousProblem: null,
			verification: { checked: 7, reused: 3, trustRoot: 'sigstore-public-good' },
		};
		const text = formatSyncSummary(report, 'content/images');
		expect(text).toContain('Signatures: 7 checked against the sigstore-public-good trust root, 3 known from the last sync');
		expect(
			formatSyncSummary({ ...report, verification: { checked: 0, reused: 0, trustRoot: null } }, 'content/images'),
		).toContain('Signatures: not checked (no signing policy for this registry in content/images/repositories.yaml)');
		expect(text).toContain('Repositories: 2 (0 updated, 1 unchanged, 1 failed)');
		expect(text).toContain('Tags: 4');
		// Sizes follow the one rule of src/lib/bytes.ts: decimal units, as the image pages show them.
		expect(text).toContain('Requests: 12 (1 retried), received 2.05 kB, in 1.5 s');
		expect(text).toContain('Snapshot content/images: unchanged');
		expect(text).toContain('bash: tags not found: latest-dev');
		expect(text).toContain('Registry warning: 299 - "deprecated"');
		expect(text).toContain('jq: boom. Hint: retry (previous entry kept)');
		expect(formatSyncSummary({ ...report, retries: 3, damagedBodies: 2 }, 'content/images')).toContain(
			'Requests: 12 (3 retried, 2 of them after a damaged body)',
		);
	});
});
