// Certificates parsed once per run. @sigstore/core's X509Certificate encodes the whole certificate to DER again on
// every `equals`, `clone` and `verify`, and @sigstore/verify's chain builder calls them several times per signature, so
// checking thousands of layers signed with a few certificates spent most of a sync's CPU re-encoding the same bytes and
// re-checking the same issuer signatures. Everything memoized here is a pure function of bytes that never change once
// parsed; the checks that depend on the signature (validity at its log time, the SCT, the log entry, the signature over
// the payload) still run for every layer.
import { X509Certificate } from '@sigstore/core';
import type { TrustMaterial } from '@sigstore/verify';

/** A certificate whose DER encoding, public key and issuer signature checks are computed once. */
export class ParsedCertificate extends X509Certificate {
	#der: Buffer | undefined;
	#publicKey: Buffer | undefined;
	/** Whether `issuer` (undefined: itself) signed this certificate, by issuer certificate. */
	readonly #signedBy = new Map<X509Certificate | undefined, boolean>();

	/** Parse DER bytes (copied, so the caller's buffer may change afterwards). */
	static fromDer(der: Uint8Array): ParsedCertificate {
		return new ParsedCertificate(X509Certificate.parse(Buffer.from(der)).root);
	}

	/** The certificate's DER encoding, as the library re-encodes it. */
	get der(): Buffer {
		this.#der ??= this.root.toDER();
		return this.#der;
	}

	override get publicKey(): Buffer {
		this.#publicKey ??= super.publicKey;
		return this.#publicKey;
	}

	override equals(other: X509Certificate): boolean {
		return this.der.equals(other instanceof ParsedCertificate ? other.der : other.root.toDER());
	}

	override verify(issuer?: X509Certificate): boolean {
		let verified = this.#signedBy.get(issuer);
		if (verified === undefined) {
			verified = super.verify(issuer);
			this.#signedBy.set(issuer, verified);
		}
		return verified;
	}

	/** A fresh, plain copy: the SCT check removes an extension from the copy it gets. */
	override clone(): X509Certificate {
		return X509Certificate.parse(Buffer.from(this.der));
	}
}

/** `material` with its certificate authorities' certificates as ParsedCertificate, so their checks run once. */
export function withParsedAuthorities(material: TrustMaterial): TrustMaterial {
	const parsed = (authorities: TrustMaterial['certificateAuthorities']) =>
		authorities.map((authority) => ({
			...authority,
			certChain: authority.certChain.map((cert) => ParsedCertificate.fromDer(cert.root.toDER())),
		}));
	return {
		...material,
		certificateAuthorities: parsed(material.certificateAuthorities),
		timestampAuthorities: parsed(material.timestampAuthorities),
	};
}

/** Leaf certificates of one verifier (one trust root), parsed once each and found again by their DER bytes. */
export class CertificateCache {
	readonly #byDer = new Map<string, ParsedCertificate>();

	/** The parsed certificate for `der`. */
	get(der: Uint8Array): ParsedCertificate {
		const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
		let certificate = this.#byDer.get(key);
		if (!certificate) {
			certificate = ParsedCertificate.fromDer(der);
			this.#byDer.set(key, certificate);
		}
		return certificate;
	}
}
