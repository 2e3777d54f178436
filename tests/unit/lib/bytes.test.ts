import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/lib/bytes.ts';

describe('byte counts', () => {
	it('formats sizes in decimal units', () => {
		expect([formatBytes(512), formatBytes(1500), formatBytes(23_456_789), formatBytes(1_200_000_000)]).toEqual([
			'512 B',
			'1.50 kB',
			'23.5 MB',
			'1.20 GB',
		]);
	});
});
