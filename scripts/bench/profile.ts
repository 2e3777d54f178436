import { compareText } from '../../src/registry/attestations.ts';

/** The parts of a V8 `.cpuprofile` (Node's `--cpu-prof`) that say where time went. */
export interface CpuProfile {
	nodes: { id: number; callFrame: { functionName: string; url: string } }[];
	samples: number[];
	/** Microseconds before each sample. */
	timeDeltas: number[];
}

/** Self time spent in one part of the code. */
export interface ProfileShare {
	part: string;
	ms: number;
}

/**
 * The part of the code a frame belongs to: a package (the last `node_modules/<name>` of its URL, with its scope), a
 * folder of this project (`src/markdown`), Node itself, or one of V8's pseudo frames (garbage collection, native
 * code such as Sätteri's and Rolldown's Rust, idle).
 */
export function partOf(frame: { functionName: string; url: string }): string {
	const { url, functionName } = frame;
	if (!url) {
		if (functionName === '(garbage collector)') return 'V8 garbage collection';
		if (functionName === '(program)') return 'native code (Rust bindings, V8)';
		if (functionName === '(idle)') return 'idle (waiting for I/O or children)';
		return `V8 ${functionName}`;
	}
	const packagePath = url.split('/node_modules/').at(-1)!;
	if (packagePath !== url) {
		const [first, second] = packagePath.split('/');
		return first!.startsWith('@') ? `${first}/${second}` : first!;
	}
	if (url.startsWith('node:')) return 'Node.js';
	const project = /\/(src|scripts)\/([^/]+)\//.exec(url);
	if (project) return `${project[1]}/${project[2]}`;
	return 'other';
}

/** Add up self time per part over one or more profiles (one per thread), largest first. */
export function selfTimeByPart(profiles: readonly CpuProfile[]): ProfileShare[] {
	const totals = new Map<string, number>();
	for (const profile of profiles) {
		const partById = new Map(profile.nodes.map((node) => [node.id, partOf(node.callFrame)]));
		profile.samples.forEach((id, index) => {
			const part = partById.get(id) ?? 'other';
			totals.set(part, (totals.get(part) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
		});
	}
	return [...totals].map(([part, ms]) => ({ part, ms })).sort((a, b) => b.ms - a.ms || compareText(a.part, b.part));
}
