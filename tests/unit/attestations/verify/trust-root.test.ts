import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
	TrustRootError,
	parseTrustRoot,
	publicGoodTrustRoot,
	readTrustRootFile,
	signingPolicySchema,
} from '../../../../src/attestations/verify/index.ts';

const ROOT_FILE = new URL('../../../../src/attestations/verify/trust-roots/sigstore-public-good.json', import.meta.url);
const ORIGIN_FILE = new URL('../../../../src/attestations/verify/trust-roots/sigstore-public-good.origin.json', import.meta.url);

async function publicGoodDocument() {
	return JSON.parse(await readFile(ROOT_FILE, 'utf8'));
}

function thrown(run: () => unknown): TrustRootError {
	try {
		run();
	} catch (error) {
		if (error instanceof TrustRootError) return error;
		throw error;
	}
	throw new Error('expected a TrustRootError');
}

describe('the committed public-good trust root', () => {
	it('is the root its origin file describes, with its date, and not demo-only', async () => {
		const origin = JSON.parse(await readFile(ORIGIN_FILE, 'utf8'));
		const root = publicGoodTrustRoot();
		expect({ id: root.id, name: root.name, validFrom: root.validFrom }).toEqual({
			id: origin.id,
			name: origin.name,
			validFrom: origin.validFrom,
		});
		expect(root.validFrom).toBe('2025-09-23T00:00:00.000Z');
		expect(root.demoOnly).toBe(false);
	});

	it('has an id that follows the content, not its formatting', async () => {
		const document = await publicGoodDocument();
		const reordered = Object.fromEntries(Object.entries(document).reverse());
		expect(parseTrustRoot(reordered, 'x', 'test').id).toBe(publicGoodTrustRoot().id);
		document.tlogs.pop();
		expect(parseTrustRoot(document, 'x', 'test').id).not.toBe(publicGoodTrustRoot().id);
	});
});

describe('a trust root that cannot be used is refused with the file, the field and a hint', () => {
	it('names a wrong media type', () => {
		const error = thrown(() => parseTrustRoot({ mediaType: 'application/json' }, 'private', 'roots/private.json'));
		expect(error.message).toContain('roots/private.json');
		expect(error.message).toContain('mediaType');
		expect(error.hint).toContain('trusted_root.json');
	});

	it('names an empty certificateAuthorities or tlogs list', async () => {
		const document = await publicGoodDocument();
		expect(thrown(() => parseTrustRoot({ ...document, certificateAuthorities: [] }, 'p', 'p.json')).message).toContain(
			'certificateAuthorities',
		);
		expect(thrown(() => parseTrustRoot({ ...document, tlogs: [] }, 'p', 'p.json')).message).toContain('tlogs');
	});

	it('names a file that is not JSON', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'trust-root-'));
		try {
			await writeFile(join(dir, 'broken.json'), '{"mediaType":');
			const error = thrown(() => readTrustRootFile(join(dir, 'broken.json'), 'broken'));
			expect(error.message).toContain(join(dir, 'broken.json'));
			expect(error.message).toContain('not valid JSON');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

describe('npm run images:trust-root --from-package', () => {
	// Starts a Node process: about a second alone, more than vitest's 5 s default while the site builds beside it.
	it('writes a usable root and prints its date and source', { timeout: 30_000 }, async () => {
		const dir = await mkdtemp(join(tmpdir(), 'trust-root-'));
		try {
			const { stdout } = await promisify(execFile)(process.execPath, [
				'scripts/images-trust-root.ts',
				'--from-package',
				'--out',
				dir,
			]);
			const root = readTrustRootFile(join(dir, 'sigstore-public-good.json'), 'sigstore-public-good');
			expect(stdout).toContain(`date:   ${root.validFrom}`);
			expect(stdout).toMatch(/source: @sigstore\/tuf@\d+\.\d+\.\d+ seeds\.json/);
			const origin = JSON.parse(await readFile(join(dir, 'sigstore-public-good.origin.json'), 'utf8'));
			expect(origin.id).toBe(root.id);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

describe('signing policy', () => {
	it('needs exactly one of the exact and the pattern form for identity and issuer', () => {
		const both = signingPolicySchema.safeParse({
			certificateIdentity: 'a',
			certificateIdentityRegexp: 'a',
			certificateOidcIssuer: 'i',
		});
		expect(both.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['certificateIdentity']);
		const none = signingPolicySchema.safeParse({ certificateOidcIssuer: 'i' });
		expect(none.error?.issues[0].message).toContain('found 0');
	});

	it('rejects a pattern that is not a regular expression', () => {
		const result = signingPolicySchema.safeParse({ certificateIdentityRegexp: '(', certificateOidcIssuer: 'i' });
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['certificateIdentityRegexp']);
	});
});
