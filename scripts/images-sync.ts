// Sync image metadata from an OCI registry into the committed snapshot. Run: npm run images:sync -- --help
import { RegistryError, lookupCredentials } from '../src/registry/index.ts';
import { USAGE, formatSyncSummary, planSync, progressReporter } from '../src/images/cli.ts';
import { syncImages } from '../src/images/sync.ts';
import { AcademyError, describeError } from '../src/lib/errors.ts';

async function main(): Promise<number> {
	const plan = await planSync(process.argv.slice(2));
	if (!plan) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const report = await syncImages({
		location: plan.location,
		repositories: plan.repositories,
		tags: plan.tags,
		outDir: plan.outDir,
		mode: plan.mode,
		signing: plan.signing,
		transport: { concurrency: plan.concurrency, insecure: plan.insecure, credentials: lookupCredentials(plan.location.host) },
		onEvent: progressReporter(process.stderr),
	});
	process.stderr.write(`${formatSyncSummary(report, plan.outDir)}\n`);
	return report.outcomes.some((outcome) => outcome.status === 'failed') ? 2 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		// Errors the user can act on are described with their hint; anything else is a bug, shown with its stack.
		const message =
			error instanceof RegistryError || error instanceof AcademyError ? describeError(error) : (error as Error).stack;
		process.stderr.write(`images:sync: ${message}\n`);
		process.exit(1);
	},
);
