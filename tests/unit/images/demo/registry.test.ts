import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_REGISTRY, DEMO_TRUSTED_ROOT_FILE, demoTrustRoot, isDemoRegistry } from '../../../../src/images/demo/registry.ts';
import { createDemoAuthority } from '../../../../src/images/demo/sigstore-authority.ts';

describe('the demo registry', () => {
	it('commits exactly the trusted root the demo authority emits, and marks it demo-only', () => {
		const committed = JSON.parse(readFileSync(DEMO_TRUSTED_ROOT_FILE, 'utf8'));
		expect(committed, 'src/images/demo/trusted-root.json is stale: write createDemoAuthority().trustedRoot to it').toEqual(
			createDemoAuthority().trustedRoot,
		);
		expect(demoTrustRoot()).toMatchObject({ name: 'demo', demoOnly: true, id: createDemoAuthority().trustRoot().id });
	});

	it('is a reserved .invalid host, and the only registry treated as the demo', () => {
		expect(DEMO_REGISTRY).toMatch(/\.invalid$/);
		expect(isDemoRegistry(DEMO_REGISTRY)).toBe(true);
		for (const other of ['cgr.dev', 'demo.invalid', `${DEMO_REGISTRY}.example.org`, '127.0.0.1:5000']) {
			expect(isDemoRegistry(other), other).toBe(false);
		}
	});
});
