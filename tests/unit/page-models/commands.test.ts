import { describe, expect, it } from 'vitest';
import { orderedVariants } from '../../../src/images/queries.ts';
import { cosignAttestationType, pullCommands, verifyCommands } from '../../../src/page-models/commands.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const { image } = useDemoImages();

describe('commands', () => {
	it('pulls by tag and by digest', () => {
		const variant = orderedVariants(image('static'))[0]!;
		expect(pullCommands(image('static'), variant)).toEqual({
			byTag: 'docker pull cgr.dev/chainguard/static:latest',
			byDigest: `docker pull cgr.dev/chainguard/static@${variant.digest}`,
		});
	});

	it('verifies with the configured keyless identity, pinned by digest', () => {
		const variant = orderedVariants(image('python'))[0]!;
		const commands = verifyCommands(image('python'), variant)!;
		expect(commands.verify).toBe(
			'cosign verify \\\n' +
				'  --certificate-identity=https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main \\\n' +
				'  --certificate-oidc-issuer=https://token.actions.githubusercontent.com \\\n' +
				`  cgr.dev/chainguard/python@${variant.digest}`,
		);
		expect(commands.attestations.map((a) => a.command.split('\n')[1])).toEqual([
			'  --type=https://apko.dev/image-configuration \\',
			'  --type=slsaprovenance1 \\',
			'  --type=spdxjson \\',
		]);
		expect(verifyCommands({ ...image('python'), registry: 'registry.example.org' }, variant)).toBeNull();
	});

	it('maps predicate types to cosign --type names', () => {
		expect(cosignAttestationType('https://slsa.dev/provenance/v0.2')).toBe('slsaprovenance02');
		expect(cosignAttestationType('https://example.com/custom')).toBe('https://example.com/custom');
	});
});
