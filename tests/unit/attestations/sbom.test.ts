import { describe, expect, it } from 'vitest';
import { PredicateType } from '../../../src/attestations/in-toto.ts';
import { isSbomPredicateType, readSbom } from '../../../src/attestations/sbom.ts';

describe('SBOM formats', () => {
	it('knows SPDX and CycloneDX predicate types, with or without a version suffix', () => {
		expect(
			[PredicateType.spdx, 'https://spdx.dev/Document/v2.3', PredicateType.cycloneDx, 'https://cyclonedx.org/bom/v1.5'].filter(
				(type) => !isSbomPredicateType(type),
			),
		).toEqual([]);
		expect(
			[PredicateType.slsaV1, 'https://cyclonedx.org/bomb', 'https://openvex.dev/ns/v0.2.0'].filter(isSbomPredicateType),
		).toEqual([]);
	});

	it('reads SPDX 2 and CycloneDX JSON, and names SPDX 3 without reading it', () => {
		expect(readSbom(PredicateType.spdx, { spdxVersion: 'SPDX-2.2', packages: [] }, {})).toMatchObject({ kind: 'spdx' });
		expect(readSbom('https://spdx.dev/Document/v2.3', { spdxVersion: 'SPDX-2.3', packages: [] }, {})).toMatchObject({
			kind: 'spdx',
		});
		expect(readSbom('https://cyclonedx.org/bom/v1.6', { bomFormat: 'CycloneDX', specVersion: '1.6' }, {})).toMatchObject({
			kind: 'cyclonedx',
		});
		expect(
			readSbom(PredicateType.spdx, { '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [] }, {}),
		).toEqual({ kind: 'other', format: 'SPDX 3' });
		expect(() => readSbom(PredicateType.spdx, { packages: [] }, {})).toThrow(/no spdxVersion/);
		expect(() => readSbom(PredicateType.cycloneDx, { components: [] }, {})).toThrow(/no bomFormat/);
	});
});
