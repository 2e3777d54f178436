// Build the demo images, push them to a throwaway docker-registry and sync them into content/images/.
// Run: npm run images:demo [-- <out dir>]. Running it twice changes no byte of the snapshot.
import { formatSyncSummary, progressReporter } from '../src/images/cli.ts';
import { startLocalRegistry } from '../src/images/demo/local-registry.ts';
import { seedDemoImages, syncDemoImages } from '../src/images/demo/seed.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../src/images/snapshot.ts';

const outDir = process.argv[2] ?? DEFAULT_SNAPSHOT_DIR;
const registry = await startLocalRegistry();
let code = 1;
try {
	process.stderr.write(`docker-registry running at ${registry.url} (pid ${registry.pid})\n`);
	await seedDemoImages(registry.url);
	const report = await syncDemoImages(registry.url, outDir, progressReporter(process.stderr));
	process.stderr.write(`${formatSyncSummary(report, outDir)}\n`);
	code = report.outcomes.some((outcome) => outcome.status === 'failed') ? 2 : 0;
} catch (error) {
	process.stderr.write(`images:demo: ${(error as Error).stack}\n`);
} finally {
	await registry.stop();
}
process.exit(code);
