// Loaders for tests/fixtures/sigstore/ (origins in its README) and the layer shapes the sync hands to the verifier.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pem } from '@sigstore/core';
import { CosignAnnotation, SignedMediaType, type SignedLayer } from '../../../../src/attestations/verify/index.ts';

const DIR = new URL('../../../fixtures/sigstore/', import.meta.url);

/** A fixture file's bytes. */
export function fixtureBytes(name: string): Buffer {
	return readFileSync(new URL(name, DIR));
}

/** A fixture bundle as JSON, a fresh copy each call so tests can tamper with it. */
export function fixtureBundle(name: string): any {
	return JSON.parse(fixtureBytes(`bundles/${name}`).toString('utf8'));
}

/** `sha256:<hex>` of bytes. */
export function sha256(bytes: Uint8Array | string): string {
	return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A layer as the sync reads it from a manifest: media type, digest of the bytes, annotations. */
export function layer(mediaType: string, bytes: Uint8Array | string, annotations?: Record<string, string>): SignedLayer {
	const buffer = Buffer.from(bytes);
	return { mediaType, digest: sha256(buffer), bytes: buffer, annotations };
}

/** A bundle as an OCI referrer layer. */
export function bundleLayer(bundle: unknown): SignedLayer {
	return layer(SignedMediaType.bundleV03, JSON.stringify(bundle));
}

/** The real keyless `.sig` layer (manifest annotations plus the payload blob) and the digest it signs. */
export function serverImageSignature() {
	const manifest = JSON.parse(fixtureBytes('cosign-layout/server_image.sig.manifest.json').toString('utf8'));
	const payload = fixtureBytes('cosign-layout/server_image.sig.payload.json');
	const annotations: Record<string, string> = { ...manifest.layers[0].annotations };
	return {
		annotations,
		payload,
		subject: 'sha256:120ef883bd7612aee0a100297def41014bf3e1aa321a0eaf4d0ebd9855d39a11',
		layer: (changes: { payload?: Buffer; annotations?: Record<string, string | undefined> } = {}) =>
			layer(
				SignedMediaType.cosignSimpleSigning,
				changes.payload ?? payload,
				Object.fromEntries(
					Object.entries({ ...annotations, ...changes.annotations }).filter(([, value]) => value !== undefined),
				) as Record<string, string>,
			),
	};
}

/**
 * The `.att` layer cosign writes for the same signature as a DSSE bundle: the envelope as the blob, the certificate and
 * the Rekor bundle as annotations. This is cosign's own mapping (cmd/cosign/cli/signcommon RekorBundleFromProtoTlogEntry),
 * so the real public-good signature is checked through the annotation path.
 */
export function attestationLayerFromBundle(bundle: any, predicateType: string): SignedLayer {
	const entry = bundle.verificationMaterial.tlogEntries[0];
	const rekorBundle = {
		SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
		Payload: {
			body: entry.canonicalizedBody,
			integratedTime: Number(entry.integratedTime),
			logIndex: Number(entry.logIndex),
			logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
		},
	};
	return layer(SignedMediaType.dsseEnvelope, JSON.stringify(bundle.dsseEnvelope), {
		predicateType,
		[CosignAnnotation.certificate]: pem.fromDER(Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64')),
		[CosignAnnotation.rekorBundle]: JSON.stringify(rekorBundle),
	});
}
