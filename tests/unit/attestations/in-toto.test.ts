import { describe, expect, it } from 'vitest';
import { PredicateType, decodeDsseStatement, decodeStatement, statementNames } from '../../../src/attestations/in-toto.ts';
import { RegistryError } from '../../../src/registry/index.ts';

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

	it('reads a plain Statement, as BuildKit stores it in attestation manifests', () => {
		const plain = decodeStatement(json(statement('https://in-toto.io/Statement/v1')), {});
		expect(plain).toMatchObject({ version: 'v1', predicateType: PredicateType.slsaV1, predicate: { a: 1 } });
		expect(() => decodeStatement(json(envelope(statement('https://in-toto.io/Statement/v1'))), {})).toThrow(
			/unknown Statement _type undefined/,
		);
	});

	it('tells whether a Statement names a digest among its subjects', () => {
		const plain = decodeStatement(json(statement('https://in-toto.io/Statement/v1')), {});
		expect(statementNames(plain, 'sha256:ab')).toBe(true);
		expect(statementNames(plain, 'sha256:cd')).toBe(false);
		expect(statementNames(plain, 'sha512:ab')).toBe(false);
	});
});
