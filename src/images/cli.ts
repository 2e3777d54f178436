import { parseArgs } from 'node:util';
import { parseRegistryLocation, type RegistryLocation } from '../registry/index.ts';
import { formatBytes } from '../lib/bytes.ts';
import { wholeNumberOption } from '../lib/cli-options.ts';
import { UsageError } from '../lib/errors.ts';
import type { TagSelection } from './collect.ts';
import { DEFAULT_REPOSITORIES_FILE, loadRepositoriesConfigFor, type RegistrySigning } from './repositories-config.ts';
import type { ResolveEvent } from './resolve.ts';
import { DEFAULT_SNAPSHOT_DIR } from './snapshot.ts';
import type { SyncReport } from './sync.ts';

export const USAGE = `Usage: npm run images:sync -- [options]

  --registry <host[:port]/namespace | http://127.0.0.1:PORT/namespace>
                      registry and namespace (default: "registry" in ${DEFAULT_REPOSITORIES_FILE})
  --repos a,b,c       repositories to sync; other snapshot entries are kept
  --all               every repository below the namespace, from /v2/_catalog
  --tags t1,t2        tags to follow (default: "tags" in the config file)
  --all-tags          every tag the registry lists
  --out <dir>         snapshot directory (default: ${DEFAULT_SNAPSHOT_DIR})
  --concurrency N     requests in flight at once per host: the registry, and each blob store it redirects to (default 8)
  --insecure          allow plain HTTP to a non-loopback registry
  --config <file>     repositories to follow (default: ${DEFAULT_REPOSITORIES_FILE})
  --help

Credentials: REGISTRY_USERNAME and REGISTRY_PASSWORD, else ~/.docker/config.json: credHelpers, credsStore or auths.
Exit codes: 0 all synced, 2 some repositories failed (the rest written), 1 usage or configuration error.`;

/** Where to look for the options. */
const SEE_USAGE = 'Run npm run images:sync -- --help for the options.';

/** Most requests `--concurrency` may keep in flight per host. */
export const MAX_CONCURRENCY = 256;

/** What the sync command was asked to do, after flags and config are combined. */
export interface SyncPlan {
	location: RegistryLocation;
	/** Names, or null to discover them through /v2/_catalog. */
	repositories: string[] | null;
	tags: TagSelection;
	outDir: string;
	concurrency: number;
	insecure: boolean;
	mode: 'exact' | 'merge';
	/** Signing policy per registry, from the repositories file (empty when flags made the file unnecessary and it is absent). */
	signing: Record<string, RegistrySigning>;
}

const list = (value: string) =>
	value
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);

/** Parse the command line; the config file fills in what the flags leave open. Returns null for --help. */
export async function planSync(argv: string[]): Promise<SyncPlan | null> {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				registry: { type: 'string' },
				repos: { type: 'string' },
				all: { type: 'boolean' },
				tags: { type: 'string' },
				'all-tags': { type: 'boolean' },
				out: { type: 'string' },
				concurrency: { type: 'string' },
				insecure: { type: 'boolean' },
				config: { type: 'string' },
				help: { type: 'boolean' },
			},
		}));
	} catch (error) {
		throw new UsageError(
			`${(error as Error).message}\n\n${USAGE}`,
			'Fix or remove the option; the usage above lists every option.',
			{
				cause: error,
			},
		);
	}
	if (values.help) return null;
	if (values.repos !== undefined && values.all) throw new UsageError('Give either --repos or --all, not both.', SEE_USAGE);
	if (values.tags !== undefined && values['all-tags'])
		throw new UsageError('Give either --tags or --all-tags, not both.', SEE_USAGE);
	const concurrency =
		values.concurrency === undefined
			? 8
			: wholeNumberOption('--concurrency', values.concurrency, { min: 1, max: MAX_CONCURRENCY }, SEE_USAGE);
	const needsConfig =
		values.registry === undefined ||
		(values.repos === undefined && !values.all) ||
		(values.tags === undefined && !values['all-tags']);
	const config = await loadRepositoriesConfigFor(values.config ?? DEFAULT_REPOSITORIES_FILE, needsConfig);
	const insecure = values.insecure ?? false;
	const location = parseRegistryLocation(values.registry ?? config!.registry, { insecure });
	const repositories = values.all ? null : values.repos !== undefined ? list(values.repos) : config!.repositories;
	if (repositories?.length === 0) throw new UsageError('--repos is empty: name at least one repository.', SEE_USAGE);
	const tags: TagSelection = values['all-tags'] ? 'all' : values.tags !== undefined ? list(values.tags) : config!.tags;
	if (Array.isArray(tags) && tags.length === 0)
		throw new UsageError('--tags is empty: name at least one tag, or use --all-tags.', SEE_USAGE);
	return {
		location,
		repositories,
		tags,
		outDir: values.out ?? DEFAULT_SNAPSHOT_DIR,
		concurrency,
		insecure,
		mode: values.repos !== undefined ? 'merge' : 'exact',
		signing: config?.signing ?? {},
	};
}

/** Progress on a stream: a redrawn bar on a terminal, one line per repository otherwise. */
export function progressReporter(
	stream: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number }),
): (event: ResolveEvent) => void {
	const tty = Boolean(stream.isTTY);
	return (event) => {
		if (event.type === 'start') {
			if (!tty) stream.write(`Syncing ${event.total} repositories\n`);
			return;
		}
		const { outcome, done, total } = event;
		const detail = outcome.status === 'failed' ? `FAILED: ${outcome.error}` : `${outcome.status}, ${outcome.tags} tags`;
		if (!tty) {
			stream.write(`[${done}/${total}] ${outcome.name}: ${detail}\n`);
			return;
		}
		const width = 30;
		const filled = Math.round((done / total) * width);
		if (outcome.status === 'failed') stream.write(`\r\x1b[K${outcome.name}: ${detail}\n`);
		stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${outcome.name}`);
		if (done === total) stream.write('\n');
	};
}

/** How many requests were repeated, and how many of those because a body arrived damaged; empty when none. */
function retried(report: SyncReport): string {
	if (!report.retries) return '';
	const damaged = report.damagedBodies ? `, ${report.damagedBodies} of them after a damaged body` : '';
	return ` (${report.retries} retried${damaged})`;
}

/** The closing summary: repositories, tags, requests, bytes, time and failures with their reasons. */
export function formatSyncSummary(report: SyncReport, outDir: string): string {
	const count = (status: string) => report.outcomes.filter((outcome) => outcome.status === status).length;
	const tags = report.outcomes.reduce((total, outcome) => total + outcome.tags, 0);
	const lines = [
		`Repositories: ${report.outcomes.length} (${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed)`,
		`Tags: ${tags}`,
		`Requests: ${report.requests}${retried(report)}, received ${formatBytes(report.bytes)}, in ${(report.durationMs / 1000).toFixed(1)} s`,
		report.write.changed
			? `Snapshot ${outDir}: ${report.write.written.length} files written, ${report.write.removed.length} removed`
			: `Snapshot ${outDir}: unchanged`,
	];
	const { verification } = report;
	lines.push(
		verification.trustRoot === null
			? `Signatures: not checked (no signing policy for this registry in ${DEFAULT_REPOSITORIES_FILE})`
			: `Signatures: ${verification.checked} checked against the ${verification.trustRoot} trust root, ${verification.reused} known from the last sync`,
	);
	if (report.previousProblem) lines.push(`Previous snapshot ignored: ${report.previousProblem}`);
	for (const outcome of report.outcomes) {
		if (outcome.missingTags.length) lines.push(`  ${outcome.name}: tags not found: ${outcome.missingTags.join(', ')}`);
	}
	for (const warning of report.warnings) lines.push(`Registry warning: ${warning}`);
	const failures = report.outcomes.filter((outcome) => outcome.status === 'failed');
	if (failures.length) {
		lines.push('Failures:');
		for (const failure of failures)
			lines.push(`  ${failure.name}: ${failure.error}${failure.keptPrevious ? ' (previous entry kept)' : ''}`);
	}
	return lines.join('\n');
}
