// Print the closing "N passed, N failed" line from vitest's JSON report (CI reads only that line).
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
let report: {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests?: number;
	numTotalTestSuites?: number;
	success: boolean;
	testResults?: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
};
try {
	report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
	// No report means the run died before the tests (a failed build, say): count it as one failure.
	console.log(`No test report at ${reportPath}: the test run did not complete.`);
	console.log('0 passed, 1 failed');
	process.exit(1);
}
const skipped = report.numPendingTests ?? 0;
if (skipped) console.log(`${skipped} skipped`);
// A file that failed outside its tests (an import error, a failed site build in its setup) ran none of them:
// count it as one failure, or the summary would pass with the file's tests missing.
const brokenFiles = (report.testResults ?? []).filter(
	(file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
);
for (const file of brokenFiles) console.log(`${file.name} failed before its tests: ${file.message?.split('\n')[0] ?? ''}`);
const failed = report.numFailedTests + brokenFiles.length;
// The last line is exactly "N passed, N failed": CI reads nothing else.
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed === 0 && report.numPassedTests > 0 ? 0 : 1);
