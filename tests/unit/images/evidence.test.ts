import { describe, expect, it } from 'vitest';
import { PredicateType } from '../../../src/attestations/in-toto.ts';
import { readSbom } from '../../../src/attestations/sbom.ts';
import { imageConfigurationFromApko, provenanceFromSlsa, sbomFromDocument } from '../../../src/images/evidence.ts';

const own = { source: 'cosign-tag', attachedTo: 'manifest' } as const;
/** An SPDX predicate read as the sync reads it. */
const sbomFromSpdx = (predicate: unknown, context: object) =>
	sbomFromDocument(readSbom(PredicateType.spdx, predicate, context), own);

describe('predicates', () => {
	it('lists SPDX packages without the image and operating system, sorted, NOASSERTION as null', () => {
		const summary = sbomFromSpdx(
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
			format: 'SPDX-2.3',
			...own,
			packages: [
				{ name: 'busybox', version: '1.37.0-r45', license: 'GPL-2.0-only', purl: null },
				{ name: 'glibc', version: null, license: null, purl: null },
				{ name: 'zlib', version: '1.3.1-r51', license: 'Zlib', purl: 'pkg:apk/wolfi/zlib@1.3.1-r51?arch=x86_64' },
			],
		});
		expect(() => sbomFromSpdx({ packages: [] }, {})).toThrow(/no spdxVersion/);
		expect(() => sbomFromSpdx({ spdxVersion: 'SPDX-2.3', packages: [{ versionInfo: '1' }] }, {})).toThrow(/no name/);
	});

	it('summarizes SLSA v1 and v0.2 provenance', () => {
		expect(
			provenanceFromSlsa(
				PredicateType.slsaV1,
				{
					buildDefinition: { buildType: 'https://apko.dev/slsa-build-type@v1' },
					runDetails: { builder: { id: 'https://builder' } },
				},
				own,
			),
		).toEqual({
			...own,
			predicateType: PredicateType.slsaV1,
			builderId: 'https://builder',
			buildType: 'https://apko.dev/slsa-build-type@v1',
		});
		expect(provenanceFromSlsa(PredicateType.slsaV02, { builder: { id: 'https://old' }, buildType: 'https://type' }, own)).toEqual(
			{
				...own,
				predicateType: PredicateType.slsaV02,
				builderId: 'https://old',
				buildType: 'https://type',
			},
		);
		expect(provenanceFromSlsa(PredicateType.slsaV1, null, own)).toEqual({
			...own,
			predicateType: PredicateType.slsaV1,
			builderId: null,
			buildType: null,
		});
	});

	it('summarizes the apko image configuration, null for what it does not set', () => {
		expect(
			imageConfigurationFromApko({
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
