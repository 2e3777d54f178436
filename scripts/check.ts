// `npm run check`: every check of the project, fastest first, all of them even when one fails, then one summary, so a
// contributor sees every problem at once (an unknown tag no longer hides a broken link).
import { CHECK_STEPS, formatCheckSummary, runCheckSteps, spawnStep } from '../src/checks/steps.ts';

const results = runCheckSteps(CHECK_STEPS, spawnStep);
console.log(`\n${formatCheckSummary(results)}`);
process.exitCode = results.every((result) => result.status === 0) ? 0 : 1;
