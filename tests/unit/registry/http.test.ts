import { describe, expect, it } from 'vitest';
import {
	RegistryError,
	Semaphore,
	isDamagedBody,
	isTransient,
	mapBounded,
	nextLink,
	parseRetryAfter,
} from '../../../src/registry/index.ts';

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('3', 0)).toBe(3000);
		const now = Date.parse('2025-07-01T00:00:00Z');
		expect(parseRetryAfter('Tue, 01 Jul 2025 00:00:10 GMT', now)).toBe(10_000);
		expect(parseRetryAfter('Tue, 01 Jul 2025 00:00:00 GMT', now + 5000)).toBe(0);
		expect(parseRetryAfter(null, now)).toBeNull();
		expect(parseRetryAfter('soon', now)).toBeNull();
	});
});

describe('nextLink', () => {
	it('resolves relative and absolute next links', () => {
		const base = 'http://127.0.0.1:5000/v2/a/tags/list';
		expect(nextLink('</v2/a/tags/list?last=b&n=2>; rel="next"', base)).toBe('http://127.0.0.1:5000/v2/a/tags/list?last=b&n=2');
		expect(nextLink('<https://cdn.example/v2/a/tags/list?last=c>; rel=next', base)).toBe(
			'https://cdn.example/v2/a/tags/list?last=c',
		);
		expect(nextLink('<http://x/prev>; rel="prev", </v2/next>; rel="next"', base)).toBe('http://127.0.0.1:5000/v2/next');
		expect(nextLink('<http://x/prev>; rel="prev"', base)).toBeNull();
		expect(nextLink(null, base)).toBeNull();
	});
});

describe('bounded concurrency', () => {
	it('never runs more tasks than the limit and keeps result order', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (value) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, value));
			running--;
			return value * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30, 0]);
		expect(peak).toBe(2);
	});

	it('releases its slot when a task fails', async () => {
		const semaphore = new Semaphore(1);
		await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		await expect(semaphore.run(async () => 'next')).resolves.toBe('next');
	});
});

describe('isTransient', () => {
	it('retries throttling, server errors, network faults and timeouts only', () => {
		const http = (status: number) => new RegistryError('http', 'x', 'y', { status });
		const transient = [
			http(429),
			http(500),
			http(503),
			new RegistryError('network', 'x', 'y'),
			new RegistryError('timeout', 'x', 'y'),
		];
		expect(transient.filter((error) => !isTransient(error))).toEqual([]);
		expect([http(404), http(401), new RegistryError('digest', 'x', 'y'), new Error('plain')].filter(isTransient)).toEqual([]);
	});
});

describe('isDamagedBody', () => {
	it('takes a body with the wrong digest or unreadable JSON as damaged on the way, nothing else', () => {
		const damaged = [new RegistryError('digest', 'x', 'y'), new RegistryError('json', 'x', 'y')];
		expect(damaged.filter((error) => !isDamagedBody(error))).toEqual([]);
		const other = [new RegistryError('size', 'x', 'y'), new RegistryError('http', 'x', 'y', { status: 500 }), new Error('plain')];
		expect(other.filter(isDamagedBody)).toEqual([]);
	});
});
