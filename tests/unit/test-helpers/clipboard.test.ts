import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withClipboard } from '../../helpers/clipboard.ts';

describe('withClipboard', () => {
	it('lets one user at a time hold the clipboard', async () => {
		const events: string[] = [];
		const user = (name: string, ms: number) =>
			withClipboard(async () => {
				events.push(`${name} in`);
				await sleep(ms);
				events.push(`${name} out`);
				return name;
			});
		expect(await Promise.all([user('a', 120), user('b', 10), user('c', 10)])).toEqual(['a', 'b', 'c']);
		expect(events.slice(0, 2)).toEqual(['a in', 'a out']);
		for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace(' in', ' out'));
	});

	it('lets the next user in after one that failed', async () => {
		await expect(withClipboard(async () => Promise.reject(new Error('copy failed')))).rejects.toThrow('copy failed');
		expect(await withClipboard(async () => 'next')).toBe('next');
	});
});
