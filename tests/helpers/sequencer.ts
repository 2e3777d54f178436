import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Folders and files of tests in the order they start. The unit files and the integration files against registries
 * need no site, so they run while `npm test` builds dist/ (tests/helpers/site-build.ts). Then the files that build the
 * site again, the two with the most builds first, one to each worker (live registry mode makes two full builds and two
 * that fail, reproducibility two); then the two halves of the axe checks and the image pages, the longest browser
 * files, named here since a fresh checkout has no timings from earlier runs (vitest then starts the largest files first,
 * and the axe halves are small); then the other build, browser and short integration files, so the two workers finish
 * close together.
 */
const RUN_ORDER = [
	'tests/unit/',
	'tests/integration/registry/',
	'tests/integration/images/',
	'tests/integration/content/',
	'tests/integration/site/live-registry.test.ts',
	'tests/integration/site/reproducible.test.ts',
	'tests/browser/accessibility-',
	'tests/browser/images.test.ts',
	'tests/integration/site/',
	'tests/browser/',
	'tests/integration/',
];

/** Rank of a test file: the first entry of RUN_ORDER it is in or is; files in no entry run last. */
function rank(spec: TestSpecification): number {
	const index = RUN_ORDER.findIndex((folder) => spec.moduleId.includes(`/${folder}`));
	return index === -1 ? RUN_ORDER.length : index;
}

/** Vitest's order (earlier failures, then longer files first) within each folder of RUN_ORDER. */
export class SuiteOrderSequencer extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const position = new Map(sorted.map((spec, index) => [spec, index]));
		return sorted.sort((a, b) => rank(a) - rank(b) || position.get(a)! - position.get(b)!);
	}
}
