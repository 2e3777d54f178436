// Print the closing "N passed, N failed" line from vitest's JSON report (CI reads only that line).
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
let report: {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests?: number;
	numTotalTestSuites?: number;
	success: boolean;
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
// The last line is exactly "N passed, N failed": CI reads nothing else.
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
process.exit(report.numFailedTests === 0 && report.numPassedTests > 0 ? 0 : 1);
