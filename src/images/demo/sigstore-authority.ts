// A demo Sigstore: certificate authority (like Fulcio), transparency log (like Rekor v1) and certificate-transparency
// log, all derived from a published seed, that signs the demo images the way cosign stores signatures and emits the
// trusted root that verifies them. DEMO ONLY: anyone can rebuild these private keys from the seed, which is why the
// verifier refuses a trust root holding them for any registry but the demo (src/attestations/verify/trust-root.ts).
//
// Byte-reproducible by construction, so `npm run images:demo` changes no byte: keys come from the seed, every time is
// given (never read from the clock), ECDSA signatures use RFC 6979 deterministic nonces (@noble/curves; Node's crypto
// only signs with random nonces), log indexes are derived from the entry body instead of an order-dependent counter,
// and each entry sits in a one-leaf tree whose checkpoint is signed like Rekor's.
import { createHash } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
	AlgorithmIdentifier,
	AttributeTypeAndValue,
	AttributeValue,
	AuthorityKeyIdentifier,
	BasicConstraints,
	Certificate,
	ExtendedKeyUsage,
	Extension,
	Extensions,
	GeneralName,
	KeyIdentifier,
	KeyUsage,
	KeyUsageFlags,
	Name,
	RelativeDistinguishedName,
	SubjectAlternativeName,
	SubjectKeyIdentifier,
	SubjectPublicKeyInfo,
	TBSCertificate,
	Validity,
	Version,
} from '@peculiar/asn1-x509';
import { dsse, json, pem } from '@sigstore/core';
import { CosignAnnotation } from '../../attestations/verify/cosign.ts';
import { DEMO_TRUST_ROOT_NAME, parseTrustRoot, type TrustRoot } from '../../attestations/verify/trust-root.ts';
import { DEMO_SIGNING_POLICY } from './registry.ts';

export { DEMO_SIGNING_POLICY };

/** The published seed every demo key derives from. Changing it changes every demo key (update DEMO_KEY_FINGERPRINTS). */
export const DEMO_SIGSTORE_SEED = 'supply-chain-academy demo sigstore v1: these keys are public, never trust them';

const CA_VALID_FROM = new Date('2025-01-01T00:00:00Z');
const CA_VALID_UNTIL = new Date('2035-01-01T00:00:00Z');
/** Fulcio certificates live ten minutes; the transparency log proves the signature was made inside them. */
const LEAF_LIFETIME_MS = 10 * 60 * 1000;
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
const OID = {
	codeSigning: '1.3.6.1.5.5.7.3.3',
	fulcioIssuerV1: '1.3.6.1.4.1.57264.1.1',
	fulcioIssuerV2: '1.3.6.1.4.1.57264.1.8',
	sctList: '1.3.6.1.4.1.11129.2.4.2',
	commonName: '2.5.4.3',
	organization: '2.5.4.10',
};
const REKOR_HOST = 'rekor.demo.invalid';
const IN_TOTO = 'application/vnd.in-toto+json';

/** When and as whom a demo signature is made; tests change these to produce each failure. */
export interface DemoSigningOptions {
	/** Certificate identity (SAN URI); default DEMO_SIGNING_POLICY.certificateIdentity. */
	identity?: string;
	/** OIDC issuer written in the certificate; default DEMO_SIGNING_POLICY.certificateOidcIssuer. */
	issuer?: string;
	/** Start of the certificate's ten-minute validity. */
	signedAt: Date;
	/** When the log integrates the entry; default one second after signedAt. */
	loggedAt?: Date;
}

/** A cosign `.sig` or `.att` layer's annotations, and for `.att` the DSSE envelope that is its blob. */
export interface DemoCosignLayer {
	/** The layer blob: the payload for `.sig`, the DSSE envelope JSON for `.att`. */
	blob: Buffer<ArrayBuffer>;
	annotations: Record<string, string>;
}

/** The demo authority: signs in both of cosign's layouts and emits the trusted root that verifies them. */
export interface DemoAuthority {
	/** trusted_root.json of this authority (the format `cosign verify --trusted-root` reads). */
	readonly trustedRoot: Record<string, unknown>;
	/** The trusted root parsed for the verifier (named `demo`, demo-only). */
	trustRoot(): TrustRoot;
	/** A `.sig` layer: the simple-signing payload as the blob, signature, certificate, chain and Rekor bundle annotations. */
	cosignSignature(payload: Buffer<ArrayBuffer>, options: DemoSigningOptions): DemoCosignLayer;
	/** An `.att` layer: an in-toto Statement in a DSSE envelope, with certificate, chain and Rekor bundle annotations. */
	cosignAttestation(statement: Buffer, options: DemoSigningOptions, predicateType: string): DemoCosignLayer;
	/** A Sigstore bundle v0.3 (DSSE, inclusion proof and promise) for an OCI referrer layer. */
	dsseBundle(statement: Buffer, options: DemoSigningOptions): Buffer<ArrayBuffer>;
	/** A Sigstore bundle v0.3 with a message signature over `artifact` (e.g. a manifest), for an OCI referrer layer. */
	messageBundle(artifact: Buffer, options: DemoSigningOptions): Buffer<ArrayBuffer>;
}

interface KeyPair {
	secret: Uint8Array;
	spki: Buffer;
}

function sha256(...parts: Uint8Array[]): Buffer {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part);
	return hash.digest();
}

/** A P-256 key pair derived from the seed and a label: the same bytes on every machine. */
function deriveKey(seed: string, label: string): KeyPair {
	const secret = p256.utils.randomSecretKey(createHash('sha384').update(`${seed}/${label}`).digest());
	return { secret, spki: Buffer.concat([P256_SPKI_PREFIX, p256.getPublicKey(secret, false)]) };
}

/** Deterministic (RFC 6979) ECDSA P-256 with SHA-256, DER-encoded as X.509, Rekor and DSSE expect. */
function sign(key: KeyPair, data: Uint8Array): Buffer {
	return Buffer.from(p256.sign(data, key.secret, { format: 'der' }));
}

function name(commonName: string): Name {
	const attribute = (type: string, value: string) =>
		new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) })]);
	return new Name([attribute(OID.organization, 'demo.invalid'), attribute(OID.commonName, commonName)]);
}

function extension(extnID: string, critical: boolean, value: ArrayBuffer | Uint8Array): Extension {
	return new Extension({ extnID, critical, extnValue: new OctetString(value) });
}

function keyIdentifier(key: KeyPair): Uint8Array {
	return sha256(key.spki).subarray(0, 20);
}

/** A certificate: the TBS structure DER-encoded, signed by the issuer key. */
function certificate(tbs: TBSCertificate, issuer: KeyPair): Buffer {
	const signatureValue = sign(issuer, new Uint8Array(AsnConvert.serialize(tbs)));
	return Buffer.from(
		AsnConvert.serialize(
			new Certificate({
				tbsCertificate: tbs,
				signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
				signatureValue: new Uint8Array(signatureValue).buffer,
			}),
		),
	);
}

function tbs(fields: {
	serial: Uint8Array;
	issuer: Name;
	subject: Name;
	from: Date;
	until: Date;
	key: KeyPair;
	extensions: Extension[];
}): TBSCertificate {
	const serial = Buffer.from(fields.serial);
	serial[0] &= 0x7f; // a positive INTEGER
	return new TBSCertificate({
		version: Version.v3,
		serialNumber: new Uint8Array(serial).buffer,
		signature: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
		issuer: fields.issuer,
		validity: new Validity({ notBefore: fields.from, notAfter: fields.until }),
		subject: fields.subject,
		subjectPublicKeyInfo: AsnConvert.parse(fields.key.spki, SubjectPublicKeyInfo),
		extensions: new Extensions(fields.extensions),
	});
}

/** A TLS-encoded length prefix of `bytes` bytes. */
function uint(value: number, bytes: number): Buffer {
	const buffer = Buffer.alloc(bytes);
	buffer.writeUIntBE(value, 0, bytes);
	return buffer;
}

/** Create the demo authority for `seed` (another seed gives an unrelated authority, e.g. an untrusted CA in tests). */
export function createDemoAuthority(seed: string = DEMO_SIGSTORE_SEED): DemoAuthority {
	const caKey = deriveKey(seed, 'ca');
	const logKey = deriveKey(seed, 'rekor');
	const ctKey = deriveKey(seed, 'ctlog');
	const leafKey = deriveKey(seed, 'leaf');
	const logId = sha256(logKey.spki);
	const ctLogId = sha256(ctKey.spki);
	const caName = name('Supply Chain Academy demo CA (not a real CA)');
	const caCertificate = certificate(
		tbs({
			serial: sha256(Buffer.from(`${seed}/ca-serial`)).subarray(0, 16),
			issuer: caName,
			subject: caName,
			from: CA_VALID_FROM,
			until: CA_VALID_UNTIL,
			key: caKey,
			extensions: [
				extension('2.5.29.15', true, AsnConvert.serialize(new KeyUsage(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign))),
				extension('2.5.29.19', true, AsnConvert.serialize(new BasicConstraints({ cA: true, pathLenConstraint: 0 }))),
				extension('2.5.29.14', false, AsnConvert.serialize(new SubjectKeyIdentifier(keyIdentifier(caKey)))),
			],
		}),
		caKey,
	);
	const caPem = pem.fromDER(caCertificate);
	const leaves = new Map<string, { der: Buffer; pem: string }>();

	/** The SCT a CT log returns for the precertificate: RFC 6962 section 3.2, over the TBS without the SCT extension. */
	function sct(preTbs: ArrayBuffer, timestampMs: number): Buffer {
		const timestamp = Buffer.alloc(8);
		timestamp.writeBigUInt64BE(BigInt(timestampMs));
		const signed = Buffer.concat([
			Buffer.from([0, 0]), // version v1, signature type certificate_timestamp
			timestamp,
			uint(1, 2), // entry type precert_entry
			sha256(caKey.spki),
			uint(preTbs.byteLength, 3),
			Buffer.from(preTbs),
			uint(0, 2), // no extensions
		]);
		const signature = sign(ctKey, signed);
		const body = Buffer.concat([
			Buffer.from([0]),
			ctLogId,
			timestamp,
			uint(0, 2),
			Buffer.from([4, 3]),
			uint(signature.length, 2),
			signature,
		]);
		const list = Buffer.concat([uint(body.length, 2), body]);
		return Buffer.concat([uint(list.length, 2), list]);
	}

	/** The short-lived signing certificate Fulcio would issue for `identity` at `signedAt`. */
	function leaf(options: DemoSigningOptions): { der: Buffer; pem: string } {
		const identity = options.identity ?? DEMO_SIGNING_POLICY.certificateIdentity;
		const issuer = options.issuer ?? DEMO_SIGNING_POLICY.certificateOidcIssuer;
		const cacheKey = `${identity}\n${issuer}\n${options.signedAt.toISOString()}`;
		const cached = leaves.get(cacheKey);
		if (cached) return cached;
		const extensions = [
			extension('2.5.29.15', true, AsnConvert.serialize(new KeyUsage(KeyUsageFlags.digitalSignature))),
			extension('2.5.29.37', false, AsnConvert.serialize(new ExtendedKeyUsage([OID.codeSigning]))),
			extension('2.5.29.14', false, AsnConvert.serialize(new SubjectKeyIdentifier(keyIdentifier(leafKey)))),
			extension(
				'2.5.29.35',
				false,
				AsnConvert.serialize(new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyIdentifier(caKey)) })),
			),
			extension(
				'2.5.29.17',
				true,
				AsnConvert.serialize(new SubjectAlternativeName([new GeneralName({ uniformResourceIdentifier: identity })])),
			),
			extension(OID.fulcioIssuerV1, false, Buffer.from(issuer)),
			extension(OID.fulcioIssuerV2, false, AsnConvert.serialize(new AttributeValue({ utf8String: issuer }))),
		];
		const fields = {
			serial: sha256(Buffer.from(cacheKey)).subarray(0, 16),
			issuer: caName,
			subject: new Name([]),
			from: options.signedAt,
			until: new Date(options.signedAt.getTime() + LEAF_LIFETIME_MS),
			key: leafKey,
		};
		const preTbs = AsnConvert.serialize(tbs({ ...fields, extensions }));
		const sctList = AsnConvert.serialize(new OctetString(sct(preTbs, options.signedAt.getTime())));
		const der = certificate(tbs({ ...fields, extensions: [...extensions, extension(OID.sctList, false, sctList)] }), caKey);
		const made = { der, pem: pem.fromDER(der) };
		leaves.set(cacheKey, made);
		return made;
	}

	/** A Rekor v1 entry for `body`: index derived from the body, SET over it, one-leaf Merkle tree with a signed checkpoint. */
	function logEntry(body: Record<string, unknown>, options: DemoSigningOptions) {
		const canonical = Buffer.from(json.canonicalize(body));
		const logIndex = sha256(canonical).readUInt32BE(0) % 100_000_000;
		const integratedTime = Math.floor((options.loggedAt ?? new Date(options.signedAt.getTime() + 1000)).getTime() / 1000);
		const set = sign(
			logKey,
			Buffer.from(
				json.canonicalize({ body: canonical.toString('base64'), integratedTime, logIndex, logID: logId.toString('hex') }),
			),
		);
		const rootHash = sha256(Buffer.from([0]), canonical);
		const note = `${REKOR_HOST} - demo\n1\n${rootHash.toString('base64')}\n`;
		const noteSignature = Buffer.concat([logId.subarray(0, 4), sign(logKey, Buffer.from(note))]);
		return {
			canonical,
			rekorBundle: {
				SignedEntryTimestamp: set.toString('base64'),
				Payload: { body: canonical.toString('base64'), integratedTime, logIndex, logID: logId.toString('hex') },
			},
			serialized: {
				logIndex: String(logIndex),
				logId: { keyId: logId.toString('base64') },
				kindVersion: { kind: body.kind as string, version: body.apiVersion as string },
				integratedTime: String(integratedTime),
				inclusionPromise: { signedEntryTimestamp: set.toString('base64') },
				inclusionProof: {
					logIndex: '0',
					rootHash: rootHash.toString('base64'),
					treeSize: '1',
					hashes: [],
					checkpoint: { envelope: `${note}\n\u2014 ${REKOR_HOST} ${noteSignature.toString('base64')}\n` },
				},
				canonicalizedBody: canonical.toString('base64'),
			},
		};
	}

	function signMessage(payload: Buffer, options: DemoSigningOptions) {
		const certificate = leaf(options);
		const signature = sign(leafKey, payload);
		const entry = logEntry(
			{
				apiVersion: '0.0.1',
				kind: 'hashedrekord',
				spec: {
					data: { hash: { algorithm: 'sha256', value: sha256(payload).toString('hex') } },
					signature: {
						content: signature.toString('base64'),
						publicKey: { content: Buffer.from(certificate.pem).toString('base64') },
					},
				},
			},
			options,
		);
		return { certificate, signature, entry };
	}

	function signEnvelope(statement: Buffer, options: DemoSigningOptions) {
		const certificate = leaf(options);
		const signature = sign(leafKey, dsse.preAuthEncoding(IN_TOTO, statement));
		const envelope = {
			payloadType: IN_TOTO,
			payload: statement.toString('base64'),
			signatures: [{ keyid: '', sig: signature.toString('base64') }],
		};
		const envelopeJson = Buffer.from(JSON.stringify(envelope));
		const entry = logEntry(
			{
				apiVersion: '0.0.1',
				kind: 'dsse',
				spec: {
					envelopeHash: { algorithm: 'sha256', value: sha256(envelopeJson).toString('hex') },
					payloadHash: { algorithm: 'sha256', value: sha256(statement).toString('hex') },
					signatures: [{ signature: signature.toString('base64'), verifier: Buffer.from(certificate.pem).toString('base64') }],
				},
			},
			options,
		);
		return { certificate, envelope, envelopeJson, entry };
	}

	function cosignAnnotations(certificatePem: string, rekorBundle: unknown): Record<string, string> {
		return {
			[CosignAnnotation.certificate]: certificatePem,
			[CosignAnnotation.chain]: caPem,
			[CosignAnnotation.rekorBundle]: JSON.stringify(rekorBundle),
		};
	}

	function bundle(certificateDer: Buffer, entry: { serialized: unknown }, content: Record<string, unknown>): Buffer<ArrayBuffer> {
		return Buffer.from(
			JSON.stringify({
				mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
				verificationMaterial: { certificate: { rawBytes: certificateDer.toString('base64') }, tlogEntries: [entry.serialized] },
				...content,
			}),
		);
	}

	const trustedRoot = {
		mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
		tlogs: [logInstance(`https://${REKOR_HOST}`, logKey, logId)],
		certificateAuthorities: [
			{
				subject: { organization: 'demo.invalid', commonName: 'Supply Chain Academy demo CA (not a real CA)' },
				uri: 'https://fulcio.demo.invalid',
				certChain: { certificates: [{ rawBytes: caCertificate.toString('base64') }] },
				validFor: { start: CA_VALID_FROM.toISOString(), end: CA_VALID_UNTIL.toISOString() },
			},
		],
		ctlogs: [logInstance('https://ctfe.demo.invalid', ctKey, ctLogId)],
		timestampAuthorities: [],
	};
	let parsed: TrustRoot | undefined;

	return {
		trustedRoot,
		trustRoot() {
			parsed ??= parseTrustRoot(trustedRoot, DEMO_TRUST_ROOT_NAME, 'the demo Sigstore authority');
			return parsed;
		},
		cosignSignature(payload, options) {
			const { certificate, signature, entry } = signMessage(payload, options);
			return {
				blob: payload,
				annotations: {
					[CosignAnnotation.signature]: signature.toString('base64'),
					...cosignAnnotations(certificate.pem, entry.rekorBundle),
				},
			};
		},
		cosignAttestation(statement, options, predicateType) {
			const { certificate, envelopeJson, entry } = signEnvelope(statement, options);
			return { blob: envelopeJson, annotations: { predicateType, ...cosignAnnotations(certificate.pem, entry.rekorBundle) } };
		},
		dsseBundle(statement, options) {
			const { certificate, envelope, entry } = signEnvelope(statement, options);
			return bundle(certificate.der, entry, { dsseEnvelope: envelope });
		},
		messageBundle(artifact, options) {
			const { certificate, signature, entry } = signMessage(artifact, options);
			return bundle(certificate.der, entry, {
				messageSignature: {
					messageDigest: { algorithm: 'SHA2_256', digest: sha256(artifact).toString('base64') },
					signature: signature.toString('base64'),
				},
			});
		},
	};
}

function logInstance(baseUrl: string, key: KeyPair, id: Buffer) {
	return {
		baseUrl,
		hashAlgorithm: 'SHA2_256',
		publicKey: {
			rawBytes: key.spki.toString('base64'),
			keyDetails: 'PKIX_ECDSA_P256_SHA_256',
			validFor: { start: CA_VALID_FROM.toISOString() },
		},
		logId: { keyId: id.toString('base64') },
	};
}
