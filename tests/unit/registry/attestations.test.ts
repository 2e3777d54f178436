import { describe, expect, it } from 'vitest';
import {
	PredicateType,
	RegistryError,
	decodeBundleStatement,
	decodeDsseStatement,
	summarizeApkoConfig,
	summarizeProvenance,
	summarizeSpdx,
} from '../../../src/registry/index.ts';

const envelope = (statement: unknown, payloadType = 'application/vnd.in-toto+json') => ({
	payloadType,
	payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
	signatures: [{ keyid: '', sig: 'c2ln' }],
});
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const statement = (type: string) => ({
	_type: type,
	predicateType: PredicateType.slsaV1,
	subject: [{ name: 'cgr.dev/chainguard/x', digest: { sha256: 'ab' } }],
	predicate: { a: 1 },
});

describe('DSSE and in-toto', () => {
	it('decodes Statement v0.1 and v1', () => {
		expect(decodeDsseStatement(json(envelope(statement('https://in-toto.io/Statement/v0.1'))), {})).toMatchObject({
			version: 'v0.1',
			predicateType: PredicateType.slsaV1,
			predicate: { a: 1 },
		});
		const v1 = decodeDsseStatement(json(envelope(statement('https://in-toto.io/Statement/v1'))), {});
		expect(v1.version).toBe('v1');
		expect(v1.subjects).toEqual([{ name: 'cgr.dev/chainguard/x', digest: { sha256: 'ab' } }]);
	});

	it.each([
		['not JSON', Buffer.from('{')],
		['wrong payloadType', json(envelope(statement('https://in-toto.io/Statement/v1'), 'text/plain'))],
		['unknown Statement type', json(envelope(statement('https://example.com/Statement/v9')))],
		['no predicateType', json(envelope({ _type: 'https://in-toto.io/Statement/v1' }))],
		['payload not JSON', json({ payloadType: 'application/vnd.in-toto+json', payload: Buffer.from('nope').toString('base64') })],
	])('rejects an envelope with %s, with a hint', (_case, bytes) => {
		const error = (() => {
			try {
				decodeDsseStatement(bytes, { repository: 'chainguard/x' });
			} catch (caught) {
				return caught as RegistryError;
			}
		})();
		expect(error).toBeInstanceOf(RegistryError);
		expect(error!.kind).toBe('json');
		expect(error!.message).toMatch(/^Malformed attestation/);
		expect(error!.hint).toMatch(/Other attestations are still read/);
	});

	it('opens Sigstore bundles with a DSSE envelope, and returns null for message signatures', () => {
		expect(
			decodeBundleStatement(json({ dsseEnvelope: envelope(statement('https://in-toto.io/Statement/v1')) }), {})!.predicateType,
		).toBe(PredicateType.slsaV1);
		expect(decodeBundleStatement(json({ messageSignature: { signature: 'x' } }), {})).toBeNull();
	});
});

describe('predicates', () => {
	it('lists SPDX packages without the image and operating system, sorted, NOASSERTION as null', () => {
		const summary = summarizeSpdx(
			{
				spdxVersion: 'SPDX-2.3',
				packages: [
					{ name: 'sha256:abc', primaryPackagePurpose: 'CONTAINER' },
					{ name: 'wolfi', primaryPackagePurpose: 'OPERATING-SYSTEM' },
					{
						name: 'zlib',
						versionInfo: '1.3.1-r51',
						licenseDeclared: 'Zlib',
						externalRefs: [{ referenceType: 'purl', referenceLocator: 'pkg:apk/wolfi/zlib@1.3.1-r51?arch=x86_64' }],
					},
					{ name: 'busybox', versionInfo: '1.37.0-r45', licenseDeclared: 'NOASSERTION', licenseConcluded: 'GPL-2.0-only' },
					{ name: 'glibc', licenseDeclared: 'NOASSERTION' },
				],
			},
			{},
		);
		expect(summary).toEqual({
			spdxVersion: 'SPDX-2.3',
			packages: [
				{ name: 'busybox', version: '1.37.0-r45', license: 'GPL-2.0-only', purl: null },
				{ name: 'glibc', version: null, license: null, purl: null },
				{ name: 'zlib', version: '1.3.1-r51', license: 'Zlib', purl: 'pkg:apk/wolfi/zlib@1.3.1-r51?arch=x86_64' },
			],
		});
		expect(() => summarizeSpdx({ packages: [] }, {})).toThrow(/no spdxVersion/);
		expect(() => summarizeSpdx({ spdxVersion: 'SPDX-2.3', packages: [{ versionInfo: '1' }] }, {})).toThrow(/no name/);
	});

	it('summarizes SLSA v1 and v0.2 provenance', () => {
		expect(
			summarizeProvenance(PredicateType.slsaV1, {
				buildDefinition: { buildType: 'https://apko.dev/slsa-build-type@v1' },
				runDetails: { builder: { id: 'https://builder' } },
			}),
		).toEqual({
			predicateType: PredicateType.slsaV1,
			builderId: 'https://builder',
			buildType: 'https://apko.dev/slsa-build-type@v1',
		});
		expect(summarizeProvenance(PredicateType.slsaV02, { builder: { id: 'https://old' }, buildType: 'https://type' })).toEqual({
			predicateType: PredicateType.slsaV02,
			builderId: 'https://old',
			buildType: 'https://type',
		});
		expect(summarizeProvenance(PredicateType.slsaV1, null)).toEqual({
			predicateType: PredicateType.slsaV1,
			builderId: null,
			buildType: null,
		});
	});

	it('summarizes the apko image configuration, null for what it does not set', () => {
		expect(
			summarizeApkoConfig({
				contents: { packages: ['a', 'b'] },
				accounts: { 'run-as': '65532' },
				entrypoint: { 'shell-fragment': 'echo hi' },
				archs: ['x86_64'],
			}),
		).toEqual({
			packages: ['a', 'b'],
			repositories: null,
			runAs: '65532',
			entrypoint: 'echo hi',
			cmd: null,
			workDir: null,
			archs: ['x86_64'],
		});
	});
});
