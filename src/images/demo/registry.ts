// Where the demo images say they come from, who signs them and which public images they stand for. Kept apart from
// the demo authority (sigstore-authority.ts) so the sync and the live loader can know the demo without loading the
// code that builds and signs it.
import { readTrustRootFile, DEMO_TRUST_ROOT_NAME, type TrustRoot } from '../../attestations/verify/index.ts';

/**
 * The registry host the demo snapshot records. `.invalid` is reserved (RFC 2606) and never resolves, so a demo
 * digest can never be taken for one of cgr.dev's, and a command that uses it fails at once instead of pulling something.
 */
export const DEMO_REGISTRY = 'registry.demo.invalid';

/** Namespace of the demo images, in the demo registry record and in the local registry they are pushed to. */
export const DEMO_NAMESPACE = 'chainguard';

/** Where the demo images are recorded as coming from. */
export const DEMO_RECORDED_AS = { registry: DEMO_REGISTRY, namespace: DEMO_NAMESPACE } as const;

/** The public images the demo images are shaped after (their users, shells, entrypoints, packages and tags). */
export const DEMO_STANDS_FOR = 'cgr.dev/chainguard';

/** Who "signs" the demo images: a reserved .invalid identity that no real workflow can have. */
export const DEMO_SIGNING_POLICY = {
	certificateIdentity: 'https://demo.invalid/supply-chain-academy/demo-images/.github/workflows/release.yaml@refs/heads/main',
	certificateOidcIssuer: 'https://oidc.demo.invalid',
} as const;

/**
 * The demo authority's trusted root, committed so that verifying the demo needs neither the authority's code nor its
 * dev dependencies; a unit test keeps it equal to what `createDemoAuthority().trustedRoot` emits.
 */
export const DEMO_TRUSTED_ROOT_FILE = new URL('./trusted-root.json', import.meta.url);

/** True for the demo registry host: the one registry whose signatures are checked against the demo trust root. */
export function isDemoRegistry(registry: string): boolean {
	return registry === DEMO_REGISTRY;
}

let demoRoot: TrustRoot | undefined;

/** The demo trust root (demo-only: the verifier refuses it for any registry but the demo). */
export function demoTrustRoot(): TrustRoot {
	demoRoot ??= readTrustRootFile(DEMO_TRUSTED_ROOT_FILE, DEMO_TRUST_ROOT_NAME);
	return demoRoot;
}
