import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Index the built site with Pagefind's Node API once the build is done. */
export function pagefindIntegration(): AstroIntegration {
	return {
		name: 'academy-pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outputPath = fileURLToPath(new URL('./pagefind/', dir));
				try {
					const { index, errors } = await pagefind.createIndex({});
					if (!index) throw new Error(errors.join('\n'));
					const added = await index.addDirectory({ path: fileURLToPath(dir) });
					if (added.errors.length) throw new Error(added.errors.join('\n'));
					const written = await index.writeFiles({ outputPath });
					if (written.errors.length) throw new Error(written.errors.join('\n'));
					logger.info(`Indexed ${added.page_count} pages for search in ${Math.round(performance.now() - started)} ms.`);
				} catch (cause) {
					throw new Error('Failed to build the Pagefind search index.', { cause });
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
