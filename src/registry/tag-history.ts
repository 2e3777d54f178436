import { z } from 'zod';
import type { RegistryClient } from './client.ts';
import { RegistryError } from './errors.ts';

/**
 * A registry's own record of when tags moved, an extension of the Distribution API some registries offer. Pure
 * Distribution registries have none: their images are then dated by what the image itself states.
 */
export interface TagHistoryExtension {
	/** Which extension this is, for messages. */
	readonly name: string;
	/** When `tag` started pointing at `digest`; null when the history does not say (or ends on another digest). */
	movedAt(client: RegistryClient, repository: string, tag: string, digest: string): Promise<string | null>;
}

/** Records Chainguard's API returns at most per request, oldest first (chainguard-dev/edu, "Using the Tag History API"). */
const CHAINGUARD_PAGE_SIZE = 1000;
/** Pages followed at most: 20,000 moves of one tag. */
const MAX_HISTORY_PAGES = 20;

const chainguardHistorySchema = z.object({
	/** Every move of the tag, oldest first. */
	history: z.array(
		z.object({
			/** When the tag was pointed at the digest (RFC 3339). */
			updateTimestamp: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date'),
			digest: z.string(),
		}),
	),
});

type HistoryRecord = z.infer<typeof chainguardHistorySchema>['history'][number];

/** The time the last run of `digest` at the end of `records` began: when the tag moved to the digest it has now. */
export function movedToCurrent(records: readonly HistoryRecord[], digest: string): string | null {
	let index = records.length - 1;
	if (index < 0 || records[index].digest !== digest) return null;
	while (index > 0 && records[index - 1].digest === digest) index--;
	return records[index].updateTimestamp;
}

/**
 * Chainguard's Tag History API: `GET /v2/<repository>/_chainguard/history/<tag>` answers
 * `{"history":[{"updateTimestamp","digest"}]}`, oldest first, 1000 records at most; `start` asks for later ones.
 */
export const chainguardTagHistory: TagHistoryExtension = {
	name: 'Chainguard tag history',
	async movedAt(client, repository, tag, digest) {
		const records: HistoryRecord[] = [];
		let start: string | null = null;
		for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
			const query: string = start === null ? '' : `?start=${encodeURIComponent(start)}`;
			const document = await client.getExtensionJson(repository, `_chainguard/history/${tag}${query}`, 'tag history');
			if (document === null) return null;
			const parsed = chainguardHistorySchema.safeParse(document);
			if (!parsed.success) {
				throw new RegistryError(
					'json',
					`The tag history of ${tag} is malformed: field "${parsed.error.issues[0].path.join('.')}": ${parsed.error.issues[0].message}`,
					'The registry answered its tag history in an unexpected shape; report it to the registry operator.',
					{ registry: client.location.host, repository, reference: tag },
				);
			}
			// `start` is inclusive, so a later page repeats the record it starts at.
			const fresh = parsed.data.history.filter(
				(record) => !records.some((seen) => seen.updateTimestamp === record.updateTimestamp && seen.digest === record.digest),
			);
			records.push(...fresh);
			if (parsed.data.history.length < CHAINGUARD_PAGE_SIZE || fresh.length === 0) break;
			start = records[records.length - 1].updateTimestamp;
		}
		return movedToCurrent(records, digest);
	},
};

/** Tag history extensions by the host that serves them. */
const TAG_HISTORY_BY_HOST: Readonly<Record<string, TagHistoryExtension>> = { 'cgr.dev': chainguardTagHistory };

/** The tag history extension a registry host offers; null for registries without one. */
export function tagHistoryFor(host: string): TagHistoryExtension | null {
	return TAG_HISTORY_BY_HOST[host] ?? null;
}
