import { existsSync } from 'node:fs';
import path from 'node:path';
import { hasAttribute, jsxElements, startOf, stringAttribute, walk } from '../mdast.ts';
import type { DocRule, Place, Problem } from '../types.ts';

const RULE = 'images';
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Every image has alt text (screen readers and search read it), and a local image file exists. */
export const checkImages: DocRule = (doc, site) => {
	if (!doc.tree) return [];
	const images: { url: string | undefined; alt: string | undefined; place: Place }[] = [];
	walk(doc.tree, (node) => {
		if (node.type === 'image') images.push({ url: node.url, alt: node.alt ?? '', place: startOf(node) });
	});
	for (const element of jsxElements(doc.tree)) {
		if (element.name !== 'img' && element.name !== 'Image') continue;
		// An alt given as an expression ({...}) cannot be judged from source; only a missing or empty one is reported.
		const alt = hasAttribute(element, 'alt') ? (stringAttribute(element, 'alt') ?? 'expression') : '';
		images.push({ url: stringAttribute(element, 'src'), alt, place: startOf(element) });
	}

	const problems: Problem[] = [];
	for (const { url, alt, place } of images) {
		const problem = (message: string, hint: string) =>
			problems.push({ file: doc.file, ...place, rule: RULE, severity: 'error', message, hint });
		if (!alt?.trim()) {
			problem(
				'The image has no alt text.',
				'Describe what the image shows for readers who cannot see it: ![Output of cosign verify](/images/guides/cosign.png).',
			);
		}
		if (!url || EXTERNAL.test(url)) continue;
		const pathname = decodeURI(url.split(/[?#]/)[0]);
		const file = pathname.startsWith('/')
			? path.join(site.publicDir, pathname)
			: path.resolve(path.dirname(doc.absolutePath), pathname);
		if (!existsSync(file)) {
			problem(
				`The image file ${path.relative(site.root, file).split(path.sep).join('/')} does not exist.`,
				'Put guide images in public/images/guides/ and link them as /images/guides/<file>.',
			);
		}
	}
	return problems;
};
