import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Parse `git log --format=t:%ct --name-only` output into the newest commit time of each file.
 *
 * git prints newest commits first, so the first time a path appears is its latest change.
 */
export function parseGitLog(output: string): Map<string, Date> {
	const dates = new Map<string, Date>();
	let current: Date | undefined;
	for (const line of output.split('\n')) {
		if (line.startsWith('t:')) {
			current = new Date(Number(line.slice(2)) * 1000);
		} else if (line && current && !dates.has(line)) {
			dates.set(line, current);
		}
	}
	return dates;
}

/**
 * Read the last commit date of every file under a folder with one git call for the whole folder.
 *
 * Paths in the result are relative to the repository root. Outside a git checkout (a tarball, a shallow
 * export) the map is empty and pages fall back to their front matter dates.
 */
export function readGitDates(folder: string, cwd = process.cwd()): Map<string, Date> {
	try {
		const output = execFileSync('git', ['log', '--format=t:%ct', '--name-only', '--no-renames', '--', resolve(cwd, folder)], {
			cwd,
			encoding: 'utf8',
			// Large histories overflow the 1 MB default (starlight#3154 hit it at 17,000 commits).
			maxBuffer: 64 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		return parseGitLog(output);
	} catch {
		return new Map();
	}
}
