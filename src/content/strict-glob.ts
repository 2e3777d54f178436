import { AstroError } from 'astro/errors';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { markdownPipelineVersion } from '../markdown/version.ts';

/** The part of a stored entry that tells whether its Markdown was rendered. */
interface StoredEntry {
	filePath?: string | undefined;
	rendered?: unknown;
}

/** A Markdown entry the glob loader kept without HTML, with the reason Astro logged for it if there was one. */
export interface UnrenderedEntry {
	id: string;
	filePath: string;
	reason: string | undefined;
}

/** Astro's glob loader logs `Error rendering <file>: <message>` and stores the entry without HTML. */
const RENDER_ERROR = /^Error rendering (.+?): ([\s\S]*)$/;

/**
 * The `.md` entries that have no rendered HTML. `.mdx` entries are compiled later by Vite (where an error does stop
 * the build), so they never carry HTML in the store.
 */
export function unrenderedEntries(
	entries: Iterable<[string, StoredEntry]>,
	reasons: ReadonlyMap<string, string>,
): UnrenderedEntry[] {
	const found: UnrenderedEntry[] = [];
	for (const [id, entry] of entries) {
		if (!entry.filePath?.endsWith('.md') || entry.rendered) continue;
		const reason = [...reasons].find(([file]) => entry.filePath === file || entry.filePath!.endsWith(`/${file}`))?.[1];
		found.push({ id, filePath: entry.filePath, reason });
	}
	return found;
}

/** A digest function whose results also change with `version`, so equal text under another version digests differently. */
export function versionedDigest(
	generateDigest: LoaderContext['generateDigest'],
	version: string,
): LoaderContext['generateDigest'] {
	return (data) => generateDigest(JSON.stringify([version, data]));
}

/**
 * Astro's glob loader, except that a Markdown file that fails to render fails the build.
 *
 * The glob loader logs a rendering error and stores the entry without HTML, so the build would publish an empty
 * page and succeed; the entry would also stay cached by its digest, so the next build would not even log it. Here
 * the failed entries are dropped from the store (they render again next time) and the build stops. The dev server
 * only logs, as Astro does, so that fixing the file refreshes the page.
 *
 * Each entry's digest also carries `renderVersion` (the Markdown plugins' code): Astro re-renders a `.md` entry and
 * the incremental build rebuilds its page only when the digest changes, so a plugin change must change it too.
 */
export function strictGlob(options: Parameters<typeof glob>[0], renderVersion = markdownPipelineVersion()): Loader {
	const loader = glob(options);
	return {
		...loader,
		async load(context: LoaderContext) {
			const reasons = new Map<string, string>();
			const logger = Object.create(context.logger) as LoaderContext['logger'];
			logger.error = (message: string) => {
				const match = RENDER_ERROR.exec(message);
				if (match) reasons.set(match[1]!, match[2]!);
				context.logger.error(message);
			};
			await loader.load({ ...context, logger, generateDigest: versionedDigest(context.generateDigest, renderVersion) });
			if (context.watcher) return;
			const failed = unrenderedEntries(context.store.entries(), reasons);
			if (failed.length === 0) return;
			for (const { id } of failed) context.store.delete(id);
			throw new AstroError(
				`${failed.length} Markdown file${failed.length > 1 ? 's' : ''} could not be rendered:\n` +
					failed.map(({ filePath, reason }) => `- ${filePath}: ${reason ?? 'no HTML was produced'}`).join('\n'),
				'Fix each file named above; `npm run check:content` lists Markdown problems with a hint for each.',
			);
		},
	};
}
