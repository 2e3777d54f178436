import type { MdastNode } from 'satteri';
import type { Document as YamlDocument, LineCounter } from 'yaml';

/** How serious a problem is: errors fail `npm run check`, warnings are only shown. */
export type Severity = 'error' | 'warning';

/** One thing a contributor should fix, pointing at an exact place in a source file. */
export interface Problem {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line. */
	line: number;
	/** 1-based column. */
	column: number;
	rule: string;
	severity: Severity;
	message: string;
	/** What to do about it, when there is something more to say than the message. */
	hint?: string;
}

/** A 1-based place in a file. */
export interface Place {
	line: number;
	column: number;
}

/** A Markdown or MDX file after parsing, shared by every rule. */
export interface ParsedDoc {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** Absolute path on disk. */
	absolutePath: string;
	source: string;
	/** The URL the page is published at, e.g. `/open-source/wolfi/overview/`. */
	route: string;
	/** `docs` for guides; `image-overview` for the hand-written text of an image page. */
	kind: 'docs' | 'image-overview';
	/** The parsed front matter, or undefined when there is none or it is not valid YAML. */
	frontmatter: Record<string, unknown> | undefined;
	/** The front matter as a YAML document, to find the line of a field. */
	yaml: { document: YamlDocument; lineCounter: LineCounter; firstLine: number; offset: number } | undefined;
	/** The mdast tree, or undefined when the file could not be parsed (the parse error is a problem of its own). */
	tree: MdastNode | undefined;
	/** Heading slugs and explicit `id` attributes of the page. */
	anchors: Set<string>;
}

/** What the site publishes, computed from the sources, so that links can be checked without a build. */
export interface PublishedSite {
	root: string;
	/** Every page URL of the site, with its anchors when they are known (guides); undefined for generated pages. */
	routes: Map<string, Set<string> | undefined>;
	/** Old URLs (front matter `aliases`) and the page each redirects to. */
	redirects: Map<string, string>;
	/** Names of the images that get a page at `/images/<name>/`. */
	imageNames: string[];
	/** Tag ids of the vocabulary. */
	tags: string[];
	/** Absolute path of `public/`, where site-root files such as images live. */
	publicDir: string;
	/** Routes the site's own page templates publish (/, /images/, /rss.xml…); no guide may take them. */
	generatedRoutes: Set<string>;
	/** Prefixes of the page families the site generates (/images/, /tags/); no guide may live below them. */
	generatedPrefixes: string[];
}

/** A rule that looks at one document at a time. */
export type DocRule = (doc: ParsedDoc, site: PublishedSite) => Problem[];
