import { compareText } from '../../src/lib/compare.ts';

/** The parts of a V8 `.cpuprofile` (Node's `--cpu-prof`) that say where time went. */
export interface CpuProfile {
	nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
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
		// A regular expression's frame is named after its whole source; the name of the expression says nothing more.
		return functionName.startsWith('RegExp: ') ? 'V8 RegExp' : `V8 ${functionName}`;
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

/** What a build spends time on, recognised by the code on the call stack; the first match from the sampled frame up wins. */
export const BUILD_ACTIVITIES: readonly (readonly [activity: string, code: RegExp])[] = [
	['highlighting (Shiki, our cache)', /\/node_modules\/(shiki|@shikijs\/[^/]+)\/|\/src\/markdown\/highlight\.ts/],
	['internal link check', /\/src\/(integrations|lib)\/link-check\.ts/],
	['search index (Pagefind, Node side)', /\/node_modules\/pagefind\/|\/src\/integrations\/pagefind/],
	['Markdown/MDX compile (Sätteri)', /\/node_modules\/(satteri|@astrojs\/markdown-satteri|@astrojs\/mdx)\//],
	['.astro compile', /\/node_modules\/@astrojs\/compiler-rs\//],
	['bundling (Rolldown, Vite)', /\/node_modules\/(rolldown|@rolldown\/[^/]+|vite)\//],
	['content layer (sync, data store)', /\/node_modules\/astro\/dist\/content\//],
	['page rendering (Astro runtime)', /\/node_modules\/astro\/dist\/(runtime|core\/render|core\/build\/generate)/],
	['config and redirects (src/lib at start-up)', /\/src\/lib\/redirects\.ts|\/astro\/dist\/core\/config\//],
];

/**
 * Add up the time of each sample to the activity whose code is on its stack (the innermost match), or to garbage
 * collection, idle, native code or "other". Unlike self time, this counts a Shiki call made from a Vite plugin as
 * highlighting, which is how the levers are chosen.
 */
export function timeByActivity(
	profiles: readonly CpuProfile[],
	activities: readonly (readonly [string, RegExp])[] = BUILD_ACTIVITIES,
): ProfileShare[] {
	const totals = new Map<string, number>();
	for (const profile of profiles) {
		const byId = new Map(profile.nodes.map((node) => [node.id, node]));
		const parentOf = new Map<number, number>();
		for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
		const activityById = new Map<number, string>();
		const activityOf = (id: number): string => {
			const known = activityById.get(id);
			if (known) return known;
			const part = partOf(byId.get(id)!.callFrame);
			let activity = part.startsWith('V8 garbage') || part.startsWith('idle') || part.startsWith('native') ? part : 'other';
			if (activity === 'other') {
				for (let frame: number | undefined = id; frame !== undefined; frame = parentOf.get(frame)) {
					const url = byId.get(frame)!.callFrame.url;
					const match = activities.find(([, code]) => code.test(url));
					if (match) {
						activity = match[0];
						break;
					}
				}
			}
			activityById.set(id, activity);
			return activity;
		};
		profile.samples.forEach((id, index) => {
			const activity = activityOf(id);
			totals.set(activity, (totals.get(activity) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
		});
	}
	return [...totals].map(([part, ms]) => ({ part, ms })).sort((a, b) => b.ms - a.ms || compareText(a.part, b.part));
}
