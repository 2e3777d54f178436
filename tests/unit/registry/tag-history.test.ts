import { describe, expect, it } from 'vitest';
import { movedToCurrent, tagHistoryFor } from '../../../src/registry/index.ts';

const record = (updateTimestamp: string, digest: string) => ({ updateTimestamp, digest });

describe('tag history', () => {
	it('dates the move to the current digest: the first record of the last run of that digest', () => {
		const history = [
			record('2025-05-01T00:00:00Z', 'sha256:a'),
			record('2025-05-02T00:00:00Z', 'sha256:b'),
			record('2025-05-03T00:00:00Z', 'sha256:b'),
			record('2025-05-04T00:00:00Z', 'sha256:c'),
			record('2025-05-05T00:00:00Z', 'sha256:b'),
			record('2025-05-06T00:00:00Z', 'sha256:b'),
		];
		expect(movedToCurrent(history, 'sha256:b')).toBe('2025-05-05T00:00:00Z');
		expect(movedToCurrent(history.slice(0, 4), 'sha256:c')).toBe('2025-05-04T00:00:00Z');
	});

	it('says nothing when the history ends on another digest or is empty', () => {
		expect(movedToCurrent([record('2025-05-01T00:00:00Z', 'sha256:a')], 'sha256:b')).toBeNull();
		expect(movedToCurrent([], 'sha256:b')).toBeNull();
	});

	it('is offered by cgr.dev only', () => {
		expect(tagHistoryFor('cgr.dev')?.name).toBe('Chainguard tag history');
		expect(tagHistoryFor('docker.io')).toBeNull();
		expect(tagHistoryFor('127.0.0.1:5000')).toBeNull();
	});
});
