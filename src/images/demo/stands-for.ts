import { signingPolicySchema } from '../../attestations/verify/index.ts';
import { compareText } from '../../lib/compare.ts';
import type { SnapshotMetadata } from '../model.ts';
import type { RegistrySigning } from '../repositories-config.ts';
import { DEMO_IMAGES } from './definitions.ts';
import { DEMO_STANDS_FOR } from './registry.ts';

/**
 * What a demo snapshot says it stands for: the public namespace its images are shaped after, the demo images that have
 * a public counterpart there, and how that registry signs (from the signing configuration), so demo pages can offer
 * tag-based commands that work against the public images.
 */
export function demoStandsFor(signing: Readonly<Record<string, RegistrySigning>>): NonNullable<SnapshotMetadata['standsFor']> {
	const entry = signing[DEMO_STANDS_FOR] ?? signing[DEMO_STANDS_FOR.split('/')[0]!];
	return {
		namespace: DEMO_STANDS_FOR,
		repositories: DEMO_IMAGES.filter((image) => image.publicImage)
			.map((image) => image.name)
			.sort(compareText),
		signing: entry ? signingPolicySchema.parse(withoutTrustRoot(entry)) : null,
	};
}

function withoutTrustRoot({ trustRoot: _trustRoot, ...policy }: RegistrySigning) {
	return policy;
}
