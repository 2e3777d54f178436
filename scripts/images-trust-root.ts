// Refresh the committed Sigstore public-good trusted root and show its date. Run: npm run images:trust-root [-- --from-package]
// Online it updates through TUF from the root that @sigstore/tuf embeds; --from-package copies the trusted_root.json
// embedded in the installed @sigstore/tuf (no network). Either way it prints the root's date and where it came from.
import { mkdtemp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DEFAULT_MIRROR_URL, getTrustedRoot } from '@sigstore/tuf';
import * as prettier from 'prettier';
import { PUBLIC_GOOD_TRUST_ROOT_NAME, TrustRootError, parseTrustRoot } from '../src/attestations/verify/trust-root.ts';
import { describeError } from '../src/lib/errors.ts';

const USAGE = `Usage: npm run images:trust-root [-- --from-package] [-- --out <dir>]

  --from-package  copy the trusted root embedded in the installed @sigstore/tuf (no network)
  --out <dir>     where to write sigstore-public-good.json and its .origin.json
                  (default: src/attestations/verify/trust-roots)`;
const DEFAULT_OUT_DIR = 'src/attestations/verify/trust-roots';
const require = createRequire(import.meta.url);

interface Fetched {
	document: unknown;
	source: string;
}

/** The trusted_root.json target that @sigstore/tuf's seeds.json embeds (base64) for the public-good TUF repository. */
async function fromPackage(): Promise<Fetched> {
	const { version } = JSON.parse(await readFile(require.resolve('@sigstore/tuf/package.json'), 'utf8')) as { version: string };
	const seeds = JSON.parse(await readFile(require.resolve('@sigstore/tuf/seeds.json'), 'utf8')) as Record<
		string,
		{ targets?: Record<string, string> }
	>;
	const encoded = seeds[DEFAULT_MIRROR_URL]?.targets?.['trusted_root.json'];
	if (!encoded) {
		throw new TrustRootError(
			`@sigstore/tuf@${version} seeds.json has no trusted_root.json target for ${DEFAULT_MIRROR_URL}`,
			'Run without --from-package to fetch it through TUF, or install a @sigstore/tuf release that embeds it.',
		);
	}
	return {
		document: JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')),
		source: `@sigstore/tuf@${version} seeds.json (the copy of ${DEFAULT_MIRROR_URL} targets/trusted_root.json shipped with the package)`,
	};
}

/** trusted_root.json fetched through TUF, its metadata chain checked from the root that @sigstore/tuf embeds. */
async function fromTuf(): Promise<Fetched> {
	const cachePath = await mkdtemp(join(tmpdir(), 'academy-tuf-'));
	try {
		const root = await getTrustedRoot({ cachePath, mirrorURL: DEFAULT_MIRROR_URL, forceInit: true, retry: 2, timeout: 15_000 });
		return {
			document: TrustedRoot.toJSON(root),
			source: `TUF repository ${DEFAULT_MIRROR_URL}, target trusted_root.json (metadata verified from the root embedded in @sigstore/tuf)`,
		};
	} catch (error) {
		throw new TrustRootError(
			`fetching trusted_root.json from ${DEFAULT_MIRROR_URL} failed: ${(error as Error).message}`,
			'Check the network (the TUF repository must be reachable over HTTPS), or run with --from-package to use the copy embedded in @sigstore/tuf.',
			{ cause: error },
		);
	} finally {
		await rm(cachePath, { recursive: true, force: true });
	}
}

async function writeAtomic(file: string, text: string): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, text);
	await rename(temporary, file);
}

/** JSON as the repository's Prettier config prints it, so `npm run format:check` accepts the file unchanged. */
async function formatJson(file: string, value: unknown): Promise<string> {
	const options = (await prettier.resolveConfig(file)) ?? {};
	return prettier.format(JSON.stringify(value), { ...options, filepath: file });
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { 'from-package': { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean' } },
	});
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const outDir = values.out ?? DEFAULT_OUT_DIR;
	const fetched = values['from-package'] ? await fromPackage() : await fromTuf();
	const file = join(outDir, `${PUBLIC_GOOD_TRUST_ROOT_NAME}.json`);
	const root = parseTrustRoot(fetched.document, PUBLIC_GOOD_TRUST_ROOT_NAME, fetched.source);
	const origin = { name: root.name, id: root.id, validFrom: root.validFrom, source: fetched.source };
	await writeAtomic(file, await formatJson(file, fetched.document));
	const originFile = join(outDir, `${PUBLIC_GOOD_TRUST_ROOT_NAME}.origin.json`);
	await writeAtomic(originFile, await formatJson(originFile, origin));
	process.stdout.write(
		[
			`Sigstore public-good trusted root written to ${relative(process.cwd(), file)}`,
			`  date:   ${root.validFrom ?? 'unknown'} (newest validity start among its keys and certificates)`,
			`  source: ${fetched.source}`,
			`  id:     ${root.id}`,
		].join('\n') + '\n',
	);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`images:trust-root: ${describeError(error)}\n`);
		process.exit(1);
	},
);
