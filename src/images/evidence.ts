import { parseApkoConfiguration } from '../attestations/apko.ts';
import type { CycloneDxDocument } from '../attestations/cyclonedx.ts';
import { PredicateType } from '../attestations/in-toto.ts';
import type { SbomDocument } from '../attestations/sbom.ts';
import { parseSlsaProvenance, type SlsaProvenance } from '../attestations/slsa.ts';
import type { SpdxDocument, SpdxPackage } from '../attestations/spdx.ts';
import { compareText } from '../lib/compare.ts';
import type { ArtifactSource, AttachedTo, ImageConfiguration, Provenance, Sbom, SbomPackage } from './model.ts';

/** Where a piece of evidence was found, and whether it is the platform's own or its index's. */
export interface EvidenceOrigin {
	source: ArtifactSource;
	attachedTo: AttachedTo;
}

/** SPDX package purposes that describe the image itself and its operating system, not a package it ships. */
const SPDX_NOT_A_PACKAGE = ['CONTAINER', 'OPERATING-SYSTEM'];
/** The same for CycloneDX component types. */
const CYCLONEDX_NOT_A_PACKAGE = ['container', 'operating-system'];

/** The licence of an SPDX package: declared, else concluded; null when neither says anything (NOASSERTION, NONE). */
function spdxLicense(pkg: SpdxPackage): string | null {
	for (const value of [pkg.licenseDeclared, pkg.licenseConcluded]) {
		if (value && value !== 'NOASSERTION' && value !== 'NONE') return value;
	}
	return null;
}

/** The package URL of an SPDX package: the locator of its first `purl` reference. */
function spdxPurl(pkg: SpdxPackage): string | null {
	return pkg.externalRefs?.find((ref) => ref?.referenceType === 'purl')?.referenceLocator ?? null;
}

function spdxPackages(document: SpdxDocument): SbomPackage[] {
	return document.packages
		.filter((pkg) => !SPDX_NOT_A_PACKAGE.includes(pkg.primaryPackagePurpose ?? ''))
		.map((pkg) => ({ name: pkg.name, version: pkg.versionInfo, license: spdxLicense(pkg), purl: spdxPurl(pkg) }));
}

function cycloneDxPackages(document: CycloneDxDocument): SbomPackage[] {
	return document.components
		.filter((component) => !CYCLONEDX_NOT_A_PACKAGE.includes(component.type ?? ''))
		.map((component) => ({
			name: component.name,
			version: component.version,
			// CycloneDX lists licences without saying whether all or any apply, so none is joined with AND or OR.
			license: component.licenses.length > 0 ? component.licenses.join(', ') : null,
			purl: component.purl,
		}));
}

/**
 * The packages of an SBOM (SPDX 2 or CycloneDX JSON) without the image and its operating system, in a stable order;
 * null for a format the site does not read.
 */
export function sbomFromDocument(sbom: SbomDocument, origin: EvidenceOrigin): Sbom | null {
	if (sbom.kind === 'other') return null;
	const packages = sbom.kind === 'spdx' ? spdxPackages(sbom.document) : cycloneDxPackages(sbom.document);
	packages.sort(
		(a, b) =>
			compareText(a.name, b.name) || compareText(a.version ?? '', b.version ?? '') || compareText(a.purl ?? '', b.purl ?? ''),
	);
	const format = sbom.kind === 'spdx' ? sbom.document.spdxVersion : `CycloneDX ${sbom.document.specVersion}`;
	return { format, ...origin, packages };
}

/** Builder and build type of SLSA provenance v1 or v0.2, and where it was found. */
export function provenanceFromSlsa(
	predicateType: SlsaProvenance['predicateType'],
	predicate: unknown,
	origin: EvidenceOrigin,
): Provenance {
	const provenance = parseSlsaProvenance(predicateType, predicate);
	if (provenance.predicateType === PredicateType.slsaV1) {
		return {
			predicateType,
			builderId: provenance.predicate.runDetails?.builder?.id ?? null,
			buildType: provenance.predicate.buildDefinition?.buildType ?? null,
			...origin,
		};
	}
	return {
		predicateType,
		builderId: provenance.predicate.builder?.id ?? null,
		buildType: provenance.predicate.buildType,
		...origin,
	};
}

/** Packages, repositories, account and command of apko's image configuration. */
export function imageConfigurationFromApko(predicate: unknown): ImageConfiguration {
	const config = parseApkoConfiguration(predicate);
	return {
		packages: config.contents?.packages ?? null,
		repositories: config.contents?.repositories ?? null,
		runAs: config.accounts?.['run-as'] ?? null,
		entrypoint: config.entrypoint?.command ?? config.entrypoint?.['shell-fragment'] ?? null,
		cmd: config.cmd,
		workDir: config['work-dir'],
		archs: config.archs,
	};
}
