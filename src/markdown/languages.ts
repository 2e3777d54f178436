import { AstroError } from 'astro/errors';
import { bundledLanguages, type BundledLanguage, type LanguageRegistration } from 'shiki';
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
