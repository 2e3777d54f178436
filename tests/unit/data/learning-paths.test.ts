import { describe, expect, it } from 'vitest';
import { buildLearningPaths } from '../../../src/data/learning-paths.ts';
import { docEntry } from '../../helpers/collection-entries.ts';

const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');
const docs = new Map(
	[
		docEntry('open-source/wolfi/overview', { title: 'What is Wolfi?' }, words(440)),
		docEntry('open-source/wolfi/apk-package-manager', { title: 'The apk package manager' }, words(1100)),
	].map((entry) => [entry.id, entry]),
);
const entry = {
	id: 'wolfi-foundations',
	title: 'Wolfi from the ground up',
	description: 'What an undistro is and how apk installs and verifies packages, in order.',
	section: 'open-source',
	guides: ['open-source/wolfi/overview', 'open-source/wolfi/apk-package-manager'],
};

describe('learning paths', () => {
	it('resolves each guide to its title, description, URL and reading time, and adds the times up', () => {
		const [path] = buildLearningPaths([entry], docs, ['open-source']);
		expect(path).toMatchObject({
			id: 'wolfi-foundations',
			href: '/paths/wolfi-foundations/',
			section: 'open-source',
			sectionLabel: 'Open source',
			readingMinutes: 7,
		});
		expect(path!.steps).toEqual([
			{
				id: 'open-source/wolfi/overview',
				href: '/open-source/wolfi/overview/',
				title: 'What is Wolfi?',
				description: 'A description that is long enough to pass the schema of the guides.',
				readingMinutes: 2,
			},
			expect.objectContaining({ title: 'The apk package manager', readingMinutes: 5 }),
		]);
	});

	it('fails with the file, the path, the unknown guide and the closest one', () => {
		const typo = { ...entry, guides: ['open-source/wolfi/overview', 'open-source/wolfi/apk-package-manger'] };
		expect(() => buildLearningPaths([typo], docs, ['open-source'])).toThrow(
			expect.objectContaining({
				message:
					'content/paths.yaml: "wolfi-foundations" lists "open-source/wolfi/apk-package-manger", which is not a published guide.',
				hint: expect.stringContaining('Did you mean "open-source/wolfi/apk-package-manager"?'),
			}),
		);
	});
});
