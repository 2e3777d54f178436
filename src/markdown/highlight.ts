import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	createHighlighter,
	type BundledLanguage,
	type BundledTheme,
	type HighlighterGeneric,
	type ShikiTransformer,
	type ThemeRegistrationAny,
} from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { HastPluginDefinition } from 'satteri';
import type { Element } from 'hast';
import { AstroError } from 'astro/errors';
import { grammarsByName, grammarsFor, loadCodeLanguages, type GrammarsByName } from './languages.ts';

/** What the highlighter needs; one set of options gives one highlighter for the whole build. */
export interface HighlightOptions {
	themes: { light: ThemeRegistrationAny | string; dark: ThemeRegistrationAny | string };
	/** Language names the code fences may use besides the grammars' own names, e.g. `output` → `plaintext`. */
	langAlias: Record<string, string>;
	transformers: ShikiTransformer[];
	/** Folder for highlighted blocks kept between builds; undefined keeps them in memory only. */
	cacheDir?: string | undefined;
	/** Changes whenever the output for the same input could change (theme, transformer or package versions). */
	cacheVersion: string;
}

const PLAIN = new Set(['plaintext', 'text', 'txt', 'plain']);

/** Read the language and meta string Sätteri records on a fenced code block. */
function fenceInfo(code: Element): { lang: string; meta: string | undefined } {
	const data = (code as Element & { data?: { lang?: string; meta?: string } }).data;
	const className = code.properties?.className;
	const fromClass = Array.isArray(className)
		? className
				.find((name): name is string => typeof name === 'string' && name.startsWith('language-'))
				?.slice('language-'.length)
		: undefined;
	return { lang: data?.lang ?? fromClass ?? 'plaintext', meta: data?.meta ?? undefined };
}

type Highlighter = HighlighterGeneric<BundledLanguage, BundledTheme>;

/** The site's grammars, imported once per process (cheap: creating highlighters is what costs). */
let siteGrammars: Promise<GrammarsByName> | undefined;

/** Highlighters of this process by themes, aliases and grammar set: builds, the dev server and test files share them. */
const highlighters = new Map<string, Promise<Highlighter>>();

/**
 * The highlighter for one language, holding the fixed set of grammars `grammarsFor` gives it; undefined for a
 * language the site does not highlight. Created on the first block that is not cached, so a build whose blocks all
 * come from the cache creates none.
 */
async function highlighterFor(lang: string, options: HighlightOptions): Promise<Highlighter | undefined> {
	const grammars = await (siteGrammars ??= loadCodeLanguages().then(grammarsByName));
	if (!PLAIN.has(lang) && !grammars.has(lang)) return undefined;
	const langs = PLAIN.has(lang) ? [] : grammarsFor(lang, grammars);
	const key = JSON.stringify([options.themes, options.langAlias, langs.map((grammar) => grammar.name)]);
	let highlighter = highlighters.get(key);
	if (!highlighter) {
		highlighter = createHighlighter({
			themes: [options.themes.light, options.themes.dark],
			langs,
			// A copy: Shiki adds the aliases of every grammar it loads to the map it is given. On the shared options that
			// changed the key above after each new highlighter, so one build created 55 highlighters for 20 grammar sets.
			langAlias: { ...options.langAlias },
			engine: createJavaScriptRegexEngine({ forgiving: true }),
		});
		highlighters.set(key, highlighter);
	}
	return highlighter;
}

/**
 * Highlight code blocks with Shiki (one highlighter per language's grammar set) and keep every result on disk by
 * content hash.
 *
 * Shiki was about a quarter of the build time of a 600-guide corpus. The JavaScript regex engine avoids the
 * WebAssembly Oniguruma start-up and is faster on these grammars; the cache makes an unchanged block free on the
 * next build, because Vite recompiles every MDX file on every build.
 */
export function cachedHighlight(options: HighlightOptions): HastPluginDefinition {
	const memory = new Map<string, Element>();
	if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });

	const highlight = async (code: string, lang: string, meta: string | undefined): Promise<Element> => {
		const key = createHash('sha256')
			.update(JSON.stringify([options.cacheVersion, lang, meta ?? '', code]))
			.digest('hex');
		const remembered = memory.get(key);
		if (remembered) return structuredClone(remembered);
		const file = options.cacheDir ? join(options.cacheDir, `${key}.json`) : undefined;
		if (file) {
			try {
				const cached = JSON.parse(readFileSync(file, 'utf8')) as Element;
				memory.set(key, cached);
				return structuredClone(cached);
			} catch {
				// Not cached yet (or a damaged entry, which is simply rewritten).
			}
		}
		const shiki = await highlighterFor(options.langAlias[lang] ?? lang, options);
		if (!shiki) {
			throw new AstroError(
				`Code block language "${lang}" is not highlighted.`,
				'Use one of the languages listed in src/site.config.ts.',
			);
		}
		const root = shiki.codeToHast(code, {
			// Aliases such as `output` are resolved by Shiki at run time; its types only list bundled names.
			lang: lang as BundledLanguage,
			themes: { light: options.themes.light, dark: options.themes.dark } as Record<string, string>,
			defaultColor: false,
			meta: meta ? { __raw: meta } : undefined,
			transformers: options.transformers,
			// Shiki stops tokenizing a line after 500 ms by default and colours the rest of it as one token. The first
			// line a fresh highlighter sees also pays for compiling the grammar's regexes, so on a busy machine its
			// colours depended on the load and on which block came first: dist/ was not reproducible.
			tokenizeTimeLimit: 0,
		});
		const element = root.children[0] as Element;
		memory.set(key, element);
		if (file) {
			const temporary = `${file}.${process.pid}.tmp`;
			writeFileSync(temporary, JSON.stringify(element));
			renameSync(temporary, file);
		}
		return structuredClone(element);
	};

	return {
		name: 'academy-highlight',
		element: {
			filter: ['pre'],
			visit(node, ctx) {
				const code = node.children?.find((child) => child.type === 'element' && child.tagName === 'code');
				if (!code) return;
				const { lang, meta } = fenceInfo(code as Element);
				return highlight(ctx.textContent(code).replace(/\n$/, ''), lang, meta) as never;
			},
		},
	};
}
