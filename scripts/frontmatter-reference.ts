// Writes the front matter reference of CONTRIBUTING.md from the zod schema: `npm run docs:frontmatter`.
// With --check it writes nothing and exits 1 when the committed table differs from the schema (CI runs it in `npm run check`).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDocsSchema } from '../src/content/docs-schema.ts';
import { renderFrontmatterReference, replaceReference } from '../src/checks/frontmatter-reference.ts';
import { UsageError, describeError } from '../src/lib/errors.ts';

const { values } = parseArgs({
	options: { check: { type: 'boolean', default: false }, file: { type: 'string', default: 'CONTRIBUTING.md' } },
});

try {
	const current = readFileSync(values.file, 'utf8');
	const updated = replaceReference(current, await renderFrontmatterReference(createDocsSchema()));
	if (values.check) {
		if (updated !== current) {
			const stale = new UsageError(
				`${values.file}: the front matter reference is out of date with src/content/docs-schema.ts`,
				'run npm run docs:frontmatter.',
			);
			console.error(describeError(stale));
			process.exitCode = 1;
		}
	} else if (updated !== current) {
		writeFileSync(values.file, updated);
		console.log(`${values.file}: front matter reference updated.`);
	}
} catch (error) {
	console.error(describeError(error));
	process.exitCode = 2;
}
