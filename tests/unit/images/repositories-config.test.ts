import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGS, loadRepositoriesConfig } from '../../../src/images/repositories-config.ts';
import { UsageError } from '../../../src/lib/errors.ts';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

const dir = temporaryFolderPerTest('sca-config-');

describe('repositories file', () => {
	it('names the file and field of a bad config', async () => {
		const file = join(dir(), 'repos.yaml');
		await writeFile(file, 'registry: cgr.dev/chainguard\nrepositories: []\n');
		await expect(loadRepositoriesConfig(file)).rejects.toThrow(new RegExp(`${file.replace(/\./g, '\\.')}: field "repositories"`));
		await writeFile(file, 'registry: [\n');
		await expect(loadRepositoriesConfig(file)).rejects.toThrow(/not valid YAML/);
	});

	it('follows the default tags when the file names none, and says what to do when it is missing', async () => {
		const file = join(dir(), 'repos.yaml');
		await writeFile(file, 'registry: cgr.dev/chainguard\nrepositories: [static]\n');
		expect(await loadRepositoriesConfig(file)).toEqual({
			registry: 'cgr.dev/chainguard',
			repositories: ['static'],
			tags: [...DEFAULT_TAGS],
			signing: {},
		});
		const missing = await loadRepositoriesConfig(join(dir(), 'missing.yaml')).catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(UsageError);
		expect((missing as UsageError).hint).toMatch(/--repos or --all/);
	});

	it('reads signing policies per registry, with private trust roots relative to the file', async () => {
		const file = join(dir(), 'repos.yaml');
		await writeFile(
			file,
			[
				'registry: ghcr.io/acme',
				'repositories: [app]',
				'signing:',
				'  ghcr.io/acme:',
				'    certificateIdentityRegexp: https://github\\.com/acme/.+',
				'    certificateOidcIssuer: https://token.actions.githubusercontent.com',
				'    trustRoot: roots/acme.json',
				'  cgr.dev:',
				'    certificateIdentity: https://example.invalid/workflow',
				'    certificateOidcIssuer: https://token.actions.githubusercontent.com',
				'',
			].join('\n'),
		);
		const { signing } = await loadRepositoriesConfig(file);
		expect(signing['ghcr.io/acme']).toEqual({
			certificateIdentityRegexp: 'https://github\\.com/acme/.+',
			certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
			trustRoot: join(dir(), 'roots/acme.json'),
		});
		expect(signing['cgr.dev']!.trustRoot).toBe('sigstore-public-good');
	});

	it.each([
		[
			'both an identity and a pattern',
			'cgr.dev:\n    certificateIdentity: a\n    certificateIdentityRegexp: b\n    certificateOidcIssuer: c',
			/signing\.cgr\.dev\.certificateIdentity": give exactly one/,
		],
		['no issuer', 'cgr.dev:\n    certificateIdentity: a', /signing\.cgr\.dev\.certificateOidcIssuer": give exactly one/],
		[
			'a pattern that does not compile',
			'cgr.dev:\n    certificateIdentityRegexp: "("\n    certificateOidcIssuer: c',
			/not a valid regular expression/,
		],
		[
			'a policy for the demo registry',
			'registry.demo.invalid:\n    certificateIdentity: a\n    certificateOidcIssuer: c',
			/the demo registry/,
		],
		['an unknown field', 'cgr.dev:\n    certificateIdentity: a\n    certificateOidcIssuer: c\n    identity: d', /identity/],
	])('rejects a signing entry with %s, naming the field', async (_case, entry, message) => {
		const file = join(dir(), 'repos.yaml');
		await writeFile(file, `registry: cgr.dev/chainguard\nrepositories: [static]\nsigning:\n  ${entry}\n`);
		const error = await loadRepositoriesConfig(file).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(UsageError);
		expect((error as UsageError).message).toMatch(message);
		expect((error as UsageError).hint).toMatch(/certificateIdentity \/ certificateIdentityRegexp/);
	});
});
