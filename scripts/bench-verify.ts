// Micro-benchmark of offline signature verification: milliseconds per verification for each signature format, for a
// certificate the verifier meets for the first time and for one it already parsed and chain-checked (a sync meets the
// same certificate on many layers), and the one-time cost of building the trust material. A figure for the sync's
// budget, not a test.
// Usage: npm run bench:verify -- [--rounds 200]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	SignedMediaType,
	createSignatureVerifier,
	publicGoodTrustRoot,
	type SignatureVerifier,
	type SignedLayer,
	type Subject,
} from '../src/attestations/verify/index.ts';
import { DEMO_SIGNING_POLICY, createDemoAuthority } from '../src/images/demo/sigstore-authority.ts';
import { wholeNumberOption } from '../src/lib/cli-options.ts';
import { flagsOrExit } from './bench/cli.ts';

const rounds = flagsOrExit(() => {
	const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' } } });
	return wholeNumberOption('--rounds', values.rounds, { min: 1 }, 'For example: --rounds 200.');
});
const digest = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const fixture = (path: string) => readFileSync(new URL(`../tests/fixtures/sigstore/${path}`, import.meta.url));
const layer = (mediaType: string, bytes: Buffer, annotations?: Record<string, string>): SignedLayer => ({
	mediaType,
	digest: digest(bytes),
	bytes,
	annotations,
});

const started = performance.now();
const publicGood = publicGoodTrustRoot();
const anyone = { certificateIdentityRegexp: '.*', certificateOidcIssuerRegexp: '.*' };
const verifier = () => createSignatureVerifier({ trustRoot: publicGood, policy: anyone });
verifier();
const setupMs = performance.now() - started;

const sigManifest = JSON.parse(fixture('cosign-layout/server_image.sig.manifest.json').toString('utf8'));
const ociBundle = fixture('bundles/cosign-oci-attestation-v0.3-dsse.json');
const hello = Buffer.from('hello, world!');
const demo = createDemoAuthority();
const demoVerifier = () => createSignatureVerifier({ trustRoot: demo.trustRoot(), policy: DEMO_SIGNING_POLICY, demo: true });
const subjectHex = 'ab'.repeat(32);
const demoPayload = Buffer.from(
	`{"critical":{"identity":{"docker-reference":"demo.invalid/x"},"image":{"docker-manifest-digest":"sha256:${subjectHex}"},"type":"cosign container image signature"},"optional":null}`,
);
const demoSig = demo.cosignSignature(demoPayload, { signedAt: new Date('2025-07-01T00:00:00Z') });

const cases: Array<[string, () => SignatureVerifier, SignedLayer, Subject]> = [
	[
		'public good, cosign .sig',
		verifier,
		layer(
			SignedMediaType.cosignSimpleSigning,
			fixture('cosign-layout/server_image.sig.payload.json'),
			sigManifest.layers[0].annotations,
		),
		{ digest: 'sha256:120ef883bd7612aee0a100297def41014bf3e1aa321a0eaf4d0ebd9855d39a11' },
	],
	[
		'public good, bundle v0.3 DSSE',
		verifier,
		layer(SignedMediaType.bundleV03, ociBundle),
		{ digest: 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4' },
	],
	[
		'public good, bundle v0.2 message',
		verifier,
		layer(SignedMediaType.bundleV03, fixture('bundles/sigstore-js-v0.2-message-signature.json')),
		{ digest: digest(hello), manifest: hello },
	],
	[
		'demo, cosign .sig',
		demoVerifier,
		layer(SignedMediaType.cosignSimpleSigning, demoSig.blob, demoSig.annotations),
		{ digest: `sha256:${subjectHex}` },
	],
];

process.stdout.write(`verifier setup (public-good trust material): ${setupMs.toFixed(1)} ms, once per registry\n`);
/** Median and 95th percentile of `rounds` verifications, each by the verifier `next` gives. */
function measure(name: string, next: () => SignatureVerifier, signed: SignedLayer, subject: Subject): string {
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const used = next();
		const start = performance.now();
		const outcome = used.verify(signed, subject);
		times.push(performance.now() - start);
		if (outcome.status !== 'verified') throw new Error(`${name}: ${outcome.reason?.message}`);
	}
	times.sort((a, b) => a - b);
	return `median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms`;
}

for (const [name, create, signed, subject] of cases) {
	const seen = create();
	for (let i = 0; i < 20; i++) seen.verify(signed, subject); // warm-up
	const fresh = measure(name, create, signed, subject);
	const cached = measure(name, () => seen, signed, subject);
	process.stdout.write(`${name.padEnd(34)} new certificate: ${fresh}; seen before: ${cached} (${rounds} runs each)\n`);
}
