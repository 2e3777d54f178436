import { describe, expect, it } from 'vitest';
import { readConfigDocument, sortRecord } from '../../../src/images/collect.ts';
import { RegistryError } from '../../../src/registry/index.ts';

describe('readConfigDocument', () => {
	it('reads the runtime config, null for what is not set', () => {
		const document = readConfigDocument(
			{
				architecture: 'arm64',
				os: 'linux',
				variant: 'v8',
				created: '2025-06-30T03:00:00Z',
				config: {
					User: '65532',
					Env: ['PATH=/usr/bin', 'EMPTY=', 'A=b=c', 'BARE'],
					Labels: { z: '1', a: '2' },
					ExposedPorts: { '8080/tcp': {}, '443/tcp': {} },
					Volumes: { '/data': {} },
					WorkingDir: '',
				},
			},
			{},
		);
		expect(document).toEqual({
			os: 'linux',
			architecture: 'arm64',
			variant: 'v8',
			created: '2025-06-30T03:00:00Z',
			config: {
				user: '65532',
				entrypoint: null,
				cmd: null,
				workingDir: null,
				env: [
					{ name: 'PATH', value: '/usr/bin' },
					{ name: 'EMPTY', value: '' },
					{ name: 'A', value: 'b=c' },
					{ name: 'BARE', value: '' },
				],
				labels: { a: '2', z: '1' },
				stopSignal: null,
				volumes: ['/data'],
				exposedPorts: ['443/tcp', '8080/tcp'],
			},
		});
		expect(Object.keys(document.config.labels!)).toEqual(['a', 'z']);
	});

	it.each([
		[{ os: 'linux' }, /"architecture" is not set/],
		[{ os: 'linux', architecture: 'amd64', config: { Env: 'PATH=/bin' } }, /"config.Env" is not a list of strings/],
		[{ os: 'linux', architecture: 'amd64', config: { User: 0 } }, /"config.User" is not a string/],
		[{ os: 'linux', architecture: 'amd64', config: { Labels: { a: 1 } } }, /"config.Labels" is not a map of strings/],
		[[], /"\(document\)" is not an object/],
	])('rejects %j', (json, message) => {
		expect(() => readConfigDocument(json, { repository: 'chainguard/x' })).toThrow(RegistryError);
		expect(() => readConfigDocument(json, { repository: 'chainguard/x' })).toThrow(message);
	});

	it('sorts record keys by code unit', () => {
		expect(Object.keys(sortRecord({ b: '', B: '', a: '' }))).toEqual(['B', 'a', 'b']);
	});
});
