import type { RegistryErrorContext } from '../registry/index.ts';
import { parseApkoConfiguration } from '../attestations/apko.ts';
import { PredicateType } from '../attestations/in-toto.ts';
import { parseSlsaProvenance, type SlsaProvenance } from '../attestations/slsa.ts';
import { parseSpdxDocument, type SpdxPackage } from '../attestations/spdx.ts';
import { compareText } from '../lib/compare.ts';
import type { ImageConfiguration, Provenance, Sbom, SbomPackage } from './model.ts';

/** Package purposes that describe the image itself and its operating system, not a package it ships. */
const NOT_A_PACKAGE = ['CONTAINER', 'OPERATING-SYSTEM'];

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

/** The SBOM of an SPDX 2.3 predicate: its packages without the image and its operating system, in a stable order. */
export function sbomFromSpdx(predicate: unknown, context: RegistryErrorContext): Sbom {
	const document = parseSpdxDocument(predicate, context);
	const packages: SbomPackage[] = document.packages
		.filter((pkg) => !NOT_A_PACKAGE.includes(pkg.primaryPackagePurpose ?? ''))
		.map((pkg) => ({ name: pkg.name, version: pkg.versionInfo, license: spdxLicense(pkg), purl: spdxPurl(pkg) }));
	packages.sort(
		(a, b) =>
			compareText(a.name, b.name) || compareText(a.version ?? '', b.version ?? '') || compareText(a.purl ?? '', b.purl ?? ''),
	);
	return { format: document.spdxVersion, packages };
}

/** Builder and build type of SLSA provenance v1 or v0.2. */
export function provenanceFromSlsa(predicateType: SlsaProvenance['predicateType'], predicate: unknown): Provenance {
	const provenance = parseSlsaProvenance(predicateType, predicate);
	if (provenance.predicateType === PredicateType.slsaV1) {
		return {
			predicateType,
			builderId: provenance.predicate.runDetails?.builder?.id ?? null,
			buildType: provenance.predicate.buildDefinition?.buildType ?? null,
		};
	}
	return { predicateType, builderId: provenance.predicate.builder?.id ?? null, buildType: provenance.predicate.buildType };
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
