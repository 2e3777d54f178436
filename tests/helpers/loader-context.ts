import { createHash } from 'node:crypto';
import type { LoaderContext } from 'astro/loaders';

/** One entry as a loader stores it. */
interface StoredEntry {
	id: string;
	data: Record<string, unknown>;
	digest?: string | number;
}

/** What a loader logged, by level, for assertions. */
export interface LoggedMessages {
	info: string[];
	warn: string[];
	error: string[];
}

/**
 * A loader context for one collection, with an in-memory store that outlives the context: pass the same `store` to a
 * second context to load again with what the first load kept, as Astro's persisted data store does between builds.
 */
export function loaderContext(collection: string, store = new Map<string, StoredEntry>()) {
	const logged: LoggedMessages = { info: [], warn: [], error: [] };
	const context = {
		collection,
		store: {
			get: (key: string) => store.get(key),
			entries: () => [...store.entries()],
			set: (entry: StoredEntry) => {
				store.set(entry.id, entry);
				return true;
			},
			values: () => [...store.values()],
			keys: () => [...store.keys()],
			delete: (key: string) => void store.delete(key),
			clear: () => store.clear(),
			has: (key: string) => store.has(key),
			addModuleImport: () => {},
		},
		logger: {
			info: (message: string) => logged.info.push(message),
			warn: (message: string) => logged.warn.push(message),
			error: (message: string) => logged.error.push(message),
			debug: () => {},
		},
		generateDigest: (data: Record<string, unknown> | string) =>
			createHash('sha256')
				.update(typeof data === 'string' ? data : JSON.stringify(data))
				.digest('hex')
				.slice(0, 16),
	} as unknown as LoaderContext;
	return { context, store, logged };
}
