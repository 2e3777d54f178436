// Certificates parsed once per run. @sigstore/core's X509Certificate encodes the whole certificate to DER again on
// every `equals`, `clone` and `verify`, and @sigstore/verify's chain builder calls them several times per signature, so
// checking thousands of layers signed with a few certificates spent most of a sync's CPU re-encoding the same bytes and
// re-checking the same issuer signatures. Everything memoized here is a pure function of bytes that never change once
// parsed, or (the SCT) of those bytes and the trust root, which is fixed per cache; the checks that depend on the
// signature (validity at its log time, the log entry, the signature over the payload, the identity) still run for
// every layer.
import { EXTENSION_OID_SCT, X509Certificate } from '@sigstore/core';
import type { Bundle } from '@sigstore/bundle';
import {
	Verifier,
	toSignedEntity,
	type SignedEntity,
	type Signer,
	type TrustMaterial,
	type VerifierOptions,
} from '@sigstore/verify';

/** A certificate whose DER encoding, public key and issuer signature checks are computed once. */
export class ParsedCertificate extends X509Certificate {
	#der: Buffer | undefined;
	#publicKey: Buffer | undefined;
	/** Whether `issuer` (undefined: itself) signed this certificate, by issuer certificate. */
	readonly #signedBy = new Map<X509Certificate | undefined, boolean>();
	#sctVerified = false;
	/** The copy without the SCT extension that `clone()` hands out once the SCT is known to be valid. */
	#withoutSct: X509Certificate | undefined;

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

	/** Whether a verification with this certificate passed, SCT included (set by CertificateVerifier). */
	get sctVerified(): boolean {
		return this.#sctVerified;
	}

	/** Record that a full verification with this certificate passed, so its SCT is valid under the cache's trust root. */
	recordSctVerified(): void {
		this.#sctVerified = true;
	}

	/**
	 * A plain copy. The library clones a certificate only to check its SCT (it removes the SCT extension from the
	 * copy and re-encodes the rest); once that check passed, the copy comes without the extension, so there is nothing
	 * left to check and the library finds no SCT. That copy is made once: with no SCT extension in it the library only
	 * reads it, and its extension list is frozen so that any change would throw instead of reaching the next layer.
	 */
	override clone(): X509Certificate {
		if (!this.#sctVerified) return X509Certificate.parse(Buffer.from(this.der));
		if (!this.#withoutSct) {
			const copy = X509Certificate.parse(Buffer.from(this.der));
			const { extensions } = copy;
			for (let at = extensions.length - 1; at >= 0; at--) {
				if (extensions[at]!.subs[0]?.toOID() === EXTENSION_OID_SCT) extensions.splice(at, 1);
			}
			Object.freeze(extensions);
			this.#withoutSct = copy;
		}
		return this.#withoutSct;
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

/**
 * @sigstore/verify's Verifier with a cache of leaf certificates: each certificate is parsed, its chain's signatures
 * checked and its SCT verified once. The SCT (a CT log's signature over the certificate without that extension and
 * the issuer's key) depends only on the certificate's bytes and the trust root's CT log keys, both fixed here; the
 * issuer is whichever CA key signed the certificate, so it is the same for every layer. After the first verification
 * that passes with a certificate, later ones skip the SCT (the library gets a copy without it, and a CT log threshold of
 * 0); a verification that fails records nothing, so a bad SCT is checked, and rejected, every time.
 */
export class CertificateVerifier {
	readonly #full: Verifier;
	readonly #sctKnown: Verifier;
	readonly #certificates = new CertificateCache();

	constructor(material: TrustMaterial, options: VerifierOptions) {
		this.#full = new Verifier(material, options);
		this.#sctKnown = new Verifier(material, { ...options, ctlogThreshold: 0 });
	}

	/** Verify `bundle` (over `artifact`, for a message signature) as @sigstore/verify does; throws its VerificationError. */
	verify(bundle: Bundle, artifact?: Buffer): Signer {
		const material = bundle.verificationMaterial;
		const der =
			material.content.$case === 'x509CertificateChain'
				? material.content.x509CertificateChain.certificates[0]?.rawBytes
				: material.content.$case === 'certificate'
					? material.content.certificate.rawBytes
					: undefined;
		if (!der) return this.#full.verify(toSignedEntity(bundle, artifact));
		// toSignedEntity would parse the certificate again: it gets an empty key hint in its place, then the cached one.
		// Only certificates of this cache reach the library here, so an SCT recorded as verified was verified under
		// this trust root.
		const keyless = {
			...bundle,
			verificationMaterial: { ...material, content: { $case: 'publicKey' as const, publicKey: { hint: '' } } },
		};
		const certificate = this.#certificates.get(der);
		const entity: SignedEntity = { ...toSignedEntity(keyless, artifact), key: { $case: 'certificate', certificate } };
		if (certificate.sctVerified) return this.#sctKnown.verify(entity);
		const signer = this.#full.verify(entity);
		certificate.recordSctVerified();
		return signer;
	}
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
