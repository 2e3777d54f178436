import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../lib/errors.ts';
import { DEFAULT_SNAPSHOT_DIR } from './snapshot.ts';

/** Tags followed when neither the command line, the environment nor the repositories file names any. */
export const DEFAULT_TAGS: readonly string[] = ['latest', 'latest-dev'];

/** The repositories-to-follow file, next to the snapshot it describes. */
export const DEFAULT_REPOSITORIES_FILE = join(DEFAULT_SNAPSHOT_DIR, 'repositories.yaml');

/** The repositories-to-follow file: which registry, which repositories and which tags the sync and live builds read. */
export const repositoriesConfigSchema = z
	.object({
		/** `host[:port]/namespace` synced when --registry is not given. */
		registry: z.string().min(1),
		/** Tags to follow, or "all". */
		tags: z.union([z.array(z.string().min(1)).min(1), z.literal('all')]).default([...DEFAULT_TAGS]),
		/** Short repository names below the namespace. */
		repositories: z.array(z.string().min(1)).min(1),
	})
	.strict();

export type RepositoriesConfig = z.infer<typeof repositoriesConfigSchema>;

/** Read and validate the repositories file; errors name the file and the field. */
export async function loadRepositoriesConfig(file: string): Promise<RepositoriesConfig> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (cause) {
		throw new UsageError(
			`${file}: cannot be read`,
			`Pass --repos or --all (IMAGES_REPOS in a live build), or create the file (see ${DEFAULT_REPOSITORIES_FILE}).`,
			{ cause },
		);
	}
	let data: unknown;
	try {
		data = parseYaml(text);
	} catch (error) {
		throw new UsageError(`${file}: not valid YAML: ${(error as Error).message}`, 'Fix the YAML syntax of the file.', {
			cause: error,
		});
	}
	const parsed = repositoriesConfigSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new UsageError(
			`${file}: field "${issue.path.join('.') || '(document)'}": ${issue.message}`,
			'The file needs registry (host/namespace), repositories (a list of names) and optionally tags.',
		);
	}
	return parsed.data;
}
