/** A front matter block: `---` on the first line, YAML, and a closing `---` line. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The parts of a Markdown or MDX source around its front matter. */
export interface SplitSource {
	/** The YAML between the fences. */
	yaml: string;
	/** 1-based line on which the YAML starts. */
	firstLine: number;
	/** String offset at which the YAML starts. */
	offset: number;
	/** Everything after the closing fence. */
	body: string;
}

/** Split a Markdown or MDX source at its front matter; undefined when it has none. The one parser of front matter fences. */
export function splitFrontmatter(source: string): SplitSource | undefined {
	const match = FRONTMATTER.exec(source);
	if (!match) return undefined;
	return { yaml: match[1]!, firstLine: 2, offset: source.indexOf('\n') + 1, body: source.slice(match[0].length) };
}
