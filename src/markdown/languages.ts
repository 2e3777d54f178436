import { AstroError } from 'astro/errors';
import { bundledLanguages, type BundledLanguage, type LanguageRegistration } from 'shiki';
import { compareText } from '../lib/compare.ts';
import { codeLanguages } from '../site.config.ts';

/** Load the grammars of the site's code languages once, so the highlighter never fetches one mid-build. */
export async function loadCodeLanguages(languages: readonly string[] = codeLanguages): Promise<LanguageRegistration[]> {
	const unknown = languages.filter((language) => !(language in bundledLanguages));
	if (unknown.length > 0) {
		throw new AstroError(
			`Unknown code language(s) in src/site.config.ts: ${unknown.join(', ')}.`,
			'Use a name or alias that shiki bundles.',
		);
	}
	const modules = await Promise.all(languages.map((language) => bundledLanguages[language as BundledLanguage]()));
	// Aliases (js, ts, sh) resolve to the same grammars; keep each grammar once.
	const byName = new Map(modules.flatMap((module) => module.default).map((grammar) => [grammar.name, grammar]));
	return [...byName.values()];
}

/** The site's grammars by every name a code fence may use for them: grammar names and their aliases. */
export type GrammarsByName = ReadonlyMap<string, LanguageRegistration>;

/** Index grammars by name and alias. */
export function grammarsByName(grammars: readonly LanguageRegistration[]): GrammarsByName {
	return new Map(grammars.flatMap((grammar) => [grammar.name, ...(grammar.aliases ?? [])].map((name) => [name, grammar])));
}

/**
 * The grammars that highlight one language, always the same set for the same language: the language, what it embeds,
 * and for a language that embeds others only when present (Markdown and MDX code fences, Astro) those of the site.
 *
 * Each set gets its own highlighter. A highlighter holding every grammar costs seconds to create (Shiki walks the
 * references between grammars for each one) and colours differently: with every grammar loaded, PHP's embedded HTML
 * came out as one token. A fixed set per language also keeps a block's colours independent of which blocks came first.
 */
export function grammarsFor(language: string, grammars: GrammarsByName): LanguageRegistration[] {
	const first = grammars.get(language);
	if (!first) return [];
	const needed = new Map<string, LanguageRegistration>();
	const pending = [first.name, ...(first.embeddedLangsLazy ?? []).filter((name) => grammars.has(name))];
	for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
		const grammar = grammars.get(name);
		if (!grammar || needed.has(grammar.name)) continue;
		needed.set(grammar.name, grammar);
		pending.push(...(grammar.embeddedLangs ?? []));
	}
	return [...needed.values()].sort((a, b) => compareText(a.name, b.name));
}
