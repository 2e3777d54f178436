import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { compareText } from '../lib/compare.ts';

/** A CSP directive name and its sources, e.g. `['script-src', ["'self'"]]`. */
export type CspDirectives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

/**
 * The site's Content Security Policy without the hashes of inline code, which come from the build.
 *
 * Scripts: same-origin files plus hashed inline code, never `'unsafe-inline'` or `eval`; `'wasm-unsafe-eval'`
 * lets Pagefind compile its WebAssembly search engine (it allows WebAssembly only, not JavaScript eval).
 * Style attributes: Shiki colours every token with `style="--shiki-light:…;--shiki-dark:…"` custom properties,
 * so `style-src-attr` allows inline attributes (which cannot run code); `<style>` elements still need a hash.
 */
export const CSP_DIRECTIVES: CspDirectives = [
	['default-src', ["'self'"]],
	['script-src', ["'self'", "'wasm-unsafe-eval'"]],
	['style-src', ["'self'"]],
	['style-src-attr', ["'unsafe-inline'"]],
	['object-src', ["'none'"]],
	['base-uri', ["'none'"]],
	['form-action', ["'self'"]],
	['frame-ancestors', ["'none'"]],
];

/** Directives a `<meta http-equiv>` policy cannot carry: browsers ignore them there and log an error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** Directives whose sources Astro renders itself, from `scriptDirective` and `styleDirective`. */
const ASTRO_MANAGED = new Set(['script-src', 'style-src', 'style-src-attr']);

/** A hash of some inline code as CSP writes it, without the quotes a policy puts around it. */
export type CspHash = `sha256-${string}`;

/** Astro's `security.csp` setting in its object form. */
type AstroCspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** One entry of Astro's `security.csp.directives`, which its types restrict to directive names Astro knows. */
type AstroCspDirective = NonNullable<AstroCspConfig['directives']>[number];

/** Hashes of the inline code of the built pages. */
export interface InlineHashes {
	scripts: CspHash[];
	styles: CspHash[];
}

/** The sources of one directive of a policy; throws when the policy lacks it. */
function sourcesOf(directives: CspDirectives, name: string): readonly string[] {
	const found = directives.find(([directive]) => directive === name);
	if (!found) throw new Error(`The Content Security Policy has no ${name} directive.`);
	return found[1];
}

/**
 * Astro's `security.csp` setting for the same policy: Astro adds a `<meta http-equiv>` policy to every page with
 * the hashes of the scripts and styles it emits, for hosts that cannot send headers. Header-only directives stay
 * out of it.
 */
export function astroCspConfig(directives: CspDirectives = CSP_DIRECTIVES): AstroCspConfig {
	return {
		algorithm: 'SHA-256',
		directives: directives
			.filter(([name]) => !HEADER_ONLY.has(name) && !ASTRO_MANAGED.has(name))
			.map(([name, sources]) => `${name} ${sources.join(' ')}` as AstroCspDirective),
		scriptDirective: { resources: [...sourcesOf(directives, 'script-src')] },
		styleDirective: {
			resources: [
				...sourcesOf(directives, 'style-src').map((resource) => ({ resource, kind: 'element' as const })),
				...sourcesOf(directives, 'style-src-attr').map((resource) => ({ resource, kind: 'attribute' as const })),
			],
		},
	};
}

/** The `Content-Security-Policy` header value: the policy with the inline hashes added to `script-src` and `style-src`. */
export function formatCspHeader(hashes: InlineHashes, directives: CspDirectives = CSP_DIRECTIVES): string {
	const extra: Record<string, CspHash[]> = { 'script-src': hashes.scripts, 'style-src': hashes.styles };
	return directives
		.map(([name, sources]) => [name, ...sources, ...(extra[name] ?? []).map((hash) => `'${hash}'`)].join(' '))
		.join('; ');
}

/** The CSP hash of some inline code, as the browser computes it over the UTF-8 text. */
export function cspHash(code: string): CspHash {
	return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** Collect the text of every inline `<script>` (without `src`) and `<style>` of an HTML page. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
	const scripts: string[] = [];
	const styles: string[] = [];
	const visit = (node: Node): void => {
		if ('tagName' in node && (node.tagName === 'script' || node.tagName === 'style')) {
			const text = node.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('');
			if (node.tagName === 'style') styles.push(text);
			else if (!node.attrs.some((attr) => attr.name === 'src')) scripts.push(text);
			return;
		}
		const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
		for (const child of children) visit(child);
	};
	visit(parse(html));
	return { scripts, styles };
}

/**
 * Hash the inline scripts and styles of every page; each distinct hash once, in a stable order.
 *
 * Parsing every page is most of the hosting step, so a page whose HTML digest is in `earlier` (the hashes of a
 * page with the same HTML in an earlier build) is not parsed again; `seen` receives each page's hashes by digest,
 * to be kept for the next build.
 */
export async function inlineHashes(
	pages: AsyncIterable<string> | Iterable<string>,
	earlier: ReadonlyMap<string, InlineHashes> = new Map(),
	seen = new Map<string, InlineHashes>(),
): Promise<InlineHashes> {
	const scripts = new Set<CspHash>();
	const styles = new Set<CspHash>();
	for await (const html of pages) {
		const digest = createHash('sha256').update(html, 'utf8').digest('base64');
		let page = seen.get(digest) ?? earlier.get(digest);
		if (!page) {
			const code = inlineCode(html);
			page = { scripts: code.scripts.map(cspHash), styles: code.styles.map(cspHash) };
		}
		seen.set(digest, page);
		for (const hash of page.scripts) scripts.add(hash);
		for (const hash of page.styles) styles.add(hash);
	}
	return { scripts: [...scripts].sort(compareText), styles: [...styles].sort(compareText) };
}
