// Rewrite tests/fixtures/sigstore/ from the Sigstore projects' public test data, at pinned commits, and its README.
// Run: npm run fixtures:sigstore -- --repos <dir>
// <dir> holds a git clone (or bare repository) of each source repository, named owner+name or owner/name.
// Nothing is executed from those repositories: TypeScript fixture files are read as syntax trees of literals.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const OUT_DIR = 'tests/fixtures/sigstore';
const SIGSTORE_JS = { repo: 'sigstore/sigstore-js', commit: '769a53d8713248a8bf49edfc2a5d1955b0dcc24d' };
const SIGSTORE_GO = { repo: 'sigstore/sigstore-go', commit: '4594ab4c779d08be1f4419803a8249188f35ed5f' };
const COSIGN = { repo: 'sigstore/cosign', commit: 'd6d86c224e5899b54f56cbb063b79dc43abc11c2' };
// The README showed `crane manifest` of a keyless cosign `.sig` from this commit until 490cfc39 removed it.
const SERVER_IMAGE = { repo: 'salrashid123/go-bazel-github-workflow', commit: '38ebf476bc9ddc95de900153918590b41d8ae0b4' };
const CLIENT_BUNDLES = 'packages/client/src/__tests__/__fixtures__/bundles/valid.ts';
const VERIFY_BUNDLES = 'packages/verify/src/__tests__/__fixtures__/bundles.ts';

interface Fixture {
	file: string;
	source: { repo: string; commit: string };
	path: string;
	/** For TypeScript fixture modules: the exported object path. */
	member?: string;
	/** What the fixture is, for the README. */
	about: string;
}

const FIXTURES: Fixture[] = [
	{
		file: 'bundles/sigstore-js-v0.1-message-signature.json',
		source: SIGSTORE_JS,
		path: CLIENT_BUNDLES,
		member: 'v1.messageSignature.withSigningCert',
		about: 'public-good v0.1 bundle, hashedrekord, message signature over "hello, world!"',
	},
	{
		file: 'bundles/sigstore-js-v0.2-message-signature.json',
		source: SIGSTORE_JS,
		path: CLIENT_BUNDLES,
		member: 'v2.messageSignature.withSigningCert',
		about: 'public-good v0.2 bundle (inclusion proof), same signature',
	},
	{
		file: 'bundles/sigstore-js-v0.3-message-signature.json',
		source: SIGSTORE_JS,
		path: CLIENT_BUNDLES,
		member: 'v3.messageSignature.withSigningCert',
		about: 'public-good v0.3 bundle (`+json;version=0.3` media type), same signature',
	},
	{
		file: 'bundles/sigstore-js-v0.3-rekor-v2.json',
		source: SIGSTORE_JS,
		path: VERIFY_BUNDLES,
		member: 'V3.MESSAGE_SIGNATURE.TLOG_HASHEDREKORDV002',
		about:
			'public-good v0.3 bundle logged in Rekor v2 (log2025-1, checkpoint, no integrated time) with a timestamp.sigstore.dev RFC 3161 timestamp',
	},
	{
		file: 'bundles/sigstore-go-provenance-v0.1-dsse.json',
		source: SIGSTORE_GO,
		path: 'examples/bundle-provenance.json',
		about: 'public-good v0.1 DSSE bundle: npm provenance of sigstore-js, signed by its GitHub Actions release workflow',
	},
	{
		file: 'bundles/sigstore-go-othername-private-ca.json',
		source: SIGSTORE_GO,
		path: 'pkg/testing/data/bundles/othername.sigstore.json',
		about: 'v0.3 bundle from a private (scaffolding) Sigstore instance: its CA is not in the public-good root',
	},
	{
		file: 'bundles/cosign-oci-attestation-v0.3-dsse.json',
		source: COSIGN,
		path: 'pkg/cosign/testdata/oci-attestation.sigstore.json',
		about: 'public-good v0.3 DSSE bundle as cosign stores an image attestation (dsse 0.0.1 log entry)',
	},
];

function git(repos: string, repo: string, ...args: string[]): string {
	const named = [join(repos, repo.replace('/', '+')), join(repos, repo)];
	// A clone has .git; a bare repository (or a mirror's repo/ folder) has HEAD itself.
	const gitDirs = named.flatMap((dir) => [join(dir, '.git'), join(dir, 'repo'), dir]);
	const gitDir = gitDirs.find((dir) => existsSync(join(dir, 'HEAD')));
	if (!gitDir) throw new Error(`no clone of ${repo} under ${repos} (looked in ${named.join(', ')}); clone it there first`);
	return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The value of a literal expression (objects, arrays, strings, numbers, booleans, null, undefined); anything else fails. */
function literal(node: ts.Expression): unknown {
	if (ts.isObjectLiteralExpression(node)) {
		return Object.fromEntries(
			node.properties.map((property) => {
				if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
					throw new Error(`unsupported property at ${property.pos}`);
				}
				return [property.name.text, literal(property.initializer)];
			}),
		);
	}
	if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
	if (ts.isNumericLiteral(node)) return Number(node.text);
	if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
	if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
	if (node.kind === ts.SyntaxKind.NullKeyword) return null;
	if (ts.isIdentifier(node) && node.text === 'undefined') return undefined;
	throw new Error(`not a literal: ${ts.SyntaxKind[node.kind]} at ${node.pos}`);
}

/** `member` (e.g. `v1.messageSignature.withSigningCert`) of a TypeScript module made of exported literals. */
function exportedLiteral(source: string, member: string): unknown {
	const file = ts.createSourceFile('fixture.ts', source, ts.ScriptTarget.Latest);
	const [name, ...path] = member.split('.');
	for (const statement of file.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
				let value = literal(declaration.initializer) as Record<string, unknown>;
				for (const key of path) value = value[key] as Record<string, unknown>;
				if (value === undefined) throw new Error(`${member} not found`);
				return value;
			}
		}
	}
	throw new Error(`export ${name} not found`);
}

/** The `.sig` manifest shown after `crane manifest …sha256-<hex>.sig`, and the simple-signing payload it signs. */
function serverImageSignature(readme: string) {
	const lines = readme.split('\n');
	const command = lines.findIndex((line) => /crane +manifest .*\.sig/.test(line));
	const subjectHex = /sha256-([a-f0-9]{64})\.sig/.exec(lines[command])?.[1];
	const start = lines.findIndex((line, index) => index > command && line.startsWith('{'));
	const end = lines.findIndex((line, index) => index > start && line.startsWith('}'));
	if (command < 0 || !subjectHex || start < 0 || end < 0) throw new Error('the crane manifest block was not found');
	const manifest = JSON.parse(lines.slice(start, end + 1).join('\n'));
	const layer = manifest.layers[0];
	const identity = JSON.parse(
		Buffer.from(JSON.parse(layer.annotations['dev.sigstore.cosign/bundle']).Payload.body, 'base64').toString(),
	);
	if (identity.kind !== 'hashedrekord') throw new Error('expected a hashedrekord entry');
	// The README does not show the payload blob; cosign writes it in this exact form (pkg/cosign/payload), and the
	// layer digest proves the reconstruction byte for byte.
	const payload = `{"critical":{"identity":{"docker-reference":"index.docker.io/salrashid123/server_image"},"image":{"docker-manifest-digest":"sha256:${subjectHex}"},"type":"cosign container image signature"},"optional":null}`;
	const digest = `sha256:${createHash('sha256').update(payload).digest('hex')}`;
	if (digest !== layer.digest) throw new Error(`reconstructed payload hashes to ${digest}, not the layer's ${layer.digest}`);
	return { manifest, payload, subject: `sha256:${subjectHex}` };
}

async function writeAtomic(file: string, text: string): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	await writeFile(`${file}.tmp`, text);
	await rename(`${file}.tmp`, file);
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { repos: { type: 'string' } } });
	if (!values.repos) throw new Error('usage: npm run fixtures:sigstore -- --repos <dir with the source repositories>');
	const readme: string[] = [
		'# Sigstore test fixtures',
		'',
		'Public test data of the Sigstore projects (and one public README), copied by `npm run fixtures:sigstore -- --repos <dir>`.',
		'They are data, not code: signatures made on the public-good instance (or, where said, a private one). Never edit them by hand;',
		'the tests that tamper with them do it in memory.',
		'',
	];
	for (const fixture of FIXTURES) {
		const text = git(values.repos, fixture.source.repo, 'show', `${fixture.source.commit}:${fixture.path}`);
		const value = fixture.member ? exportedLiteral(text, fixture.member) : JSON.parse(text);
		await writeAtomic(join(OUT_DIR, fixture.file), `${JSON.stringify(value, null, 2)}\n`);
		const member = fixture.member ? `, export \`${fixture.member}\`` : '';
		readme.push(
			`- \`${fixture.file}\`: ${fixture.about}. From ${fixture.source.repo} \`${fixture.path}\`${member} at ${fixture.source.commit}.`,
		);
	}
	const signature = serverImageSignature(git(values.repos, SERVER_IMAGE.repo, 'show', `${SERVER_IMAGE.commit}:README.md`));
	await writeAtomic(
		join(OUT_DIR, 'cosign-layout/server_image.sig.manifest.json'),
		`${JSON.stringify(signature.manifest, null, 2)}\n`,
	);
	await writeAtomic(join(OUT_DIR, 'cosign-layout/server_image.sig.payload.json'), signature.payload);
	readme.push(
		`- \`cosign-layout/server_image.sig.manifest.json\`: a keyless public-good cosign \`.sig\` manifest (signature, certificate, chain and Rekor bundle annotations) of index.docker.io/salrashid123/server_image@${signature.subject}, signed by a GitHub Actions release workflow. From ${SERVER_IMAGE.repo} \`README.md\` (the \`crane manifest\` output) at ${SERVER_IMAGE.commit}.`,
		`- \`cosign-layout/server_image.sig.payload.json\`: its simple-signing payload, which the README does not show: rebuilt in cosign's fixed format from the subject digest, and equal byte for byte to the layer blob (its SHA-256 is the layer digest).`,
		'',
	);
	await writeAtomic(join(OUT_DIR, 'README.md'), readme.join('\n'));
	process.stdout.write(`wrote ${FIXTURES.length + 2} fixtures and README.md to ${OUT_DIR}\n`);
}

main().catch((error) => {
	process.stderr.write(`fixtures:sigstore: ${(error as Error).message}\n`);
	process.exit(1);
});
