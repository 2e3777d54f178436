import { describe, expect, it } from 'vitest';
import type { LearningPath } from '../../../src/data/learning-paths.ts';
import {
	formatMinutes,
	partOfPath,
	pathPositions,
	pathSummary,
	pathsThroughFolder,
} from '../../../src/page-models/learning-paths.ts';

/** A path through the given guide URLs, five minutes each. */
function learningPath(id: string, hrefs: string[]): LearningPath {
	return {
		id,
		title: `Path ${id}`,
		description: `The path ${id}.`,
		section: 'container-images',
		sectionLabel: 'Container images',
		href: `/paths/${id}/`,
		steps: hrefs.map((href) => ({ id: href.slice(1, -1), href, title: `Guide ${href}`, description: '', readingMinutes: 5 })),
		readingMinutes: hrefs.length * 5,
	};
}

const minimal = learningPath('minimal', ['/container-images/a/', '/container-images/non-root/', '/container-images/b/']);
const harden = learningPath('harden', ['/container-images/non-root/', '/container-images/seccomp/']);
const wolfi = learningPath('wolfi', ['/open-source/wolfi/overview/', '/open-source/melange/getting-started/']);

describe('a guide in its learning paths', () => {
	it('says "Part N of M"', () => {
		expect(partOfPath(3, 9)).toBe('Part 3 of 9');
	});

	it('finds every path a guide is part of, with its place and the next step', () => {
		const positions = pathPositions([minimal, harden, wolfi], '/container-images/non-root/');
		expect(positions.map(({ path, label, next }) => [path.id, label, next?.href])).toEqual([
			['minimal', 'Part 2 of 3', '/container-images/b/'],
			['harden', 'Part 1 of 2', '/container-images/seccomp/'],
		]);
		expect(positions[0]!.guides).toEqual(['/container-images/a/', '/container-images/non-root/', '/container-images/b/']);
	});

	it('has no next step on the last part, and no position outside the paths', () => {
		expect(pathPositions([harden], '/container-images/seccomp/')[0]).toMatchObject({ part: 2, total: 2, next: undefined });
		expect(pathPositions([minimal, harden], '/images/python/')).toEqual([]);
	});
});

describe('paths on a section page', () => {
	it('lists the paths that lead through a folder, whole segments only', () => {
		expect(pathsThroughFolder([minimal, harden, wolfi], 'container-images').map((path) => path.id)).toEqual([
			'minimal',
			'harden',
		]);
		expect(pathsThroughFolder([minimal, wolfi], 'open-source/melange').map((path) => path.id)).toEqual(['wolfi']);
		expect(pathsThroughFolder([minimal, wolfi], 'open-source/melan')).toEqual([]);
	});
});

describe('reading time of a path', () => {
	it('reads as minutes, hours, or both', () => {
		expect([45, 60, 125].map(formatMinutes)).toEqual(['45 min', '1 h', '2 h 5 min']);
		expect(pathSummary(minimal)).toBe('3 guides · about 15 min of reading');
	});
});
