/** Site-wide settings kept in one place: URLs, repository links and the languages code blocks may use. */
export const siteConfig = {
	title: 'Supply Chain Academy',
	description:
		'Practical guides on Wolfi, minimal container images and software supply chain security, with image reference pages generated from registry metadata.',
	/** Canonical origin of the deployed site; override with SITE_URL for previews. */
	url: process.env.SITE_URL ?? 'https://supplychainacademy.dev',
	/** Repository that holds the site; used for the header link and "Edit this page". */
	repository: 'https://github.com/supply-chain-academy/academy',
	/** Branch that "Edit this page" links point at. */
	editBranch: 'main',
	/** Folder of the guides inside the repository. */
	contentDir: 'content/docs',
	/** Words a reader gets through per minute, for the reading-time estimate. */
	wordsPerMinute: 220,
} as const;

/** Languages highlighted in code blocks; anything else fails the build so authors notice. */
export const codeLanguages = [
	'bash',
	'sh',
	'shell',
	'console',
	'dockerfile',
	'yaml',
	'json',
	'jsonc',
	'go',
	'python',
	'javascript',
	'js',
	'typescript',
	'ts',
	'diff',
	'toml',
	'hcl',
	'ini',
	'sql',
	'java',
	'rust',
	'csharp',
	'ruby',
	'php',
	'xml',
	'makefile',
	'nginx',
	'html',
	'css',
	'astro',
	'mdx',
	'markdown',
] as const;

/** Languages rendered as plain text; `output` marks what a command prints. */
export const plainLanguages = ['text', 'txt', 'plaintext', 'output'] as const;

/** URL of the file in the repository that an "Edit this page" link opens. */
export function editUrl(filePath: string): string {
	return `${siteConfig.repository}/edit/${siteConfig.editBranch}/${filePath}`;
}

/** The top-level sections shown in the header, in order; `path` is the first URL segment. */
export const sections = [
	{
		path: 'open-source',
		label: 'Open source',
		description: 'Wolfi, the container-first undistro, and the tools that build it: apk, melange and apko.',
	},
	{
		path: 'container-images',
		label: 'Container images',
		description: 'Minimal and distroless images: choosing, building, running as non-root and debugging them.',
	},
	{
		path: 'software-supply-chain',
		label: 'Supply chain security',
		description: 'SBOMs, Sigstore signatures, in-toto attestations, SLSA provenance, CVEs, scanners and VEX.',
	},
	{
		path: 'images',
		label: 'Images',
		description: 'Reference pages for every image: tags, variants, packages, licences and provenance.',
	},
] as const;
