import { RegistryError, type RegistryErrorContext } from './errors.ts';
import { MediaType } from './manifest.ts';

/** Predicate types the client understands; others are listed by type only. */
export const PredicateType = {
	spdx: 'https://spdx.dev/Document',
	slsaV1: 'https://slsa.dev/provenance/v1',
	slsaV02: 'https://slsa.dev/provenance/v0.2',
	apkoConfig: 'https://apko.dev/image-configuration',
} as const;

const STATEMENT_TYPES: Record<string, 'v0.1' | 'v1'> = {
	'https://in-toto.io/Statement/v0.1': 'v0.1',
	'https://in-toto.io/Statement/v1': 'v1',
};

/** An in-toto Statement taken out of its DSSE envelope. */
export interface Statement {
	version: 'v0.1' | 'v1';
	predicateType: string;
	subjects: Array<{ name: string; digest: Record<string, string> }>;
	predicate: unknown;
}

/** One package of an SPDX SBOM, as the pages show it. */
export interface SbomPackage {
	name: string;
	version: string | null;
	/** SPDX licence expression (declared, else concluded); null for NOASSERTION or absent. */
	license: string | null;
	purl: string | null;
}

export interface SpdxSummary {
	spdxVersion: string;
	packages: SbomPackage[];
}

export interface ProvenanceSummary {
	predicateType: string;
	builderId: string | null;
	buildType: string | null;
}

/** The parts of apko's locked image configuration worth showing. */
export interface ApkoConfigSummary {
	packages: string[] | null;
	repositories: string[] | null;
	runAs: string | null;
	entrypoint: string | null;
	cmd: string | null;
	workDir: string | null;
	archs: string[] | null;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | null =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const asString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const asStrings = (value: unknown): string[] | null =>
	Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...(value as string[])] : null;

function malformed(what: string, context: RegistryErrorContext): RegistryError {
	return new RegistryError(
		'json',
		`Malformed attestation: ${what}`,
		'The attestation does not follow DSSE/in-toto; report it to the image publisher. Other attestations are still read.',
		context,
	);
}

/** Decode a DSSE envelope and the in-toto Statement inside it (Statement v0.1 or v1). */
export function decodeDsseStatement(envelopeBytes: Buffer, context: RegistryErrorContext): Statement {
	return statementFromEnvelope(parseObject(envelopeBytes, 'the DSSE envelope', context), context);
}

/** Parse bytes that must hold a JSON object. */
function parseObject(bytes: Buffer, what: string, context: RegistryErrorContext): Json {
	let parsed: Json | null;
	try {
		parsed = asObject(JSON.parse(bytes.toString('utf8')));
	} catch {
		parsed = null;
	}
	if (!parsed) throw malformed(`${what} is not a JSON object`, context);
	return parsed;
}

function statementFromEnvelope(envelope: Json, context: RegistryErrorContext): Statement {
	if (envelope.payloadType !== MediaType.inTotoPayload)
		throw malformed(`payloadType is ${JSON.stringify(envelope.payloadType)}, not ${MediaType.inTotoPayload}`, context);
	if (typeof envelope.payload !== 'string') throw malformed('the envelope has no base64 payload', context);
	const statement = parseObject(Buffer.from(envelope.payload, 'base64'), 'the payload (an in-toto Statement)', context);
	const version = STATEMENT_TYPES[String(statement._type)];
	if (!version) throw malformed(`unknown Statement _type ${JSON.stringify(statement._type)}`, context);
	const predicateType = asString(statement.predicateType);
	if (!predicateType) throw malformed('the Statement has no predicateType', context);
	const subjects = Array.isArray(statement.subject)
		? statement.subject.flatMap((subject) => {
				const entry = asObject(subject);
				const digest = asObject(entry?.digest);
				return entry && digest ? [{ name: String(entry.name ?? ''), digest: digest as Record<string, string> }] : [];
			})
		: [];
	return { version, predicateType, subjects, predicate: statement.predicate ?? null };
}

/** The Statement inside a Sigstore bundle (v0.3) that carries a DSSE envelope; null for message signatures. */
export function decodeBundleStatement(bundleBytes: Buffer, context: RegistryErrorContext): Statement | null {
	const bundle = parseObject(bundleBytes, 'the Sigstore bundle', context);
	const envelope = asObject(bundle.dsseEnvelope);
	return envelope ? statementFromEnvelope(envelope, context) : null;
}

function spdxLicense(pkg: Json): string | null {
	for (const field of ['licenseDeclared', 'licenseConcluded']) {
		const value = asString(pkg[field]);
		if (value && value !== 'NOASSERTION' && value !== 'NONE') return value;
	}
	return null;
}

function spdxPurl(pkg: Json): string | null {
	if (!Array.isArray(pkg.externalRefs)) return null;
	for (const ref of pkg.externalRefs) {
		const entry = asObject(ref);
		if (entry?.referenceType === 'purl') return asString(entry.referenceLocator);
	}
	return null;
}

/**
 * Packages of an SPDX 2.3 JSON document, sorted by name and version. The image itself and its operating system
 * (primaryPackagePurpose CONTAINER or OPERATING-SYSTEM) are not packages of the image.
 */
export function summarizeSpdx(predicate: unknown, context: RegistryErrorContext): SpdxSummary {
	const document = asObject(predicate);
	if (!document || typeof document.spdxVersion !== 'string' || !Array.isArray(document.packages)) {
		throw malformed('the SPDX predicate has no spdxVersion or packages', context);
	}
	const packages: SbomPackage[] = [];
	for (const item of document.packages) {
		const pkg = asObject(item);
		if (!pkg || typeof pkg.name !== 'string') throw malformed('an SPDX package has no name', context);
		if (pkg.primaryPackagePurpose === 'CONTAINER' || pkg.primaryPackagePurpose === 'OPERATING-SYSTEM') continue;
		packages.push({ name: pkg.name, version: asString(pkg.versionInfo), license: spdxLicense(pkg), purl: spdxPurl(pkg) });
	}
	packages.sort(
		(a, b) =>
			compareText(a.name, b.name) || compareText(a.version ?? '', b.version ?? '') || compareText(a.purl ?? '', b.purl ?? ''),
	);
	return { spdxVersion: document.spdxVersion, packages };
}

/** Builder id and build type of SLSA provenance v1 or v0.2. */
export function summarizeProvenance(predicateType: string, predicate: unknown): ProvenanceSummary {
	const body = asObject(predicate) ?? {};
	if (predicateType === PredicateType.slsaV1) {
		return {
			predicateType,
			builderId: asString(asObject(asObject(body.runDetails)?.builder)?.id),
			buildType: asString(asObject(body.buildDefinition)?.buildType),
		};
	}
	return { predicateType, builderId: asString(asObject(body.builder)?.id), buildType: asString(body.buildType) };
}

/** Packages, repositories, account and command of apko's image configuration. */
export function summarizeApkoConfig(predicate: unknown): ApkoConfigSummary {
	const config = asObject(predicate) ?? {};
	const contents = asObject(config.contents);
	const entrypoint = asObject(config.entrypoint);
	return {
		packages: asStrings(contents?.packages),
		repositories: asStrings(contents?.repositories),
		runAs: asString(asObject(config.accounts)?.['run-as']),
		entrypoint: asString(entrypoint?.command) ?? asString(entrypoint?.['shell-fragment']),
		cmd: asString(config.cmd),
		workDir: asString(config['work-dir']),
		archs: asStrings(config.archs),
	};
}

/** Code-unit comparison: the same order on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
