// Sync image metadata from an OCI registry into the committed snapshot. Run: npm run images:sync -- --help
import { RegistryError } from '../src/registry/index.ts';
import { USAGE, UsageError, formatSummary, planSync, progressReporter } from '../src/images/cli.ts';
import { syncImages } from '../src/images/sync.ts';
import { lookupCredentials } from '../src/registry/auth.ts';

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
		transport: { concurrency: plan.concurrency, insecure: plan.insecure, credentials: lookupCredentials(plan.location.host) },
		onEvent: progressReporter(process.stderr),
	});
	process.stderr.write(`${formatSummary(report, plan.outDir)}\n`);
	return report.outcomes.some((outcome) => outcome.status === 'failed') ? 2 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		const message =
			error instanceof RegistryError ? error.describe() : error instanceof UsageError ? error.message : (error as Error).stack;
		process.stderr.write(`images:sync: ${message}\n`);
		process.exit(1);
	},
);
