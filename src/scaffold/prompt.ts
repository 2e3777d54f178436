import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadTags } from '../content/tags.ts';
import { listSections } from '../lib/content-files.ts';
import { ScaffoldError, sourceFromUrl, splitList, type NewGuideRequest } from './new-guide.ts';

/** Ask for each value of a new guide, showing the choices; lines typed ahead are kept, not lost between questions. */
export async function askForGuide(
	root: string,
	input: NodeJS.ReadableStream,
	output: NodeJS.WritableStream,
): Promise<NewGuideRequest> {
	const prompt = createInterface({ input, output, terminal: false });
	const lines = prompt[Symbol.asyncIterator]();
	const question = async (text: string) => {
		output.write(text);
		const line = await lines.next();
		if (line.done) throw new ScaffoldError('The input ended before every question was answered.', 'Run npm run new again.');
		return line.value.trim();
	};
	try {
		output.write(`Sections: ${listSections(root).join(', ')}\n`);
		const section = await question('Section: ');
		const title = await question('Title: ');
		const tagIds = loadTags(path.join(root, 'content', 'tags.yaml')).map((tag) => tag.id);
		output.write(`Tags: ${tagIds.join(', ')}\n`);
		const tags = splitList(await question('Tags (comma-separated, 2 to 5): '));
		const description = await question('Description (50 to 170 characters; Enter to fill in later): ');
		const sources = splitList(
			await question('Primary sources you will check the facts against (https URLs, comma-separated; Enter to add later): '),
		).map(sourceFromUrl);
		const testedWith = splitList(
			await question('Tool versions the commands are written for (e.g. cosign 3.0.2, comma-separated; Enter to add later): '),
		);
		return { root, section, title, tags, description: description || undefined, sources, testedWith };
	} finally {
		prompt.close();
	}
}
