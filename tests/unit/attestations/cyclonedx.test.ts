import { describe, expect, it } from 'vitest';
import { isCycloneDxDocument, parseCycloneDxDocument } from '../../../src/attestations/cyclonedx.ts';

describe('CycloneDX JSON', () => {
	it('flattens nested components and reads licences by id, name or expression', () => {
		const bom = parseCycloneDxDocument(
			{
				bomFormat: 'CycloneDX',
				specVersion: '1.5',
				metadata: { component: { type: 'container', name: 'app' } },
				components: [
					{
						type: 'library',
						name: 'openssl',
						version: '3.5.0-r0',
						purl: 'pkg:apk/wolfi/openssl@3.5.0-r0?arch=x86_64',
						licenses: [{ license: { id: 'Apache-2.0' } }],
						components: [{ type: 'library', name: 'libcrypto3', licenses: [{ expression: 'Apache-2.0 OR MIT' }] }],
					},
					{ type: 'operating-system', name: 'wolfi', version: '20230201' },
					{ type: 'library', name: 'odd', licenses: [{ license: { name: 'Custom' } }, { license: { id: 'MIT' } }, 'junk'] },
				],
			},
			{},
		);
		expect(bom).toEqual({
			specVersion: '1.5',
			components: [
				{
					type: 'library',
					name: 'openssl',
					version: '3.5.0-r0',
					purl: 'pkg:apk/wolfi/openssl@3.5.0-r0?arch=x86_64',
					licenses: ['Apache-2.0'],
				},
				{ type: 'operating-system', name: 'wolfi', version: '20230201', purl: null, licenses: [] },
				{ type: 'library', name: 'odd', version: null, purl: null, licenses: ['Custom', 'MIT'] },
				{ type: 'library', name: 'libcrypto3', version: null, purl: null, licenses: ['Apache-2.0 OR MIT'] },
			],
		});
	});

	it('recognizes a BOM by its bomFormat, and rejects a broken one with the reason', () => {
		expect(isCycloneDxDocument({ bomFormat: 'CycloneDX' })).toBe(true);
		expect(isCycloneDxDocument({ spdxVersion: 'SPDX-2.3' })).toBe(false);
		expect(() => parseCycloneDxDocument({ bomFormat: 'CycloneDX' }, {})).toThrow(/no specVersion/);
		expect(() =>
			parseCycloneDxDocument({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ version: '1' }] }, {}),
		).toThrow(/component has no name/);
	});
});
