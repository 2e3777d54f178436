// Scaffold a guide: `npm run new -- --section open-source/melange --title "Build a package with melange" [--tags melange,apk]`.
// Without flags on a terminal it asks for each value. It refuses unknown sections and tags (naming the closest) and an
// existing URL, and never overwrites a file.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadTags } from '../src/content/tags.ts';
import { createGuide, listSections, ScaffoldError, type NewGuideRequest } from '../src/scaffold/new-guide.ts';

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
const splitTags = (text: string) =>
	text
		.split(',')
		.map((tag) => tag.trim())
		.filter(Boolean);

/** Ask for each value on a terminal, showing the choices. */
async function ask(): Promise<NewGuideRequest> {
	const prompt = createInterface({ input: process.stdin, output: process.stdout });
	try {
		console.log(`Sections: ${listSections(root).join(', ')}`);
		const section = await prompt.question('Section: ');
		const title = await prompt.question('Title: ');
		console.log(
			`Tags: ${loadTags(path.join(root, 'content', 'tags.yaml'))
				.map((tag) => tag.id)
				.join(', ')}`,
		);
		const tags = splitTags(await prompt.question('Tags (comma-separated, 2 to 5): '));
		const description = (await prompt.question('Description (50 to 170 characters; Enter to fill in later): ')).trim();
		return { root, section, title, tags, description: description || undefined };
	} finally {
		prompt.close();
	}
}

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
		request = await ask();
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
	if (error instanceof ScaffoldError) console.error(`${error.message} (${error.hint})`);
	else console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
