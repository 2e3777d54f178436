import { readFileSync } from 'node:fs';
import { X509Certificate, crypto, json } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { withParsedAuthorities } from './certificates.ts';

/** Name of the Sigstore public-good instance (fulcio.sigstore.dev, rekor.sigstore.dev) as outcomes record it. */
export const PUBLIC_GOOD_TRUST_ROOT_NAME = 'sigstore-public-good';

/** Name the demo authority's trust root carries. */
export const DEMO_TRUST_ROOT_NAME = 'demo';

/**
 * SHA-256 of the SubjectPublicKeyInfo of every key the demo authority (src/images/demo/sigstore-authority.ts) derives
 * from its published seed. Anyone can sign with those keys, so a trust root holding one of them is demo-only, whatever
 * it is called or wherever its file came from. A unit test keeps this list equal to the authority's keys.
 */
export const DEMO_KEY_FINGERPRINTS: ReadonlySet<string> = new Set([
	'667ecfa01b1b4773795e62bea60a7b66ec63f2c7e61617247fc75dc1bbb0167b', // demo certificate authority
	'3a6662beb8029990dc5b5017946d951d5b1c8c219ec75ec7660170c7ad45d85e', // demo transparency log
	'62905e6bb4a774b6655925ce6f20cdcf7117051baa2106bfa88ec1b4e6ab618d', // demo certificate-transparency log
]);

/** A trust root that cannot be used; `hint` says how to fix the file or the configuration. */
export class TrustRootError extends Error {
	readonly hint: string;

	constructor(message: string, hint: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'TrustRootError';
		this.hint = hint;
	}
}

/** A Sigstore trusted root (certificate authorities, transparency logs, CT logs, timestamp authorities), ready to verify with. */
export interface TrustRoot {
	/** `sha256:` digest of the canonical JSON of the trusted root: changes exactly when its content changes. */
	readonly id: string;
	/** Short name outcomes record, e.g. `sigstore-public-good`. */
	readonly name: string;
	/** Newest validity start among its keys and certificates (ISO 8601): how recent the root is. */
	readonly validFrom: string | null;
	/** True when it holds a demo authority key: such a root may only verify the demo images. */
	readonly demoOnly: boolean;
	/** The material @sigstore/verify checks against, built once (its authorities' certificates checked once). */
	readonly material: TrustMaterial;
}

const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(\.v\d+\.\d+)?\+json/;

/** Parse a trusted_root.json document (as `cosign --trusted-root` reads it); `source` names the file in errors. */
export function parseTrustRoot(document: unknown, name: string, source: string): TrustRoot {
	const hint = `Refresh the public-good root with \`npm run images:trust-root\`, or export a private instance's root with \`cosign trusted-root create\` (or its TUF target trusted_root.json).`;
	if (typeof document !== 'object' || document === null || Array.isArray(document)) {
		throw new TrustRootError(`${source}: a trusted root must be a JSON object`, hint);
	}
	const mediaType = (document as { mediaType?: unknown }).mediaType;
	if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
		throw new TrustRootError(
			`${source}: field mediaType is ${JSON.stringify(mediaType)}, not application/vnd.dev.sigstore.trustedroot+json`,
			hint,
		);
	}
	let trustedRoot: TrustedRoot;
	let material: TrustMaterial;
	try {
		trustedRoot = TrustedRoot.fromJSON(document);
		material = withParsedAuthorities(toTrustMaterial(trustedRoot));
	} catch (error) {
		throw new TrustRootError(`${source}: the trusted root does not parse (${(error as Error).message})`, hint, {
			cause: error,
		});
	}
	if (trustedRoot.certificateAuthorities.length === 0) {
		throw new TrustRootError(
			`${source}: field certificateAuthorities is empty`,
			`${hint} Keyless signatures need a certificate authority.`,
		);
	}
	if (trustedRoot.tlogs.length === 0) {
		throw new TrustRootError(
			`${source}: field tlogs is empty`,
			`${hint} Signatures are only accepted with a transparency-log proof.`,
		);
	}
	return {
		id: `sha256:${crypto.digest('sha256', json.canonicalize(document)).toString('hex')}`,
		name,
		validFrom: newestValidityStart(trustedRoot),
		demoOnly: keyFingerprints(trustedRoot).some((fingerprint) => DEMO_KEY_FINGERPRINTS.has(fingerprint)),
		material,
	};
}

/** SHA-256 (hex) of the SubjectPublicKeyInfo of every CA certificate and log key in a trusted root. */
export function keyFingerprints(root: TrustedRoot): string[] {
	const spkis = [
		...[...root.certificateAuthorities, ...root.timestampAuthorities].flatMap((authority) =>
			(authority.certChain?.certificates ?? []).map((cert) => X509Certificate.parse(Buffer.from(cert.rawBytes)).publicKey),
		),
		...[...root.tlogs, ...root.ctlogs].flatMap((log) => (log.publicKey?.rawBytes ? [Buffer.from(log.publicKey.rawBytes)] : [])),
	];
	return spkis.map((spki) => crypto.digest('sha256', spki).toString('hex'));
}

/** The newest `validFor.start` among the root's authorities and logs, ISO 8601; null when none has one. */
export function newestValidityStart(root: TrustedRoot): string | null {
	const starts = [
		...[...root.certificateAuthorities, ...root.timestampAuthorities].map((authority) => authority.validFor?.start),
		...[...root.tlogs, ...root.ctlogs].map((log) => log.publicKey?.validFor?.start),
	].filter((start): start is Date => start instanceof Date);
	if (starts.length === 0) return null;
	return new Date(Math.max(...starts.map((start) => start.getTime()))).toISOString();
}

const PUBLIC_GOOD_FILE = new URL('./trust-roots/sigstore-public-good.json', import.meta.url);
let publicGood: TrustRoot | undefined;

/** The Sigstore public-good trusted root committed in trust-roots/, so builds verify without a network. */
export function publicGoodTrustRoot(): TrustRoot {
	publicGood ??= readTrustRootFile(PUBLIC_GOOD_FILE, PUBLIC_GOOD_TRUST_ROOT_NAME);
	return publicGood;
}

/** Read and parse a trusted_root.json file, e.g. a private Sigstore instance's root named in a registry policy. */
export function readTrustRootFile(file: string | URL, name: string): TrustRoot {
	const path = file instanceof URL ? file.pathname : file;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new TrustRootError(
			`${path}: the trusted root cannot be read (${(error as Error).message})`,
			'Check the path in the registry policy, or run `npm run images:trust-root` to write the public-good root.',
			{ cause: error },
		);
	}
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error) {
		throw new TrustRootError(
			`${path}: the trusted root is not valid JSON (${(error as Error).message})`,
			'Run `npm run images:trust-root` to write it again.',
			{ cause: error },
		);
	}
	return parseTrustRoot(document, name, path);
}
