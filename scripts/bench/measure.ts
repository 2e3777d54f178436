import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AcademyError } from '../../src/lib/errors.ts';

/** GNU time, whose `-v` report gives the peak resident memory of the build and its children. */
export const GNU_TIME = '/usr/bin/time';

/** A line the build printed, with the milliseconds since the build started. */
export interface TimedLine {
	ms: number;
	text: string;
}

/** Resource figures GNU `time -v` reports for the build process and the children it waited for. */
export interface TimeReport {
	/** Peak resident set size in kB of the largest single process. */
	maxRssKb: number;
	/** CPU seconds in user and kernel mode; on a shared machine they vary less than wall time. */
	userSeconds: number;
	systemSeconds: number;
}

/** What one timed build produced. */
export interface BuildRun extends TimeReport {
	exitCode: number;
	wallMs: number;
	lines: TimedLine[];
	/** Peak of the summed resident memory of the build and every process it started (Pagefind, esbuild, …), in kB. */
	peakTreeRssKb: number;
}

/** The fields of a `/proc/<pid>/stat` line after the command name, whose parentheses may hold spaces and parentheses. */
function statFields(stat: string): string[] {
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The parent pid in a `/proc/<pid>/stat` line. */
export function parentPid(stat: string): number {
	return Number(statFields(stat)[1]);
}

/** CPU seconds (user + system) a `/proc/<pid>/stat` line reports, at Linux's 100 clock ticks per second. */
export function cpuSeconds(stat: string): number {
	const fields = statFields(stat);
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A `Name:   123 kB` field of a /proc file, in kB; undefined when the file has no such line. */
function procKb(text: string, name: string): number | undefined {
	const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
	return match ? Number(match[1]) : undefined;
}

/**
 * The memory in kB one process of a tree holds, from its `/proc/<pid>/status` and `/proc/<pid>/smaps_rollup`: file and
 * shared-memory pages as resident, anonymous pages by their proportional share (0 for a zombie). A child that is forked
 * but not yet exec'd (Node spawning git or Pagefind) shares every anonymous page of its parent, and summing VmRSS counted
 * them twice: a 1.2 GB build read as 1.9 GB for one sample. Only a fork shares anonymous pages, so for every other
 * process this is its VmRSS.
 */
export function residentKb(status: string, rollup = ''): number {
	const anonymous = procKb(rollup, 'Pss_Anon') ?? procKb(status, 'RssAnon') ?? 0;
	return anonymous + (procKb(status, 'RssFile') ?? 0) + (procKb(status, 'RssShmem') ?? 0);
}

/** A process and all its descendants, given every process's parent. */
export function processTree(root: number, parents: ReadonlyMap<number, number>): number[] {
	const children = new Map<number, number[]>();
	for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
	const tree: number[] = [];
	const pending = [root];
	while (pending.length > 0) {
		const pid = pending.pop()!;
		tree.push(pid);
		pending.push(...(children.get(pid) ?? []));
	}
	return tree;
}

/** Read a file under /proc, or undefined when the process has exited in the meantime. */
function readProc(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

/** Every live process's `/proc/<pid>/stat` line, by pid. */
function processStats(): Map<number, string> {
	const stats = new Map<number, string>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const stat = readProc(`/proc/${name}/stat`);
		if (stat) stats.set(Number(name), stat);
	}
	return stats;
}

/** Each process's parent, from its stat line. */
function parentsOf(stats: ReadonlyMap<number, string>): Map<number, number> {
	return new Map([...stats].map(([pid, stat]) => [pid, parentPid(stat)]));
}

/** CPU seconds used so far by the given processes and all their descendants (e.g. nginx's workers), from /proc. */
export function treeCpuSeconds(roots: readonly number[]): number {
	const stats = processStats();
	const parents = parentsOf(stats);
	return roots
		.flatMap((root) => processTree(root, parents))
		.reduce((sum, pid) => {
			const stat = stats.get(pid);
			return stat ? sum + cpuSeconds(stat) : sum;
		}, 0);
}

/** The memory of a process tree right now, from /proc: each process by residentKb, summed. */
function treeRssKb(root: number): number {
	return processTree(root, parentsOf(processStats())).reduce(
		(sum, pid) => sum + residentKb(readProc(`/proc/${pid}/status`) ?? '', readProc(`/proc/${pid}/smaps_rollup`) ?? ''),
		0,
	);
}

/**
 * Sample the memory of a process tree until stopped; `stop` returns the peak in kB.
 *
 * GNU time reports the largest single process only, but a build also runs Pagefind's indexer (and Hugo or esbuild
 * helpers), whose memory adds up with the main process's at the same moment.
 */
export function watchTreeRss(root: number, intervalMs = 200): { stop: () => number } {
	let peak = treeRssKb(root);
	const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(root))), intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			return peak;
		},
	};
}

/** Read peak memory and CPU time from a GNU `time -v` report. */
export function parseTimeReport(report: string): TimeReport {
	const field = (label: string) => {
		const match = new RegExp(`${label}:\\s*([\\d.]+)`).exec(report);
		if (!match)
			throw new AcademyError(
				`GNU time report has no "${label}" line:\n${report}`,
				'Run the benchmark with GNU time 1.9 (apt-get install time).',
			);
		return Number(match[1]);
	};
	return {
		maxRssKb: field('Maximum resident set size \\(kbytes\\)'),
		userSeconds: field('User time \\(seconds\\)'),
		systemSeconds: field('System time \\(seconds\\)'),
	};
}

/** Strip ANSI colour codes so log lines can be matched and stored as plain text. */
export function plainText(line: string): string {
	return line.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Astro prints one line per rendered page, e.g. "  ├─ /open-source/wolfi/article-0001/index.html (+14ms)". */
const PAGE_LINE = /[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/;

/** Total render time and page count per first URL segment, from Astro's per-page log lines; slowest group first. */
export function renderTimeByRoute(lines: readonly TimedLine[]): { route: string; pages: number; ms: number }[] {
	const groups = new Map<string, { pages: number; ms: number }>();
	for (const { text } of lines) {
		const match = PAGE_LINE.exec(text);
		if (!match) continue;
		const segments = match[1]!.split('/').filter(Boolean);
		const route = segments.length > 1 ? `/${segments[0]}/` : '/';
		const ms = Number(match[2]) * (match[3] === 's' ? 1000 : 1);
		const group = groups.get(route) ?? { pages: 0, ms: 0 };
		group.pages += 1;
		group.ms += ms;
		groups.set(route, group);
	}
	return [...groups].map(([route, group]) => ({ route, ...group })).sort((a, b) => b.ms - a.ms);
}

/**
 * Astro's phase lines (tagged like "[build]", "[content]", "[vite]" or an integration name), without per-page lines.
 *
 * A warning repeated per file (only the quoted path differs) is kept once, at its first time, with its count.
 */
export function phaseLines(lines: readonly TimedLine[]): TimedLine[] {
	const kept: { line: TimedLine; count: number }[] = [];
	const byTemplate = new Map<string, { line: TimedLine; count: number }>();
	for (const line of lines) {
		if (!/\[[\w@/.-]+\]/.test(line.text) || PAGE_LINE.test(line.text)) continue;
		const template = line.text.replace(/^\d\d:\d\d:\d\d /, '').replace(/"[^"]*"/g, '"…"');
		const seen = byTemplate.get(template);
		if (seen && line.text.includes('[WARN]')) {
			seen.count += 1;
			continue;
		}
		const entry = { line, count: 1 };
		byTemplate.set(template, entry);
		kept.push(entry);
	}
	return kept.map(({ line, count }) => (count > 1 ? { ms: line.ms, text: `${line.text} (×${count})` } : line));
}

/** Count the HTML pages and add up the bytes of every file under a folder. */
export function folderStats(folder: string): { htmlPages: number; bytes: number } {
	let htmlPages = 0;
	let bytes = 0;
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		if (entry.name.endsWith('.html')) htmlPages += 1;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
	}
	return { htmlPages, bytes };
}

/**
 * Run `command <args>` in `cwd` under GNU time, timestamping every output line as it arrives and sampling the memory
 * of the whole process tree.
 *
 * The timestamps turn Astro's log into a phase timeline even though Astro itself prints whole seconds.
 */
export function runTimed(
	command: string,
	args: readonly string[],
	cwd: string,
	reportFile: string,
	env: NodeJS.ProcessEnv,
): Promise<BuildRun> {
	if (!existsSync(GNU_TIME)) {
		throw new AcademyError(`${GNU_TIME} is missing; it measures peak memory.`, 'Install it with "apt-get install -y time".');
	}
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(GNU_TIME, ['-v', '-o', reportFile, command, ...args], {
			cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const memory = watchTreeRss(child.pid!);
		const lines: TimedLine[] = [];
		const pending = { stdout: '', stderr: '' };
		const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			const ms = performance.now() - started;
			const parts = (pending[stream] + chunk.toString('utf8')).split('\n');
			pending[stream] = parts.pop() ?? '';
			for (const part of parts) lines.push({ ms, text: plainText(part) });
		};
		child.stdout.on('data', collect('stdout'));
		child.stderr.on('data', collect('stderr'));
		child.on('error', (error) => {
			memory.stop();
			reject(error);
		});
		child.on('close', (code) => {
			const wallMs = performance.now() - started;
			const peakTreeRssKb = memory.stop();
			for (const rest of [pending.stdout, pending.stderr]) if (rest) lines.push({ ms: wallMs, text: plainText(rest) });
			try {
				const report = parseTimeReport(readFileSync(reportFile, 'utf8'));
				resolve({ exitCode: code ?? 1, wallMs, lines, peakTreeRssKb, ...report });
			} catch (error) {
				reject(error);
			}
		});
	});
}

/** Run `node <args>` with this Node under GNU time (see runTimed). */
export function runTimedNode(
	args: readonly string[],
	cwd: string,
	reportFile: string,
	env: NodeJS.ProcessEnv,
): Promise<BuildRun> {
	return runTimed(process.execPath, args, cwd, reportFile, env);
}

/** The 1, 5 and 15 minute load averages, printed next to each figure because other jobs share the cores. */
export function loadAverage(): string {
	return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Save what a build printed, each line with its seconds since the start, to read after the run. */
export function writeBuildLog(file: string, lines: readonly TimedLine[]): void {
	writeFileSync(file, lines.map(({ ms, text }) => `${(ms / 1000).toFixed(2).padStart(7)}  ${text}\n`).join(''));
}

/** The last lines a build printed, indented, for the message of a failed build. */
export function lastLines(lines: readonly TimedLine[], count: number): string {
	return lines
		.slice(-count)
		.map((line) => `  ${line.text}`)
		.join('\n');
}
