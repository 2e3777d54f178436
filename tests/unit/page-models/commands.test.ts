import { describe, expect, it } from 'vitest';
import { orderedVariants } from '../../../src/images/queries.ts';
import {
	commandTarget,
	cosignAttestationType,
	policyFlags,
	pullCommands,
	verifyCommands,
} from '../../../src/page-models/commands.ts';
import { useDemoImages } from '../../helpers/demo-images.ts';

const demo = useDemoImages();
const CHAINGUARD_IDENTITY = 'https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main';

describe('commands', () => {
	it('address a real image by digest, with the policy its signatures were checked against', () => {
		const python = demo.image('python');
		const variant = orderedVariants(python)[0]!;
		const target = commandTarget(python, { standsFor: null })!;
		expect(target).toEqual({ reference: python.reference, pin: 'digest', policy: python.signing!.policy });
		expect(pullCommands(target, variant)).toEqual({
			byTag: `docker pull ${python.reference}:latest`,
			byDigest: `docker pull ${python.reference}@${variant.digest}`,
		});
		expect(verifyCommands(target, variant)!.verify).toBe(
			'cosign verify \\\n' +
				`  --certificate-identity=${python.signing!.policy.certificateIdentity} \\\n` +
				`  --certificate-oidc-issuer=${python.signing!.policy.certificateOidcIssuer} \\\n` +
				`  ${python.reference}@${variant.digest}`,
		);
		expect(verifyCommands({ ...target, policy: null }, variant)).toBeNull();
	});

	it('address the public image by tag for demo data, whose digests exist nowhere, and nothing for a demo-only image', () => {
		const python = demo.image('python');
		const variant = orderedVariants(python)[0]!;
		const target = commandTarget(python, demo.metadata())!;
		expect(target).toMatchObject({ reference: 'cgr.dev/chainguard/python', pin: 'tag' });
		expect(pullCommands(target, variant)).toEqual({ byTag: 'docker pull cgr.dev/chainguard/python:latest', byDigest: null });
		const commands = verifyCommands(target, variant)!;
		expect(commands.verify).toBe(
			'cosign verify \\\n' +
				`  --certificate-identity=${CHAINGUARD_IDENTITY} \\\n` +
				'  --certificate-oidc-issuer=https://token.actions.githubusercontent.com \\\n' +
				'  cgr.dev/chainguard/python:latest',
		);
		expect(commands.attestations.map((a) => a.command.split('\n')[1])).toEqual([
			'  --type=https://apko.dev/image-configuration \\',
			'  --type=slsaprovenance1 \\',
			'  --type=spdxjson \\',
		]);
		expect(commandTarget(demo.image('jq'), demo.metadata())).toBeNull();
	});

	it('anchor patterns, since cosign matches -regexp flags anywhere in the value, and quote them for the shell', () => {
		expect(
			policyFlags({
				certificateIdentityRegexp: 'https://github\\.com/acme/.+@refs/tags/v.*',
				certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
			}),
		).toEqual([
			"--certificate-identity-regexp='^(?:https://github\\.com/acme/.+@refs/tags/v.*)$'",
			'--certificate-oidc-issuer=https://token.actions.githubusercontent.com',
		]);
		expect(policyFlags({ certificateIdentity: "it's", certificateOidcIssuerRegexp: 'a|b' })).toEqual([
			"--certificate-identity='it'\\''s'",
			"--certificate-oidc-issuer-regexp='^(?:a|b)$'",
		]);
	});

	it('maps predicate types to cosign --type names', () => {
		expect(cosignAttestationType('https://slsa.dev/provenance/v0.2')).toBe('slsaprovenance02');
		expect(cosignAttestationType('https://example.com/custom')).toBe('https://example.com/custom');
	});
});
