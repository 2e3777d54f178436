/**
 * The demo images: project-written definitions shaped after the public images of cgr.dev/chainguard, so that no image
 * page contradicts a guide. Users, accounts, entrypoints, commands, working directories, environment, stop signals,
 * tags and package names follow chainguard-images/images @ cd7edd2 (2026-08-22), `images/<name>/locked_config.json`;
 * the -dev variants add what their `devConfigs` add. They exist so the site builds and the tests run without network
 * access: digests, sizes and dates are the demo's own, and none of it is a copy of a real image.
 */

export type DemoArch = 'amd64' | 'arm64';

/** How a variant is signed and attested by the demo authority. */
export interface DemoSigning {
	/**
	 * `cosign`: cosign's tag layout, as cgr.dev publishes (`.sig` on the index, `.att` on the index and each platform).
	 * `bundle`: Sigstore bundles as OCI referrers, as cosign 3 and GitHub artifact attestations publish.
	 */
	layout: 'cosign' | 'bundle';
	/** Certificate identity to sign as; default the demo policy's. Another one fails verification, on purpose. */
	identity?: string;
}

/** An account of the image (apko `accounts.users`); its group has the same name and id. */
export interface DemoAccount {
	name: string;
	uid: number;
}

export interface DemoVariant {
	tags: string[];
	packages: string[];
	/** Config User (apko `run-as`): a uid, a name, or "0"; null leaves it unset (the container runs as root). */
	user: string | null;
	/** The account the image defines, whether or not it runs as it. */
	account: DemoAccount;
	entrypoint: string[] | null;
	cmd: string[] | null;
	workDir: string | null;
	/** Added to PATH and SSL_CERT_FILE, which apko always sets (and may replace them). */
	env: Record<string, string>;
	stopSignal: string | null;
	/** Signatures and attestations of the variant; null publishes none (no SBOM either). */
	signing: DemoSigning | null;
}

export interface DemoImage {
	name: string;
	variants: DemoVariant[];
	architectures: DemoArch[];
	/** `docker`: a Docker v2 manifest list with Docker v2 manifests instead of OCI. */
	format: 'oci' | 'docker';
	/** An OpenVEX document about the index, attached as a signed Sigstore bundle referrer. */
	vex: boolean;
	/** True when cgr.dev/chainguard publishes an image of this name for the demo to stand for; false for demo-only images. */
	publicImage: boolean;
	/** Build time recorded in configs and annotations. */
	created: string;
}

/** A valid signature by an identity the demo policy does not expect: what the pages show as a failed verification. */
export const OTHER_IDENTITY =
	'https://demo.invalid/someone-else/unexpected-workflow/.github/workflows/release.yaml@refs/heads/main';

/** What every variant gets unless its definition says otherwise. */
const DEFAULTS = {
	user: '65532',
	account: { name: 'nonroot', uid: 65532 },
	entrypoint: null,
	cmd: null,
	workDir: null,
	env: {},
	stopSignal: null,
	signing: { layout: 'cosign' },
} as const satisfies Omit<DemoVariant, 'tags' | 'packages'>;

/** Package names written as words separated by whitespace, the way the lists are long. */
function names(text: TemplateStringsArray): string[] {
	return text.join('').trim().split(/\s+/);
}

type VariantSpec = Partial<Omit<DemoVariant, 'tags'>> & { packages: string[] };

function variant(tags: string[], spec: VariantSpec): DemoVariant {
	return { ...DEFAULTS, ...spec, tags };
}

/** A variant and its -dev twin (every tag with `-dev`), which adds what the image's devConfigs add. */
function withDev(tags: string[], spec: VariantSpec, devAdds: string[]): DemoVariant[] {
	return [
		variant(tags, spec),
		variant(
			tags.map((tag) => `${tag}-dev`),
			{ ...spec, packages: [...spec.packages, ...devAdds] },
		),
	];
}

type ImageOptions = Partial<Pick<DemoImage, 'architectures' | 'format' | 'vex' | 'publicImage'>> & {
	/** The signing layout of every signed variant. */
	layout?: DemoSigning['layout'];
};

function image(name: string, variants: DemoVariant[], options: ImageOptions = {}): Omit<DemoImage, 'created'> {
	const { layout, ...rest } = options;
	return {
		name,
		variants: layout
			? variants.map((entry) => (entry.signing ? { ...entry, signing: { ...entry.signing, layout } } : entry))
			: variants,
		architectures: ['amd64', 'arm64'],
		format: 'oci',
		vex: false,
		publicImage: true,
		...rest,
	};
}

/** Each image gets its own build time, twenty minutes apart on the day the definitions were taken: deterministic and plausible. */
function buildTime(position: number): string {
	return new Date(Date.UTC(2026, 7, 22, 3, 0, 0) + position * 20 * 60_000).toISOString().replace('.000Z', 'Z');
}

/** git runs as its own account and has dash as /bin/sh (hooks and aliases need a shell). */
const GIT: VariantSpec = {
	account: { name: 'git', uid: 65532 },
	entrypoint: ['/usr/bin/git'],
	workDir: '/home/git',
	packages: names`
		ca-certificates-bundle cyrus-sasl-heimdal-libs dash-binsh dash gdbm git-lfs git
		glibc-2.43-locale-posix glibc-2.43 gnupg-gpgconf gpg gpgsm heimdal-libs keyutils-libs krb5-conf
		krb5-libs ld-linux-2.43 libassuan libbrotlicommon1 libbrotlidec1 libbz2-1 libcom_err libcrypt1-2.43
		libcrypto3 libcurl-openssl4 libedit libexpat1 libgcc libgcrypt libgpg-error libidn2 libksba
		libldap-2.7 libnghttp2-14 libpcre2-8-0 libpsl libselinux libsepol libssl3 libunistring libverto
		libxcrypt ncurses-terminfo-base ncurses nghttp3 ngtcp2 npth-libs openssh-client openssh-keygen
		readline sqlite-libs wolfi-baselayout zlib
	`,
};

/** The 25 demo images; names match the image pages the site builds. */
export const DEMO_IMAGES: DemoImage[] = [
	image('static', [
		variant(['latest', 'latest-glibc'], {
			packages: ['ca-certificates-bundle', 'tzdata', 'wolfi-baselayout'],
		}),
	]),
	image('wolfi-base', [
		variant(['latest'], {
			user: '0',
			cmd: ['/bin/sh', '-l'],
			packages: names`
				apk-tools busybox ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43
				libcrypt1-2.43 libcrypto3 libgcc libssl3 libxcrypt wolfi-base wolfi-baselayout wolfi-keys zlib
			`,
		}),
	]),
	image('busybox', [
		variant(['latest', 'latest-glibc'], {
			packages: names`
				busybox ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libcrypt1-2.43
				libgcc libxcrypt wolfi-baselayout
			`,
		}),
	]),
	image('git', [
		...withDev(['latest', 'latest-glibc'], GIT, ['apk-tools', 'bash', 'busybox', 'wget']),
		// The same client, run as root, for volumes whose ownership cannot change.
		...withDev(['latest-root', 'latest-glibc-root'], { ...GIT, user: '0' }, ['apk-tools', 'bash', 'busybox', 'wget']),
	]),
	image('curl', [
		...withDev(
			['latest'],
			{
				entrypoint: ['/usr/bin/curl'],
				packages: names`
					ca-certificates-bundle curl cyrus-sasl-heimdal-libs gdbm glibc-2.43-locale-posix glibc-2.43
					heimdal-libs keyutils-libs krb5-conf krb5-libs ld-linux-2.43 libbrotlicommon1 libbrotlidec1
					libcom_err libcrypt1-2.43 libcrypto3 libcurl-openssl4 libgcc libidn2 libldap-2.7 libnghttp2-14
					libpsl libssl3 libunistring libverto libxcrypt ncurses-terminfo-base ncurses-terminfo ncurses
					nghttp3 ngtcp2 readline sqlite-libs wolfi-baselayout zlib
				`,
			},
			['apk-tools', 'bash', 'busybox', 'git', 'libexpat1', 'libpcre2-8-0', 'wget'],
		),
	]),
	image('nginx', [
		...withDev(
			['latest'],
			{
				account: { name: 'nginx', uid: 65532 },
				entrypoint: ['/usr/sbin/nginx'],
				cmd: ['-c', '/etc/nginx/nginx.conf', '-e', '/dev/stderr', '-g', 'daemon off;'],
				stopSignal: 'SIGQUIT',
				packages: names`
					ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libcrypt1-2.43 libcrypto3
					libgcc libpcre2-8-0 libssl3 libxcrypt nginx-mainline-config nginx-mainline-fastcgi-params
					nginx-mainline-mime-types nginx-mainline-package-config nginx-mainline-scgi-params
					nginx-mainline-uwsgi-params nginx-mainline wolfi-baselayout zlib
				`,
			},
			names`
				apk-tools bash busybox cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf
				krb5-libs libbrotlicommon1 libbrotlidec1 libcom_err libcurl-openssl4 libexpat1 libidn2 libldap-2.7
				libnghttp2-14 libpsl libunistring libverto ncurses-terminfo-base ncurses nghttp3 ngtcp2 readline
				sqlite-libs wget
			`,
		),
	]),
	image('python', [
		...withDev(
			['latest'],
			{
				entrypoint: ['/usr/bin/python'],
				packages: names`
					ca-certificates-bundle gdbm glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libbz2-1 libcrypto3
					libexpat1 libffi libgcc libssl3 libstdc++ libuuid libzstd1 mpdecimal ncurses-terminfo-base ncurses
					py3-pip-wheel python-3.14-base python-3.14 readline sqlite-libs wolfi-baselayout xz zlib
				`,
			},
			names`
				apk-tools bash binutils build-base busybox cyrus-sasl-heimdal-libs gcc git glibc-2.43-dev gmp
				heimdal-libs isl keyutils-libs krb5-conf krb5-libs libatomic libbrotlicommon1 libbrotlidec1
				libcom_err libcrypt1-2.43 libcurl-openssl4 libgomp libidn2 libldap-2.7 libnghttp2-14 libpcre2-8-0
				libpsl libquadmath libstdc++-dev libunistring libverto libxcrypt-dev libxcrypt linux-headers make
				mpc mpfr nghttp3 ngtcp2 openssf-compiler-options pkgconf posix-cc-wrappers py3.14-pip-base
				py3.14-pip py3.14-setuptools python-3.14-base-dev python-3.14-dev uv wget
			`,
		),
	]),
	image(
		'node',
		[
			...withDev(
				['latest'],
				{
					account: { name: 'node', uid: 65532 },
					entrypoint: ['/usr/bin/node'],
					cmd: ['--help'],
					workDir: '/app',
					env: { NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
					packages: names`
						busybox c-ares ca-certificates-bundle dumb-init glibc-2.43-locale-posix glibc-2.43 icu78-data-full
						ld-linux-2.43 libbrotlicommon1 libbrotlidec1 libbrotlienc1 libcrypt1-2.43 libcrypto3 libev libgcc
						libicu78 libnghttp2-14 libssl3 libstdc++ libuv libxcrypt nghttp2 node-gyp nodejs-26 npm-12
						wolfi-baselayout zlib
					`,
				},
				names`
					apk-tools bash binutils build-base corepack cyrus-sasl-heimdal-libs gcc gdbm git glibc-2.43-dev gmp
					heimdal-libs isl keyutils-libs krb5-conf krb5-libs libatomic libcom_err libcurl-openssl4 libexpat1
					libgomp libidn2 libldap-2.7 libpcre2-8-0 libpsl libquadmath libstdc++-dev libunistring libverto
					libxcrypt-dev libzstd1 linux-headers make mpc mpfr ncurses-terminfo-base ncurses nghttp3 ngtcp2
					openssf-compiler-options pkgconf pnpm-11.8 posix-cc-wrappers readline sqlite-libs wget yarn
				`,
			),
		],
		{ vex: true },
	),
	image(
		'go',
		[
			...withDev(
				['latest'],
				{
					user: '0',
					entrypoint: ['/usr/bin/go'],
					cmd: ['help'],
					env: { GODEBUG: 'tarinsecurepath=0,zipinsecurepath=0', GOTOOLCHAIN: 'local+auto' },
					packages: names`
						binutils build-base busybox ca-certificates-bundle cyrus-sasl-heimdal-libs gcc gdbm git
						glibc-2.43-dev glibc-2.43-locale-posix glibc-2.43 gmp go-1.27 heimdal-libs isl keyutils-libs
						krb5-conf krb5-libs ld-linux-2.43 libatomic libbrotlicommon1 libbrotlidec1 libcom_err libcrypt1-2.43
						libcrypto3 libcurl-openssl4 libedit libexpat1 libgcc libgomp libidn2 libldap-2.7 libnghttp2-14
						libpcre2-8-0 libpsl libquadmath libselinux libsepol libssl3 libstdc++-dev libstdc++ libunistring
						libverto libxcrypt-dev libxcrypt libzstd1 linux-headers make mpc mpfr ncurses-terminfo-base ncurses
						nghttp3 ngtcp2 openssf-compiler-options openssh-client pkgconf posix-cc-wrappers readline
						sqlite-libs wolfi-baselayout zlib
					`,
				},
				['apk-tools', 'bash', 'wget'],
			),
		],
		{ layout: 'bundle' },
	),
	image('jdk', [
		...withDev(
			['latest'],
			{
				account: { name: 'java', uid: 65532 },
				workDir: '/home/build',
				env: { JAVA_HOME: '/usr/lib/jvm/default-jvm', LANG: 'en_US.UTF-8' },
				packages: names`
					alsa-lib busybox ca-certificates-bundle ca-certificates freetype giflib glibc-2.43-locale-en
					glibc-2.43-locale-posix glibc-2.43 java-cacerts java-common-jre java-common lcms2 ld-linux-2.43
					libbrotlicommon1 libbrotlidec1 libbz2-1 libcrypt1-2.43 libcrypto3 libffi libgcc libjpeg-turbo libpng
					libstdc++ libtasn1 libx11 libxau libxcb libxcrypt libxdmcp libxext libxi libxrender libxtst
					openjdk-26-default-jdk openjdk-26 p11-kit-trust p11-kit ttf-dejavu wolfi-baselayout zlib
				`,
			},
			names`
				apk-tools bash cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf krb5-libs
				libcom_err libcurl-openssl4 libexpat1 libidn2 libldap-2.7 libnghttp2-14 libpcre2-8-0 libpsl libssl3
				libunistring libverto ncurses-terminfo-base ncurses nghttp3 ngtcp2 readline sqlite-libs wget
			`,
		),
	]),
	image('jre', [
		...withDev(
			['latest'],
			{
				account: { name: 'java', uid: 65532 },
				entrypoint: ['/usr/bin/java'],
				workDir: '/app',
				env: { JAVA_HOME: '/usr/lib/jvm/default-jvm', LANG: 'en_US.UTF-8' },
				packages: names`
					alsa-lib ca-certificates-bundle ca-certificates freetype giflib glibc-2.43-locale-en
					glibc-2.43-locale-posix glibc-2.43 java-cacerts java-common-jre lcms2 ld-linux-2.43 libbrotlicommon1
					libbrotlidec1 libbz2-1 libcrypto3 libffi libgcc libjpeg-turbo libpng libstdc++ libtasn1 libx11
					libxau libxcb libxdmcp libxext libxi libxrender libxtst openjdk-26-default-jvm openjdk-26-jre
					p11-kit-trust p11-kit ttf-dejavu wolfi-baselayout zlib
				`,
			},
			names`
				apk-tools bash busybox cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf
				krb5-libs libcom_err libcrypt1-2.43 libcurl-openssl4 libexpat1 libidn2 libldap-2.7 libnghttp2-14
				libpcre2-8-0 libpsl libssl3 libunistring libverto libxcrypt ncurses-terminfo-base ncurses nghttp3
				ngtcp2 readline sqlite-libs wget
			`,
		),
	]),
	image(
		'ruby',
		[
			...withDev(
				['latest'],
				{
					entrypoint: ['/usr/bin/ruby'],
					cmd: ['--version'],
					workDir: '/work',
					packages: names`
						ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 gmp ld-linux-2.43 libcrypt1-2.43
						libcrypto3 libffi libgcc libjemalloc2 libssl3 libstdc++ libxcrypt ruby-4.0 ruby4.0-json
						wolfi-baselayout yaml zlib
					`,
				},
				names`
					apk-tools bash binutils build-base busybox cyrus-sasl-heimdal-libs gcc gdbm git glibc-2.43-dev
					heimdal-libs isl jemalloc-dev keyutils-libs krb5-conf krb5-libs libatomic libbrotlicommon1
					libbrotlidec1 libcom_err libcurl-openssl4 libexpat1 libgomp libidn2 libldap-2.7 libnghttp2-14
					libpcre2-8-0 libpsl libquadmath libstdc++-dev libunistring libverto libxcrypt-dev libzstd1
					linux-headers make mpc mpfr ncurses-terminfo-base ncurses nghttp3 ngtcp2 openssf-compiler-options
					pkgconf posix-cc-wrappers readline ruby-4.0-dev ruby4.0-bundler sqlite-libs wget
				`,
			),
		],
		{ layout: 'bundle' },
	),
	image('php', [
		...withDev(
			['latest'],
			{
				account: { name: 'php', uid: 65532 },
				entrypoint: ['/bin/php'],
				workDir: '/app',
				packages: names`
					ca-certificates-bundle ca-certificates curl cyrus-sasl-heimdal-libs gdbm glibc-2.43-locale-posix
					glibc-2.43 heimdal-libs keyutils-libs krb5-conf krb5-libs ld-linux-2.43 libbrotlicommon1
					libbrotlidec1 libcom_err libcrypt1-2.43 libcrypto3 libcurl-openssl4 libgcc libidn2 libldap-2.7
					libnghttp2-14 libpcre2-8-0 libpsl libsodium libssl3 libunistring libverto libxcrypt libxml2-16
					libxml2 ncurses-terminfo-base ncurses nghttp3 ngtcp2 oniguruma php-8.5-config php-8.5-curl-config
					php-8.5-curl php-8.5-iconv-config php-8.5-iconv php-8.5-mbstring-config php-8.5-mbstring
					php-8.5-mysqlnd-config php-8.5-mysqlnd php-8.5-openssl-config php-8.5-openssl php-8.5-pdo-config
					php-8.5-pdo php-8.5-pdo_mysql-config php-8.5-pdo_mysql php-8.5-pdo_sqlite-config php-8.5-pdo_sqlite
					php-8.5-phar-config php-8.5-phar php-8.5-sodium-config php-8.5-sodium php-8.5 readline sqlite-libs
					wolfi-baselayout zlib
				`,
			},
			['apk-tools', 'bash', 'busybox', 'composer', 'git', 'libexpat1', 'php-8.5-ctype-config', 'php-8.5-ctype', 'wget'],
		),
		...withDev(
			['latest-fpm'],
			{
				account: { name: 'php', uid: 65532 },
				// An apko service bundle: s6 supervises /usr/sbin/php-fpm (apko pkg/build/types ValidateServiceBundle).
				entrypoint: ['/bin/s6-svscan', '/sv'],
				workDir: '/app',
				packages: names`
					ca-certificates-bundle ca-certificates curl cyrus-sasl-heimdal-libs execline gdbm
					glibc-2.43-locale-posix glibc-2.43 heimdal-libs keyutils-libs krb5-conf krb5-libs ld-linux-2.43
					libbrotlicommon1 libbrotlidec1 libcom_err libcrypt1-2.43 libcrypto3 libcurl-openssl4 libgcc libidn2
					libldap-2.7 libnghttp2-14 libpcre2-8-0 libpsl libsodium libssl3 libunistring libverto libxcrypt
					libxml2-16 libxml2 ncurses-terminfo-base ncurses nghttp3 ngtcp2 oniguruma php-8.5-config
					php-8.5-curl-config php-8.5-curl php-8.5-fpm-config php-8.5-fpm php-8.5-iconv-config php-8.5-iconv
					php-8.5-mbstring-config php-8.5-mbstring php-8.5-mysqlnd-config php-8.5-mysqlnd
					php-8.5-openssl-config php-8.5-openssl php-8.5-pdo-config php-8.5-pdo php-8.5-pdo_mysql-config
					php-8.5-pdo_mysql php-8.5-pdo_sqlite-config php-8.5-pdo_sqlite php-8.5-phar-config php-8.5-phar
					php-8.5-sodium-config php-8.5-sodium php-8.5 readline s6 skalibs sqlite-libs wolfi-baselayout zlib
				`,
			},
			['apk-tools', 'bash', 'busybox', 'composer', 'git', 'libexpat1', 'php-8.5-ctype-config', 'php-8.5-ctype', 'wget'],
		),
	]),
	image(
		'redis',
		[
			...withDev(
				['latest'],
				{
					user: 'redis',
					account: { name: 'redis', uid: 65532 },
					entrypoint: ['/usr/bin/redis-server'],
					workDir: '/data',
					packages: names`
						busybox ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libcrypt1-2.43
						libcrypto3 libgcc libssl3 libstdc++ libxcrypt posix-libc-utils-bin-2.43 redis-8.8 redis-cli-8.8
						wolfi-baselayout
					`,
				},
				names`
					apk-tools bash cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf krb5-libs
					libbrotlicommon1 libbrotlidec1 libcom_err libcurl-openssl4 libexpat1 libidn2 libldap-2.7
					libnghttp2-14 libpcre2-8-0 libpsl libunistring libverto ncurses-terminfo-base ncurses nghttp3 ngtcp2
					readline sqlite-libs wget zlib
				`,
			),
		],
		{ layout: 'bundle' },
	),
	image('postgres', [
		...withDev(
			['latest'],
			{
				user: '0',
				account: { name: 'postgres', uid: 70 },
				entrypoint: ['/usr/bin/docker-entrypoint.sh', 'postgres'],
				workDir: '/home/postgres',
				env: { LANG: 'en_US.UTF-8', PGDATA: '/var/lib/postgresql/data' },
				packages: names`
					bash busybox ca-certificates-bundle cyrus-sasl-heimdal-libs ecpg-18 gdbm glibc-2.43-locale-en
					glibc-2.43-locale-posix glibc-2.43 gosu heimdal-libs icu78-data-full keyutils-libs krb5-conf
					krb5-libs ld-linux-2.43 libLLVM-19 libcom_err libcrypt1-2.43 libcrypto3 libedit libffi libgcc
					libicu78 libldap-2.7 liblz4-1 libpcre2-8-0 libpq-18 libselinux libsepol libssl3 libstdc++ libuuid
					libverto libxcrypt libxml2-16 libxslt libzstd1 linux-pam ncurses-terminfo-base ncurses pgaudit-18
					posix-libc-utils-2.43 posix-libc-utils-bin-2.43 postgresql-18-base postgresql-18-client-base
					postgresql-18-client postgresql-18-contrib postgresql-18-oci-entrypoint-base
					postgresql-18-oci-entrypoint postgresql-18 readline sqlite-libs tzdata wolfi-baselayout zlib
				`,
			},
			names`
				apk-tools git libbrotlicommon1 libbrotlidec1 libcurl-openssl4 libexpat1 libidn2 libnghttp2-14 libpsl
				libunistring nghttp3 ngtcp2 wget
			`,
		),
	]),
	image('rust', [
		...withDev(
			['latest'],
			{
				entrypoint: ['/usr/bin/rustc'],
				cmd: ['--help'],
				workDir: '/work',
				packages: names`
					binutils build-base busybox ca-certificates-bundle cargo-auditable cyrus-sasl-heimdal-libs gcc gdbm
					glibc-2.43-dev glibc-2.43-locale-posix glibc-2.43 gmp heimdal-libs isl keyutils-libs krb5-conf
					krb5-libs ld-linux-2.43 libLLVM-22 libatomic libbrotlicommon1 libbrotlidec1 libcom_err
					libcrypt1-2.43 libcrypto3 libcurl-openssl4 libffi libgcc libgomp libidn2 libldap-2.7 libnghttp2-14
					libpsl libquadmath libssl3 libstdc++-dev libstdc++ libunistring libverto libxcrypt-dev libxcrypt
					libxml2-16 libzstd1 linux-headers make mpc mpfr ncurses-terminfo-base ncurses nghttp3 ngtcp2
					openssf-compiler-options pkgconf posix-cc-wrappers readline rust-1.97 rust-audit-info sqlite-libs
					wolfi-baselayout zlib
				`,
			},
			['apk-tools', 'bash', 'git', 'libexpat1', 'libpcre2-8-0', 'rustup', 'wget'],
		),
	]),
	image('dotnet-sdk', [
		...withDev(
			['latest', '10', '10.0', '10.0.303', '10.0.303-r1'],
			{
				cmd: ['/bin/sh', '-l'],
				env: {
					APP_UID: '65532',
					ASPNETCORE_HTTP_PORTS: '8080',
					ASPNET_VERSION: '10.0.11',
					DOTNET_GENERATE_ASPNET_CERTIFICATE: 'false',
					DOTNET_NOLOGO: 'true',
					DOTNET_RUNNING_IN_CONTAINER: 'true',
					DOTNET_SDK_VERSION: '10.0.303',
					DOTNET_USE_POLLING_FILE_WATCHER: 'true',
					DOTNET_VERSION: '10.0.11',
					NUGET_XMLDOC_MODE: 'skip',
				},
				packages: names`
					aspnet-10-runtime aspnet-10-targeting-pack busybox ca-certificates-bundle dotnet-10-runtime
					dotnet-10-targeting-pack dotnet-10 dotnet-sdk-10.0.3 glibc-2.43-locale-posix glibc-2.43
					icu78-data-full icu ld-linux-2.43 libbrotlicommon1 libbrotlidec1 libcrypt1-2.43 libcrypto3 libexpat1
					libgcc libicu78 libssl3 libstdc++ libunwind libxcrypt lttng-ust tzdata wolfi-baselayout xz zlib
				`,
			},
			names`
				apk-tools bash cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf krb5-libs
				libcom_err libcurl-openssl4 libidn2 libldap-2.7 libnghttp2-14 libpcre2-8-0 libpsl libunistring
				libverto ncurses-terminfo-base ncurses nghttp3 ngtcp2 readline sqlite-libs wget
			`,
		),
	]),
	image('dotnet-runtime', [
		...withDev(
			['latest'],
			{
				entrypoint: ['/usr/bin/dotnet'],
				cmd: ['--help'],
				env: { APP_UID: '65532', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_VERSION: '10.0.11' },
				packages: names`
					busybox ca-certificates-bundle dotnet-10-runtime dotnet-10 glibc-2.43-locale-posix glibc-2.43
					icu78-data-full icu ld-linux-2.43 libcrypt1-2.43 libcrypto3 libgcc libicu78 libssl3 libstdc++
					libunwind libxcrypt lttng-ust tzdata wolfi-baselayout xz zlib
				`,
			},
			names`
				apk-tools bash cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf krb5-libs
				libbrotlicommon1 libbrotlidec1 libcom_err libcurl-openssl4 libexpat1 libidn2 libldap-2.7
				libnghttp2-14 libpcre2-8-0 libpsl libunistring libverto ncurses-terminfo-base ncurses nghttp3 ngtcp2
				readline sqlite-libs wget
			`,
		),
	]),
	image('glibc-dynamic', [
		...withDev(
			['latest'],
			{
				packages: names`
					ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libgcc libstdc++
					wolfi-baselayout
				`,
			},
			names`
				apk-tools bash busybox cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf
				krb5-libs libbrotlicommon1 libbrotlidec1 libcom_err libcrypt1-2.43 libcrypto3 libcurl-openssl4
				libexpat1 libidn2 libldap-2.7 libnghttp2-14 libpcre2-8-0 libpsl libssl3 libunistring libverto
				libxcrypt ncurses-terminfo-base ncurses nghttp3 ngtcp2 readline sqlite-libs wget zlib
			`,
		),
	]),
	image('bash', [
		variant(['latest'], {
			user: '0',
			entrypoint: ['/bin/bash', '-c'],
			packages: names`
				bash busybox ca-certificates-bundle curl cyrus-sasl-heimdal-libs gdbm glibc-2.43-locale-posix
				glibc-2.43 heimdal-libs keyutils-libs krb5-conf krb5-libs ld-linux-2.43 libbrotlicommon1
				libbrotlidec1 libcom_err libcrypt1-2.43 libcrypto3 libcurl-openssl4 libgcc libidn2 libldap-2.7
				libnghttp2-14 libpsl libssl3 libunistring libverto libxcrypt ncurses-terminfo-base ncurses nghttp3
				ngtcp2 readline sqlite-libs wolfi-baselayout zlib
			`,
		}),
	]),
	// jq has never been published in chainguard-images/images: this image exists only as demo data. It also shows how
	// the pages report a signature by an identity the policy does not expect (latest) and an unsigned variant (latest-dev).
	image(
		'jq',
		[
			variant(['latest'], {
				entrypoint: ['/usr/bin/jq'],
				packages: names`
					ca-certificates-bundle glibc-2.43 glibc-2.43-locale-posix jq ld-linux-2.43 libgcc oniguruma
					wolfi-baselayout
				`,
				signing: { layout: 'cosign', identity: OTHER_IDENTITY },
			}),
			variant(['latest-dev'], {
				entrypoint: ['/usr/bin/jq'],
				packages: names`
					apk-tools bash busybox ca-certificates-bundle git glibc-2.43 glibc-2.43-locale-posix jq
					ld-linux-2.43 libcrypt1-2.43 libcrypto3 libcurl-openssl4 libexpat1 libgcc libidn2 libnghttp2-14
					libpcre2-8-0 libpsl libssl3 libunistring libxcrypt oniguruma wget wolfi-baselayout zlib
				`,
				signing: null,
			}),
		],
		{ publicImage: false },
	),
	image('kubectl', [
		...withDev(
			['latest'],
			{
				entrypoint: ['/usr/bin/kubectl'],
				cmd: ['--help'],
				packages: ['ca-certificates-bundle', 'kubectl-1.36-default', 'kubectl-1.36', 'wolfi-baselayout'],
			},
			names`
				apk-tools bash-completion bash busybox cyrus-sasl-heimdal-libs gdbm git glibc-2.43-locale-posix
				glibc-2.43 heimdal-libs keyutils-libs krb5-conf krb5-libs ld-linux-2.43 libbrotlicommon1
				libbrotlidec1 libcom_err libcrypt1-2.43 libcrypto3 libcurl-openssl4 libexpat1 libgcc libidn2
				libldap-2.7 libnghttp2-14 libpcre2-8-0 libpsl libssl3 libunistring libverto libxcrypt
				ncurses-terminfo-base ncurses nghttp3 ngtcp2 readline sqlite-libs wget zlib
			`,
		),
	]),
	image(
		'pytorch',
		[
			...withDev(
				['latest'],
				{
					entrypoint: ['/usr/bin/cuda-entrypoint.sh'],
					workDir: '/work',
					env: {
						CUDA_VERSION: '13.0',
						ENTRYPOINT: '/opt/chainguard/pytorch/bin/python',
						LD_LIBRARY_PATH: '/usr/local/nvidia/lib64',
						NVIDIA_DRIVER_CAPABILITIES: 'compute,utility',
						NVIDIA_VISIBLE_DEVICES: 'all',
						PATH: '/opt/chainguard/pytorch/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
						VIRTUAL_ENV: '/opt/chainguard/pytorch',
					},
					packages: names`
						bash-binsh bash ca-certificates-bundle coreutils cuda-entrypoint cuda-toolkit-13.0-default
						cuda-toolkit-13.0 gdbm glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libacl1 libattr1 libbz2-1
						libcrypto3 libexpat1 libffi libgcc libgomp libjpeg-turbo libpcre2-8-0 libpng libselinux libsepol
						libssl3 libstdc++ libuuid libzstd1 mpdecimal ncurses-terminfo-base ncurses nvidia-cuda-compat-13.0
						nvidia-cuda-crt-13.0 nvidia-cuda-cudart-13.0 nvidia-cuda-cupti-13.0 nvidia-cuda-ld-config-13.0
						nvidia-cuda-nvcc-13.0 nvidia-cuda-nvml-dev-13.0 nvidia-cuda-nvrtc-13.0 nvidia-cuda-nvtx-13.0
						nvidia-cudnn-9-compat nvidia-cudnn-9-cuda-13 nvidia-cudnn-9-ld-config nvidia-libcublas-13.0
						nvidia-libcufft-13.0 nvidia-libcufile-13.0 nvidia-libcurand-13.0 nvidia-libcusolver-13.0
						nvidia-libcusparse-13.0 nvidia-libnvjitlink-13.0 nvidia-libnvptxcompiler-13.0 nvidia-libnvvm-13.0
						nvidia-nccl-cuda-13.0 py3-pip-wheel py3.14-pytorch-cuda-13.0 python-3.14-base python-3.14 readline
						sqlite-libs wolfi-baselayout xz zlib
					`,
				},
				names`
					apk-tools busybox cuda-toolkit-13.0-default-dev cuda-toolkit-13.0-dev cyrus-sasl-heimdal-libs git
					heimdal-libs keyutils-libs krb5-conf krb5-libs libbrotlicommon1 libbrotlidec1 libcom_err
					libcrypt1-2.43 libcurl-openssl4 libidn2 libldap-2.7 libnghttp2-14 libpsl libunistring libverto
					libxcrypt nghttp3 ngtcp2 nvidia-cuda-cccl-13.0 nvidia-cuda-crt-13.0-dev nvidia-cuda-cudart-13.0-dev
					nvidia-cuda-cupti-13.0-dev nvidia-cuda-nvcc-13.0-dev nvidia-cuda-nvrtc-13.0-dev
					nvidia-cuda-nvtx-13.0-dev nvidia-cuda-profiler-api-13.0 nvidia-libcublas-13.0-dev
					nvidia-libcufft-13.0-dev nvidia-libcufile-13.0-dev nvidia-libcurand-13.0-dev
					nvidia-libcusolver-13.0-dev nvidia-libcusparse-13.0-dev nvidia-libnvjitlink-13.0-dev
					nvidia-libnvptxcompiler-13.0-dev nvidia-libnvvm-13.0-dev py3.14-pip-base py3.14-pip
					py3.14-pytorch-cuda-13.0-dev py3.14-setuptools uv wget
				`,
			),
		],
		{ architectures: ['amd64'] },
	),
	image(
		'mariadb',
		[
			...withDev(
				['latest'],
				{
					account: { name: 'mysql', uid: 65532 },
					entrypoint: ['/usr/local/bin/docker-entrypoint.sh', 'mariadbd'],
					packages: names`
						bash busybox ca-certificates-bundle glibc-2.43-locale-posix glibc-2.43 ld-linux-2.43 libaio libbz2-1
						libcrypt1-2.43 libcrypto3 libgcc libpcre2-8-0 libpcre2-posix-3 libselinux libsepol libssl3 libstdc++
						libxcrypt linux-pam mariadb-12.3-client mariadb-12.3-dump mariadb-12.3-oci-entrypoint mariadb-12.3
						ncurses-terminfo-base ncurses perl pwgen tzdata wolfi-baselayout xz zlib
					`,
				},
				names`
					apk-tools cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf krb5-libs
					libbrotlicommon1 libbrotlidec1 libcom_err libcurl-openssl4 libexpat1 libidn2 libldap-2.7
					libnghttp2-14 libpsl libunistring libverto nghttp3 ngtcp2 readline sqlite-libs wget
				`,
			),
		],
		{ format: 'docker' },
	),
	image('maven', [
		...withDev(
			['latest'],
			{
				entrypoint: ['/usr/bin/mvn'],
				workDir: '/home/build',
				env: { JAVA_HOME: '/usr/lib/jvm/default-jvm', LANG: 'en_US.UTF-8' },
				packages: names`
					alsa-lib busybox ca-certificates-bundle ca-certificates freetype giflib glibc-2.43-locale-en
					glibc-2.43-locale-posix glibc-2.43 java-cacerts java-common-jre java-common lcms2 ld-linux-2.43
					libbrotlicommon1 libbrotlidec1 libbz2-1 libcrypt1-2.43 libcrypto3 libffi libgcc libjpeg-turbo libpng
					libtasn1 libx11 libxau libxcb libxcrypt libxdmcp libxext libxi libxrender libxtst maven-3.9
					openjdk-26-default-jdk openjdk-26 p11-kit-trust p11-kit ttf-dejavu wolfi-baselayout zlib
				`,
			},
			names`
				apk-tools bash binutils cyrus-sasl-heimdal-libs gdbm git heimdal-libs keyutils-libs krb5-conf
				krb5-libs libcom_err libcurl-openssl4 libexpat1 libidn2 libldap-2.7 libnghttp2-14 libpcre2-8-0
				libpsl libssl3 libstdc++ libunistring libverto libzstd1 ncurses-terminfo-base ncurses nghttp3 ngtcp2
				openjdk-26-jmods readline sqlite-libs wget
			`,
		),
	]),
].map((definition, position) => ({ ...definition, created: buildTime(position) }));
