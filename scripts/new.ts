// Scaffold a guide: `npm run new -- --section open-source/melange --title "Build a package with melange" [--tags melange,apk]`,
// or one the Academy wants: `npm run new -- --wanted <id>` (content/wanted.yaml). Without flags on a terminal it asks
// for each value. It refuses unknown sections and tags (naming the closest) and an existing URL, and never overwrites a file.
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	createGuide,
	requestForWanted,
	ScaffoldError,
	sourceFromUrl,
	splitList,
	type NewGuideRequest,
} from '../src/scaffold/new-guide.ts';
import { askForGuide } from '../src/scaffold/prompt.ts';
import { describeError } from '../src/lib/errors.ts';

const { values } = parseArgs({
	options: {
		wanted: { type: 'string' },
		section: { type: 'string' },
		title: { type: 'string' },
		tags: { type: 'string', default: '' },
		description: { type: 'string' },
		sources: { type: 'string', default: '' },
		'tested-with': { type: 'string', default: '' },
		root: { type: 'string', default: process.cwd() },
	},
});
const root = path.resolve(values.root);

try {
	let request: NewGuideRequest;
	if (values.wanted !== undefined) {
		request = requestForWanted(root, values.wanted);
	} else if (values.section !== undefined && values.title !== undefined) {
		request = {
			root,
			section: values.section,
			title: values.title,
			tags: splitList(values.tags),
			description: values.description,
			sources: splitList(values.sources).map(sourceFromUrl),
			testedWith: splitList(values['tested-with']),
		};
	} else if (values.section === undefined && values.title === undefined && process.stdin.isTTY) {
		request = await askForGuide(root, process.stdin, process.stdout);
	} else {
		throw new ScaffoldError(
			'Both --section and --title are needed (or --wanted <id>).',
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
