// Scaffold a guide: `npm run new -- --section open-source/melange --title "Build a package with melange" [--tags melange,apk]`.
// Without flags on a terminal it asks for each value. It refuses unknown sections and tags (naming the closest) and an
// existing URL, and never overwrites a file.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGuide, ScaffoldError, splitTags, type NewGuideRequest } from '../src/scaffold/new-guide.ts';
import { askForGuide } from '../src/scaffold/prompt.ts';
import { describeError } from '../src/lib/errors.ts';

const { values } = parseArgs({
	options: {
		section: { type: 'string' },
		title: { type: 'string' },
		tags: { type: 'string', default: '' },
		description: { type: 'string' },
		root: { type: 'string', default: process.cwd() },
	},
});
const root = path.resolve(values.root);

try {
	let request: NewGuideRequest;
	if (values.section !== undefined && values.title !== undefined) {
		request = {
			root,
			section: values.section,
			title: values.title,
			tags: splitTags(values.tags),
			description: values.description,
		};
	} else if (values.section === undefined && values.title === undefined && process.stdin.isTTY) {
		request = await askForGuide(root, process.stdin, process.stdout);
	} else {
		throw new ScaffoldError(
			'Both --section and --title are needed.',
			'npm run new -- --section open-source/melange --title "Build a package with melange" --tags melange,apk',
		);
	}
	const { file, route } = createGuide(request);
	console.log(`Created ${path.relative(root, file)} (published at ${route} once draft: true is removed).`);
	console.log('Next: fill in every TODO, run npm run dev to preview it, then npm run check:content.');
} catch (error) {
	console.error(describeError(error));
	process.exitCode = 1;
}
