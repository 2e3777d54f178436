/**
 * The demo images: project-written definitions shaped like Wolfi-based images on cgr.dev/chainguard (apko-style
 * config, annotations, users, entrypoints and packages). They exist so the site builds and the tests run without
 * network access; none of it is a record of a real image.
 */

export type DemoArch = 'amd64' | 'arm64';

export interface DemoVariant {
	tags: string[];
	packages: string[];
	/** Config User; null leaves it unset (the container runs as root). */
	user: string | null;
	entrypoint: string[] | null;
	cmd: string[] | null;
	workDir: string | null;
	/** Added to PATH and SSL_CERT_FILE, which apko always sets. */
	env: Record<string, string>;
	stopSignal: string | null;
}

export interface DemoImage {
	name: string;
	variants: DemoVariant[];
	architectures: DemoArch[];
	/** `docker`: a Docker v2 manifest list with Docker v2 manifests instead of OCI. */
	format: 'oci' | 'docker';
	/** cosign `.sig` on the index. */
	signed: boolean;
	/** cosign `.att` (SPDX, apko image-configuration, SLSA v1) on the index and each platform. */
	attested: boolean;
	/** An OCI 1.1 referrer (Sigstore bundle with a VEX statement) reachable through the referrers tag schema. */
	referrer: boolean;
	/** Build time recorded in configs and annotations. */
	created: string;
}

const STATIC_BASE = ['ca-certificates-bundle', 'tzdata', 'wolfi-baselayout'];
const GLIBC_BASE = [...STATIC_BASE, 'glibc', 'glibc-locale-posix', 'ld-linux', 'libcrypt1', 'libgcc', 'libxcrypt'];
/** What a -dev variant adds: a shell, a package manager and the usual fetch tools, with their libraries. */
const DEV_EXTRAS = [
	'apk-tools',
	'bash',
	'busybox',
	'git',
	'wget',
	'libcurl-openssl4',
	'libcrypto3',
	'libssl3',
	'openssl-config',
	'zlib',
	'libpcre2-8-0',
	'libexpat1',
	'ncurses',
	'ncurses-terminfo-base',
	'readline',
	'libpsl',
	'libidn2',
	'libunistring',
	'libnghttp2-14',
	'libbrotlicommon1',
	'libbrotlidec1',
	'libzstd1',
];
const PYTHON_LIBS = [
	'libffi',
	'libbz2-1',
	'liblzma5',
	'zlib',
	'sqlite-libs',
	'mpdecimal',
	'gdbm',
	'ncurses',
	'ncurses-terminfo-base',
	'readline',
	'libexpat1',
	'libcrypto3',
	'libssl3',
	'openssl-config',
];
const JAVA_LIBS = [
	'libstdc++',
	'zlib',
	'freetype',
	'libpng',
	'libjpeg-turbo',
	'alsa-lib',
	'libbz2-1',
	'libbrotlicommon1',
	'libbrotlidec1',
];
const DOTNET_LIBS = ['libstdc++', 'icu', 'krb5-libs', 'libverto', 'zlib', 'libcrypto3', 'libssl3', 'openssl-config'];

const NONROOT = '65532';

type VariantSpec = Partial<Omit<DemoVariant, 'packages' | 'tags'>> & { packages: string[] };

function variant(tags: string[], spec: VariantSpec): DemoVariant {
	return {
		tags,
		packages: spec.packages,
		user: spec.user === undefined ? NONROOT : spec.user,
		entrypoint: spec.entrypoint ?? null,
		cmd: spec.cmd ?? null,
		workDir: spec.workDir ?? null,
		env: spec.env ?? {},
		stopSignal: spec.stopSignal ?? null,
	};
}

/** `latest` and `latest-dev` (or `<prefix>` and `<prefix>-dev`): the -dev variant adds shell, apk and fetch tools. */
function withDev(prefix: string, spec: VariantSpec, devSpec: Partial<VariantSpec> = {}): DemoVariant[] {
	return [
		variant([prefix], spec),
		variant([`${prefix}-dev`], { ...spec, ...devSpec, packages: [...spec.packages, ...DEV_EXTRAS, ...(devSpec.packages ?? [])] }),
	];
}

function image(
	name: string,
	variants: DemoVariant[],
	options: Partial<Omit<DemoImage, 'name' | 'variants' | 'created'>> = {},
): Omit<DemoImage, 'created'> {
	return {
		name,
		variants,
		architectures: ['amd64', 'arm64'],
		format: 'oci',
		signed: true,
		attested: true,
		referrer: false,
		...options,
	};
}

/** Each image gets its own build time, two hours apart from a fixed epoch: deterministic and plausible. */
function buildTime(position: number): string {
	return new Date(Date.UTC(2025, 5, 30, 3, 0, 0) + position * 2 * 3600_000).toISOString().replace('.000Z', 'Z');
}

const python = (minor: string, extraTags: string[]) => {
	const spec: VariantSpec = {
		packages: [...GLIBC_BASE, ...PYTHON_LIBS, `python-${minor}`, `python-${minor}-base`],
		entrypoint: ['/usr/bin/python'],
		workDir: '/app',
		env: { LANG: 'C.UTF-8' },
	};
	const [plain, dev] = withDev(minor, spec, { packages: [`py${minor}-pip`], entrypoint: ['/usr/bin/python'] });
	plain.tags.push(...extraTags);
	dev.tags.push(...extraTags.map((tag) => `${tag}-dev`));
	return [plain, dev];
};

const javaHome = { JAVA_HOME: '/usr/lib/jvm/java-21-openjdk' };

/** The 25 demo images; names match the image pages the site builds. */
export const DEMO_IMAGES: DemoImage[] = [
	image('static', [variant(['latest'], { packages: STATIC_BASE }), variant(['latest-glibc'], { packages: GLIBC_BASE })]),
	image('wolfi-base', [
		variant(['latest'], {
			packages: [...GLIBC_BASE, 'apk-tools', 'busybox', 'libcrypto3', 'libssl3', 'zlib'],
			user: null,
			cmd: ['/bin/sh', '-l'],
		}),
	]),
	image('busybox', [
		variant(['latest'], { packages: [...STATIC_BASE, 'busybox'], cmd: ['/bin/sh', '-l'] }),
		variant(['latest-glibc'], { packages: [...GLIBC_BASE, 'busybox'], cmd: ['/bin/sh', '-l'] }),
	]),
	image('git', [
		...withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'git',
				'libcurl-openssl4',
				'libcrypto3',
				'libssl3',
				'zlib',
				'libpcre2-8-0',
				'libexpat1',
				'libnghttp2-14',
				'libpsl',
				'libidn2',
				'libunistring',
			],
			entrypoint: ['/usr/bin/git'],
			workDir: '/home/git',
		}),
		variant(['latest-root'], {
			packages: [
				...GLIBC_BASE,
				'git',
				'libcurl-openssl4',
				'libcrypto3',
				'libssl3',
				'zlib',
				'libpcre2-8-0',
				'libexpat1',
				'libnghttp2-14',
				'libpsl',
				'libidn2',
				'libunistring',
			],
			user: '0',
			entrypoint: ['/usr/bin/git'],
		}),
	]),
	image(
		'curl',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'curl',
				'libcurl-openssl4',
				'libcrypto3',
				'libssl3',
				'zlib',
				'libnghttp2-14',
				'libpsl',
				'libidn2',
				'libunistring',
				'libbrotlicommon1',
				'libbrotlidec1',
				'libzstd1',
			],
			entrypoint: ['/usr/bin/curl'],
		}),
	),
	image(
		'nginx',
		withDev('latest', {
			packages: [...GLIBC_BASE, 'nginx-mainline', 'nginx-mainline-config', 'libcrypto3', 'libssl3', 'zlib', 'libpcre2-8-0'],
			entrypoint: ['/usr/sbin/nginx'],
			cmd: ['-c', '/etc/nginx/nginx.conf', '-e', '/dev/stderr', '-g', 'daemon off;'],
			stopSignal: 'SIGQUIT',
		}),
	),
	image('python', [...python('3.13', ['latest', '3', '3.13.5']), ...python('3.12', ['3.12.11'])]),
	image(
		'node',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'nodejs-22',
				'libstdc++',
				'libuv',
				'c-ares',
				'icu',
				'libnghttp2-14',
				'libcrypto3',
				'libssl3',
				'zlib',
				'libbrotlicommon1',
				'libbrotlidec1',
			],
			entrypoint: ['/usr/bin/node'],
			workDir: '/app',
			env: { NODE_PORT: '3000' },
		}),
		{ referrer: true },
	),
	image(
		'go',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'go-1.24',
				'bash',
				'busybox',
				'git',
				'libcurl-openssl4',
				'libcrypto3',
				'libssl3',
				'zlib',
				'libpcre2-8-0',
				'libexpat1',
			],
			user: null,
			entrypoint: ['/usr/bin/go'],
			workDir: '/work',
			env: { GOPATH: '/go' },
		}),
	),
	image(
		'jdk',
		withDev('latest', {
			packages: [...GLIBC_BASE, ...JAVA_LIBS, 'openjdk-21', 'openjdk-21-jre', 'openjdk-21-default-jvm'],
			entrypoint: ['/usr/bin/java'],
			workDir: '/home/build',
			env: { ...javaHome, LANG: 'en_US.UTF-8' },
		}),
	),
	image(
		'jre',
		withDev('latest', {
			packages: [...GLIBC_BASE, ...JAVA_LIBS, 'openjdk-21-jre', 'openjdk-21-default-jvm'],
			entrypoint: ['/usr/bin/java'],
			workDir: '/app',
			env: { ...javaHome, LANG: 'en_US.UTF-8' },
		}),
	),
	image(
		'ruby',
		withDev('latest', {
			packages: [...GLIBC_BASE, 'ruby-3.4', 'libyaml', 'gmp', 'libffi', 'zlib', 'libcrypto3', 'libssl3', 'readline', 'ncurses'],
			entrypoint: ['/usr/bin/ruby'],
			workDir: '/work',
		}),
	),
	image('php', [
		...withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'php-8.4',
				'libxml2',
				'oniguruma',
				'libcurl-openssl4',
				'libcrypto3',
				'libssl3',
				'zlib',
				'sqlite-libs',
				'readline',
				'libedit',
			],
			entrypoint: ['/bin/php'],
			workDir: '/app',
		}),
		variant(['latest-fpm'], {
			packages: [
				...GLIBC_BASE,
				'php-8.4',
				'php-8.4-fpm',
				'libxml2',
				'oniguruma',
				'libcurl-openssl4',
				'libcrypto3',
				'libssl3',
				'zlib',
				'sqlite-libs',
			],
			entrypoint: ['/usr/sbin/php-fpm'],
			cmd: ['--nodaemonize'],
			stopSignal: 'SIGQUIT',
		}),
	]),
	image(
		'redis',
		withDev('latest', {
			packages: [...GLIBC_BASE, 'redis-8.0', 'libcrypto3', 'libssl3'],
			entrypoint: ['/usr/bin/redis-server'],
			workDir: '/data',
		}),
	),
	image(
		'postgres',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'postgresql-17',
				'postgresql-17-oci-entrypoint',
				'libpq-17',
				'bash',
				'busybox',
				'libcrypto3',
				'libssl3',
				'zlib',
				'icu',
				'libxml2',
				'readline',
				'ncurses',
				'libstdc++',
				'linux-pam',
			],
			user: '70',
			entrypoint: ['/usr/bin/docker-entrypoint.sh'],
			cmd: ['postgres'],
			env: { PGDATA: '/var/lib/postgresql/data', LANG: 'en_US.UTF-8' },
			stopSignal: 'SIGINT',
		}),
	),
	image(
		'rust',
		withDev('latest', {
			packages: [...GLIBC_BASE, 'rust-1.87', 'libstdc++', 'zlib', 'libcrypto3', 'libssl3', 'libcurl-openssl4', 'libnghttp2-14'],
			entrypoint: ['/usr/bin/rustc'],
			workDir: '/work',
		}),
	),
	image(
		'dotnet-sdk',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				...DOTNET_LIBS,
				'dotnet-9',
				'dotnet-9-sdk',
				'dotnet-9-runtime',
				'aspnet-9-runtime',
				'bash',
				'busybox',
			],
			entrypoint: ['/usr/bin/dotnet'],
			workDir: '/home/nonroot',
			env: { DOTNET_ROOT: '/usr/share/dotnet', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
		}),
	),
	image(
		'dotnet-runtime',
		withDev('latest', {
			packages: [...GLIBC_BASE, ...DOTNET_LIBS, 'dotnet-9-runtime'],
			entrypoint: ['/usr/bin/dotnet'],
			workDir: '/home/nonroot',
			env: { DOTNET_ROOT: '/usr/share/dotnet' },
		}),
	),
	image('glibc-dynamic', withDev('latest', { packages: [...GLIBC_BASE, 'libstdc++'] })),
	image(
		'bash',
		withDev('latest', {
			packages: [...GLIBC_BASE, 'bash', 'busybox', 'ncurses', 'ncurses-terminfo-base', 'readline'],
			entrypoint: ['/bin/bash'],
			cmd: ['-l'],
		}),
	),
	image('jq', withDev('latest', { packages: [...GLIBC_BASE, 'jq', 'oniguruma'], entrypoint: ['/usr/bin/jq'] })),
	image(
		'kubectl',
		withDev('latest', { packages: [...GLIBC_BASE, 'kubectl-1.33'], entrypoint: ['/usr/bin/kubectl'], cmd: ['--help'] }),
	),
	image(
		'pytorch',
		withDev('latest', {
			packages: [...GLIBC_BASE, ...PYTHON_LIBS, 'python-3.12', 'python-3.12-base', 'py3.12-torch', 'py3.12-numpy', 'libstdc++'],
			entrypoint: ['/usr/bin/python'],
			workDir: '/app',
			env: { LANG: 'C.UTF-8' },
		}),
		{
			architectures: ['amd64'],
		},
	),
	image(
		'mariadb',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				'mariadb-11.4',
				'docker-entrypoint-mariadb',
				'bash',
				'busybox',
				'libstdc++',
				'libcrypto3',
				'libssl3',
				'zlib',
				'libpcre2-8-0',
				'ncurses',
				'libedit',
				'liblzma5',
			],
			user: '65532',
			entrypoint: ['/usr/local/bin/docker-entrypoint.sh'],
			cmd: ['mariadbd'],
			stopSignal: 'SIGTERM',
		}),
		{ format: 'docker' },
	),
	image(
		'maven',
		withDev('latest', {
			packages: [
				...GLIBC_BASE,
				...JAVA_LIBS,
				'maven',
				'openjdk-21',
				'openjdk-21-jre',
				'openjdk-21-default-jvm',
				'bash',
				'busybox',
			],
			entrypoint: ['/usr/bin/mvn'],
			workDir: '/home/build',
			env: { ...javaHome, MAVEN_HOME: '/usr/share/java/maven' },
		}),
		{
			signed: false,
			attested: false,
		},
	),
].map((definition, position) => ({ ...definition, created: buildTime(position) }));
