import { existsSync, readdirSync } from 'node:fs';
import { UsageError, describeError } from '../../src/lib/errors.ts';

/** Refuse output folders that already hold something: a benchmark never overwrites files. */
export function refuseNonEmptyFolders(folders: Record<string, string | undefined>): void {
	for (const [flag, dir] of Object.entries(folders)) {
		if (dir && existsSync(dir) && readdirSync(dir).length > 0) {
			throw new UsageError(
				`${flag} ${dir}: the folder exists and is not empty.`,
				'Pass a new or empty folder; nothing is overwritten.',
			);
		}
	}
}

/** Print a benchmark's failure, with its hint when it has one, and set a failing exit code. */
export function reportFailure(error: unknown): void {
	console.error(describeError(error));
	process.exitCode = 1;
}

/**
 * Read a benchmark's flags; a bad one (unknown, or a value out of range) prints its message and hint, without a stack
 * trace, and exits with 1 before any work starts.
 */
export function flagsOrExit<T>(read: () => T): T {
	try {
		return read();
	} catch (error) {
		reportFailure(error);
		process.exit();
	}
}
