import {
	BUNDLE_V01_MEDIA_TYPE,
	BUNDLE_V02_MEDIA_TYPE,
	BUNDLE_V03_LEGACY_MEDIA_TYPE,
	BUNDLE_V03_MEDIA_TYPE,
} from '@sigstore/bundle';
import type { RegistryErrorContext } from '../registry/index.ts';
import { decodeEnvelopeObject, type Statement } from './in-toto.ts';
import { asJsonObject, malformedAttestation, parseJsonObject } from './json.ts';

/** Bundle versions by media type (sigstore/protobuf-specs; @sigstore/bundle names each one). */
const BUNDLE_VERSIONS: Readonly<Record<string, SigstoreBundle['version']>> = {
	[BUNDLE_V01_MEDIA_TYPE]: 'v0.1',
	[BUNDLE_V02_MEDIA_TYPE]: 'v0.2',
	[BUNDLE_V03_LEGACY_MEDIA_TYPE]: 'v0.3',
	[BUNDLE_V03_MEDIA_TYPE]: 'v0.3',
};

/** True for a Sigstore bundle media type of any version (a referrer's artifactType or its layer's media type). */
export function isBundleMediaType(mediaType: string | undefined): boolean {
	return mediaType !== undefined && mediaType in BUNDLE_VERSIONS;
}

/** What a Sigstore bundle holds, as far as reading (not verifying) goes. */
export interface SigstoreBundle {
	/** Bundle version, from its `mediaType`. */
	version: 'v0.1' | 'v0.2' | 'v0.3';
	/** A signature over bytes (message signature), or a signed in-toto Statement (DSSE envelope). */
	content: 'message-signature' | 'dsse-envelope';
	/** The Statement of a DSSE bundle; null for a message signature. */
	statement: Statement | null;
}

/**
 * Read a Sigstore bundle of version 0.1, 0.2 or 0.3: its version and content, and the Statement of a DSSE bundle.
 * The verification material is left to the verifier.
 */
export function readSigstoreBundle(bytes: Buffer, context: RegistryErrorContext): SigstoreBundle {
	const bundle = parseJsonObject(bytes, 'the Sigstore bundle', context);
	const version = typeof bundle.mediaType === 'string' ? BUNDLE_VERSIONS[bundle.mediaType] : undefined;
	if (!version) throw malformedAttestation(`unknown Sigstore bundle mediaType ${JSON.stringify(bundle.mediaType)}`, context);
	const envelope = asJsonObject(bundle.dsseEnvelope);
	if (envelope) return { version, content: 'dsse-envelope', statement: decodeEnvelopeObject(envelope, context) };
	if (asJsonObject(bundle.messageSignature)) return { version, content: 'message-signature', statement: null };
	throw malformedAttestation('the Sigstore bundle has neither dsseEnvelope nor messageSignature', context);
}
