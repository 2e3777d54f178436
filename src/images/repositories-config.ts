import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PUBLIC_GOOD_TRUST_ROOT_NAME, signingPolicySchema } from '../attestations/verify/index.ts';
import { UsageError } from '../lib/errors.ts';
import { DEMO_REGISTRY } from './demo/registry.ts';
import { DEFAULT_SNAPSHOT_DIR } from './snapshot.ts';

/** Tags followed when neither the command line, the environment nor the repositories file names any. */
export const DEFAULT_TAGS: readonly string[] = ['latest', 'latest-dev'];

/** The repositories-to-follow file, next to the snapshot it describes. */
export const DEFAULT_REPOSITORIES_FILE = join(DEFAULT_SNAPSHOT_DIR, 'repositories.yaml');

/**
 * How one registry signs its images: the certificate identity and OIDC issuer `cosign verify` must check (each exactly
 * or as a pattern), and the Sigstore trust root the signatures must chain to.
 */
export const registrySigningSchema = signingPolicySchema.safeExtend({
	/**
	 * `sigstore-public-good` (the committed public-good root; the default), or the path of a private Sigstore instance's
	 * trusted_root.json, relative to the repositories file.
	 */
	trustRoot: z.string().min(1).default(PUBLIC_GOOD_TRUST_ROOT_NAME),
});

export type RegistrySigning = z.infer<typeof registrySigningSchema>;

/** A `signing` key: a registry host (`cgr.dev`, `127.0.0.1:5000`), or host and namespace for one namespace only. */
const signingKey = z
	.string()
	.regex(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._/-]+)?$/, 'must be a registry host, or host/namespace, such as cgr.dev');

/** The repositories-to-follow file: which registry, which repositories and which tags the sync and live builds read. */
export const repositoriesConfigSchema = z
	.object({
		/** `host[:port]/namespace` synced when --registry is not given. */
		registry: z.string().min(1),
		/** Tags to follow, or "all". */
		tags: z.union([z.array(z.string().min(1)).min(1), z.literal('all')]).default([...DEFAULT_TAGS]),
		/** Short repository names below the namespace. */
		repositories: z.array(z.string().min(1)).min(1),
		/**
		 * Signing policy per registry, the one place it is configured: the sync verifies signatures against it and the
		 * pages' cosign commands use the same values. Keyed by the registry images are recorded as (a mirror keeps the
		 * publisher's policy); a `host/namespace` key wins over a `host` key. Registries without one are not checked.
		 */
		signing: z
			.record(signingKey, registrySigningSchema)
			.default({})
			.superRefine((entries, context) => {
				for (const key of Object.keys(entries).filter((candidate) => candidate.split('/')[0] === DEMO_REGISTRY)) {
					context.addIssue({
						code: 'custom',
						path: [key],
						message: `${DEMO_REGISTRY} is the demo registry: its policy and trust root are built in, and that root is trusted for nothing else`,
					});
				}
			}),
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
		const field = issue.path.join('.') || '(document)';
		throw new UsageError(
			`${file}: field "${field}": ${issue.message}`,
			issue.path[0] === 'signing'
				? 'Each signing entry is keyed by registry host and gives one of certificateIdentity / certificateIdentityRegexp, one of certificateOidcIssuer / certificateOidcIssuerRegexp, and optionally trustRoot.'
				: 'The file needs registry (host/namespace), repositories (a list of names) and optionally tags and signing.',
		);
	}
	// Trust root files are named relative to the repositories file, so the sync finds them from any working directory.
	const signing = Object.fromEntries(
		Object.entries(parsed.data.signing).map(([key, entry]) => [
			key,
			entry.trustRoot === PUBLIC_GOOD_TRUST_ROOT_NAME ? entry : { ...entry, trustRoot: resolve(dirname(file), entry.trustRoot) },
		]),
	);
	return { ...parsed.data, signing };
}

/**
 * The repositories file when the caller needs it (`required`) or when it exists: it also holds the signing policies,
 * which apply even when the command line or the environment names the repositories and tags. Null when absent and not required.
 */
export async function loadRepositoriesConfigFor(file: string, required: boolean): Promise<RepositoriesConfig | null> {
	return required || existsSync(file) ? loadRepositoriesConfig(file) : null;
}
