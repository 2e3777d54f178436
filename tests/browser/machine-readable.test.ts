import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast, type MdastNode } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config.ts';
import { DIST, startSite, type SiteHarness } from '../helpers/site.ts';

let site: SiteHarness;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** The path of a site URL as published, e.g. https://supplychainacademy.dev/a.md → /a.md. */
const localPath = (url: string) => (url.startsWith(siteConfig.url) ? url.slice(siteConfig.url.length) : url);

/** Every `[title](url)` of an llms.txt file list, in order. */
const listedLinks = (text: string) =>
	[...text.matchAll(/^- \[(.+?)\]\((\S+?)\)/gm)].map((match) => ({ title: match[1]!, url: match[2]! }));

/** URL paths of the guide pages in dist/ (every index.html below a section, without the generated pages). */
function guidePages(): string[] {
	const generated = /^(images|tags|search|contribute|og|pagefind|_astro)(\/|$)/;
	return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('/index.html') && !generated.test(file))
		.map((file) => `/${file.slice(0, -'index.html'.length)}`)
		.filter((href) => !readFileSync(join(DIST, href, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
		.sort();
}

/** What a twin should not contain: directives, or HTML that looks like a component (`<Callout …>`). */
function componentLeftovers(markdown: string): string[] {
	const found: string[] = [];
	const visit = (node: MdastNode) => {
		if (node.type === 'containerDirective' || node.type === 'leafDirective') found.push(`:::${node.name}`);
		if (node.type === 'html' && /^<\/?[A-Z]/.test(node.value)) found.push(node.value);
		for (const child of (node as { children?: MdastNode[] }).children ?? []) visit(child);
	};
	visit(markdownToMdast(markdown, { features: { directive: true } }));
	return found;
}

describe('llms.txt, llms-full.txt and the Markdown twins', () => {
	it('serves llms.txt with every guide’s twin, each link answering 200 with Markdown', async () => {
		const response = await fetch(`${site.url}/llms.txt`);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text.startsWith(`# ${siteConfig.title}\n\n> `), 'h1 and blockquote first').toBe(true);
		const links = listedLinks(text);
		const twins = links.filter((link) => link.url.endsWith('.md')).map((link) => localPath(link.url));
		const expected = guidePages().map((href) => `${href.slice(0, -1)}.md`);
		expect([...twins].sort()).toEqual(expected);
		const failing: string[] = [];
		for (const link of links) {
			const answer = await fetch(`${site.url}${localPath(link.url)}`);
			if (answer.status !== 200) failing.push(`${link.url}: ${answer.status}`);
			else if (link.url.endsWith('.md') && !(await answer.text()).startsWith('# ')) failing.push(`${link.url}: no h1 first`);
		}
		expect(failing).toEqual([]);
	});

	it('publishes each twin as Markdown with no component, import or directive left in it', async () => {
		const leftovers: string[] = [];
		for (const href of guidePages()) {
			const twinFile = join(DIST, `${href.slice(0, -1)}.md`);
			if (!existsSync(twinFile)) {
				leftovers.push(`${href}: no twin`);
				continue;
			}
			const markdown = readFileSync(twinFile, 'utf8');
			leftovers.push(...componentLeftovers(markdown).map((leftover) => `${href}: ${leftover}`));
			if (/^import\s.*from\s/m.test(markdown.replace(/```[\s\S]*?```/g, ''))) leftovers.push(`${href}: import line`);
		}
		expect(leftovers).toEqual([]);
	});

	it('puts every twin into llms-full.txt, in the order llms.txt lists them', async () => {
		const [index, full] = await Promise.all(
			['/llms.txt', '/llms-full.txt'].map((path) => fetch(`${site.url}${path}`).then((r) => r.text())),
		);
		const twins = listedLinks(index!)
			.filter((link) => link.url.endsWith('.md'))
			.map((link) => readFileSync(join(DIST, localPath(link.url)), 'utf8'));
		const positions = twins.map((twin) => full!.indexOf(twin));
		expect(positions.filter((position) => position === -1).length, 'twins missing from llms-full.txt').toBe(0);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
	});

	it('serves twins as text/markdown', async () => {
		const [first] = guidePages();
		const response = await fetch(`${site.url}${first!.slice(0, -1)}.md`);
		expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
	});
});
