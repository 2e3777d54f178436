// Build-time benchmark for image pages: the demo snapshot multiplied to N images (default 1000), built once with the
// demo snapshot and once with the multiplied one, so the cost per image page can be read off.
// Usage: npm run bench:images -- [--images 1000]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { imageRepositorySchema, snapshotMetadataSchema, type ImageRepository } from '../src/images/model.ts';
import { DEFAULT_SNAPSHOT_DIR, readSnapshot, serialize } from '../src/images/snapshot.ts';
import { joinRepositoryPath } from '../src/registry/index.ts';
import { compareText } from '../src/lib/compare.ts';
import { wholeNumberOption } from '../src/lib/cli-options.ts';
import { flagsOrExit } from './bench/cli.ts';
import { AcademyError } from '../src/lib/errors.ts';
import { folderStats, runTimedNode } from './bench/measure.ts';

/** Copies of the demo images under numbered names (`python`, `python-1`, …) until there are `count` of them. */
export function multiplyImages(images: readonly ImageRepository[], count: number): ImageRepository[] {
	const result: ImageRepository[] = [];
	for (let round = 0; result.length < count; round++) {
		for (const image of images) {
			if (result.length === count) break;
			const name = round === 0 ? image.name : `${image.name}-${round}`;
			const repository = joinRepositoryPath(image.repository.slice(0, -image.name.length).replace(/\/$/, ''), name);
			result.push({ ...image, name, repository, reference: `${image.registry}/${repository}` });
		}
	}
	return result.sort((a, b) => compareText(a.name, b.name));
}

/** Write a snapshot folder holding `images`, with the demo metadata. */
async function writeSnapshotCopy(dir: string, images: readonly ImageRepository[]): Promise<void> {
	const { metadata } = await readSnapshot(DEFAULT_SNAPSHOT_DIR);
	for (const image of images) writeFileSync(join(dir, `${image.name}.json`), serialize(imageRepositorySchema, image));
	writeFileSync(
		join(dir, '_snapshot.json'),
		serialize(snapshotMetadataSchema, { ...metadata, repositories: images.map((image) => image.name) }),
	);
}

/** Build the site from one snapshot folder and report time, pages, memory and output size. */
async function measure(label: string, snapshotDir: string, work: string) {
	const outDir = join(work, `dist-${label}`);
	const run = await runTimedNode(
		['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir],
		process.cwd(),
		join(work, `time-${label}.txt`),
		{
			...process.env,
			IMAGES_SNAPSHOT_DIR: snapshotDir,
			ACADEMY_CACHE_DIR: join(work, `cache-${label}`),
			ASTRO_TELEMETRY_DISABLED: '1',
		},
	);
	if (run.exitCode !== 0)
		throw new AcademyError(
			`Build "${label}" failed:\n${run.lines
				.slice(-30)
				.map((line) => line.text)
				.join('\n')}`,
			'The lines above are the end of the build output; the snapshot copy is in the work folder named there.',
		);
	const stats = folderStats(outDir);
	return { label, seconds: run.wallMs / 1000, pages: stats.htmlPages, peakRssMb: run.maxRssKb / 1024, distMb: stats.bytes / 1e6 };
}

if (import.meta.main) {
	const count = flagsOrExit(() => {
		const { values } = parseArgs({ options: { images: { type: 'string', default: '1000' } } });
		return wholeNumberOption('--images', values.images, { min: 1 }, 'For example: --images 1000.');
	});
	const work = mkdtempSync(join(tmpdir(), 'academy-bench-images-'));
	try {
		const demo = (await readSnapshot(DEFAULT_SNAPSHOT_DIR)).images;
		const many = join(work, 'snapshot');
		mkdirSync(many);
		await writeSnapshotCopy(many, multiplyImages(demo, count));
		const base = await measure(`${demo.length}-images`, DEFAULT_SNAPSHOT_DIR, work);
		const big = await measure(`${count}-images`, many, work);
		const extraPages = big.pages - base.pages;
		console.log('| images | pages | build s | peak RSS MB | dist MB |\n| --- | --- | --- | --- | --- |');
		for (const row of [base, big]) {
			console.log(
				`| ${row.label.split('-')[0]} | ${row.pages} | ${row.seconds.toFixed(1)} | ${row.peakRssMb.toFixed(0)} | ${row.distMb.toFixed(1)} |`,
			);
		}
		console.log(
			`\n${extraPages} more pages cost ${(big.seconds - base.seconds).toFixed(1)} s: ${(((big.seconds - base.seconds) * 1000) / extraPages).toFixed(1)} ms per extra image page.`,
		);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
