import { parentPort, workerData } from 'node:worker_threads';
import { HtmlValidate } from 'html-validate';

// Validates its share of the built pages with the project's .htmlvalidate.json and posts one line per problem.
const validator = new HtmlValidate();
const problems: string[] = [];
for (const file of workerData as string[]) {
	const report = await validator.validateFile(file);
	for (const result of report.results) {
		for (const message of result.messages) {
			problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector})`);
		}
	}
}
parentPort!.postMessage(problems);
