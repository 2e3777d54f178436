import { AcademyError } from '../../lib/errors.ts';

/**
 * Wolfi packages used by the demo images: name, version (with epoch) and SPDX licence. Names and versions as the
 * locked configurations of chainguard-images/images @ cd7edd2 (2026-08-22) pin them; licences as the package
 * definitions of wolfi-dev/os @ 8190a16 state them (`package.copyright`), NOASSERTION where the package is not built
 * there (CUDA, PyTorch, Redis and MariaDB come from Chainguard's own repositories). jq is demo-only (wolfi-dev/os jq.yaml).
 */
const CATALOG = `
alsa-lib 1.2.16.1-r1 LGPL-2.1-or-later
apk-tools 2.14.10-r13 GPL-2.0-only
aspnet-10-runtime 10.0.111-r0 MIT
aspnet-10-targeting-pack 10.0.111-r0 MIT
bash 5.3-r12 GPL-3.0-or-later
bash-binsh 5.3-r12 GPL-3.0-or-later
bash-completion 2.18.0-r0 GPL-2.0-only
binutils 2.47-r0 GPL-2.0
build-base 1-r9 MIT
busybox 1.38.0-r1 GPL-2.0-only
c-ares 1.34.8-r0 MIT
ca-certificates 20260413-r1 MPL-2.0 AND MIT
ca-certificates-bundle 20260413-r1 MPL-2.0 AND MIT
cargo-auditable 0.7.5-r2 MIT OR Apache-2.0
composer 2.10.2-r0 MIT
corepack 0.35.0-r0 MIT
coreutils 9.11-r3 GPL-3.0-or-later
cuda-entrypoint 1-r3 NOASSERTION
cuda-toolkit-13.0 13.0-r4 NOASSERTION
cuda-toolkit-13.0-default 13.0-r4 NOASSERTION
cuda-toolkit-13.0-default-dev 13.0-r4 NOASSERTION
cuda-toolkit-13.0-dev 13.0-r4 NOASSERTION
curl 8.21.0-r2 MIT
cyrus-sasl-heimdal-libs 2.1.28-r54 BSD-3-Clause
dash 0.5.13.5-r0 BSD-3-Clause AND GPL-2.0-or-later
dash-binsh 0.5.13.5-r0 BSD-3-Clause AND GPL-2.0-or-later
dotnet-10 10.0.111-r0 MIT
dotnet-10-runtime 10.0.111-r0 MIT
dotnet-10-targeting-pack 10.0.111-r0 MIT
dotnet-sdk-10.0.3 10.0.303-r1 MIT
dumb-init 1.2.5-r12 MIT
ecpg-18 18.6-r0 BSD-3-Clause
execline 2.9.9.2-r0 ISC
freetype 2.14.3-r4 FTL OR GPL-2.0-or-later
gcc 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
gdbm 1.26-r5 GPL-3.0-or-later
giflib 6.1.3-r0 MIT
git 2.55.0-r4 GPL-2.0-or-later
git-lfs 3.7.1-r21 MIT
glibc-2.43 2.43-r15 LGPL-2.1-or-later
glibc-2.43-dev 2.43-r15 LGPL-2.1-or-later
glibc-2.43-locale-en 2.43-r15 LGPL-2.1-or-later
glibc-2.43-locale-posix 2.43-r15 LGPL-2.1-or-later
gmp 6.3.0-r8 LGPL-3.0-or-later OR GPL-2.0-or-later
gnupg-gpgconf 2.4.9-r10 GPL-3.0-or-later
go-1.27 1.27.0-r1 BSD-3-Clause
gosu 1.19-r16 Apache-2.0
gpg 2.4.9-r10 GPL-3.0-or-later
gpgsm 2.4.9-r10 GPL-3.0-or-later
heimdal-libs 7.8.0-r51 BSD-3-Clause
icu 78.3-r2 MIT
icu78-data-full 78.3-r2 MIT
isl 0.28-r2 MIT
java-cacerts 20260413-r1 MPL-2.0 AND MIT
java-common 0.2-r3 GPL-2.0-or-later
java-common-jre 0.2-r3 GPL-2.0-or-later
jemalloc-dev 5.3.1-r2 BSD-2-Clause
jq 1.8.2-r1 MIT
keyutils-libs 1.6.3-r39 GPL-2.0-or-later OR LGPL-2.0-or-later
krb5-conf 1.0-r9 MIT
krb5-libs 1.22.2-r2 MIT
kubectl-1.36 1.36.4-r1 Apache-2.0
kubectl-1.36-default 1.36.4-r1 Apache-2.0
lcms2 2.19.1-r1 MIT AND GPL-3.0-only
ld-linux-2.43 2.43-r15 LGPL-2.1-or-later
libLLVM-19 19.1.7-r27 Apache-2.0
libLLVM-22 22.1.8-r2 Apache-2.0
libacl1 2.4.0-r2 LGPL-2.1-or-later AND GPL-2.0-or-later
libaio 0.3.113-r8 LGPL-2.1-or-later
libassuan 3.0.2-r8 LGPL-2.1-or-later
libatomic 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
libattr1 2.6.0-r2 GPL-2.0-or-later
libbrotlicommon1 1.2.0-r3 MIT
libbrotlidec1 1.2.0-r3 MIT
libbrotlienc1 1.2.0-r3 MIT
libbz2-1 1.0.8-r23 MPL-2.0 AND MIT
libcom_err 1.47.4-r1 GPL-2.0-or-later AND LGPL-2.0-or-later AND BSD-3-Clause AND MIT
libcrypt1-2.43 2.43-r15 LGPL-2.1-or-later
libcrypto3 3.6.3-r5 Apache-2.0
libcurl-openssl4 8.21.0-r2 MIT
libedit 3.1-r18 BSD-3-Clause
libev 4.33-r12 BSD-2-Clause OR GPL-2.0-or-later
libexpat1 2.8.3-r0 MIT
libffi 3.8.0-r0 MIT
libgcc 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
libgcrypt 1.12.2-r0 LGPL-2.1-or-later
libgomp 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
libgpg-error 1.61-r2 GPL-2.0-or-later AND LGPL-2.1-or-later
libicu78 78.3-r2 MIT
libidn2 2.3.8-r8 GPL-2.0-or-later AND LGPL-3.0-or-later
libjemalloc2 5.3.1-r2 BSD-2-Clause
libjpeg-turbo 3.2.0-r1 BSD-3-Clause AND IJG AND Zlib
libksba 1.8.0-r1 GPL-2.0-or-later OR GPL-3.0-or-later
libldap-2.7 2.7.0-r0 OLDAP-2.8
liblz4-1 1.10.0-r9 BSD-2-Clause AND GPL-2.0-only
libnghttp2-14 1.70.0-r2 MIT
libpcre2-8-0 10.47-r0 BSD-3-Clause
libpcre2-posix-3 10.47-r0 BSD-3-Clause
libpng 1.6.58-r1 libpng-2.0
libpq-18 18.6-r0 BSD-3-Clause
libpsl 0.23.3-r0 MIT
libquadmath 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
libselinux 3.11-r0 libselinux-1.0
libsepol 3.11-r0 LGPL-2.1
libsodium 1.0.22-r0 ISC
libssl3 3.6.3-r5 Apache-2.0
libstdc++ 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
libstdc++-dev 16.2.0-r0 GPL-3.0-or-later WITH GCC-exception-3.1
libtasn1 4.21.0-r5 LGPL-2.1-or-later
libunistring 1.4.2-r2 GPL-2.0-or-later OR LGPL-3.0-or-later
libunwind 1.8.3-r5 MIT
libuuid 2.42.2-r3 GPL-3.0-or-later AND GPL-2.0-or-later AND GPL-2.0-only AND GPL-1.0-only AND LGPL-2.1-or-later AND BSD-1-Clause AND BSD-2-Clause AND BSD-3-Clause AND BSD-4-Clause-UC AND MIT AND CC-PDDC
libuv 1.52.1-r1 MIT AND ISC
libverto 0.3.2-r7 MIT
libx11 1.8.13-r5 XFree86-1.1
libxau 1.0.12-r7 MIT
libxcb 1.17.0-r15 MIT
libxcrypt 4.5.2-r4 GPL-2.0-or-later AND LGPL-2.1-or-later
libxcrypt-dev 4.5.2-r4 GPL-2.0-or-later AND LGPL-2.1-or-later
libxdmcp 1.1.5-r9 MIT
libxext 1.3.7-r0 MIT
libxi 1.8.3-r0 MIT AND X11
libxml2 2.15.3-r3 MIT
libxml2-16 2.15.3-r3 MIT
libxrender 0.9.12-r8 XFree86-1.1
libxslt 1.1.45-r3 MIT
libxtst 1.2.5-r7 XFree86-1.1
libzstd1 1.5.7-r8 BSD-2-Clause AND GPL-2.0-only
linux-headers 7.2-r0 GPL-2.0-only WITH Linux-syscall-note
linux-pam 1.7.2-r4 BSD-3-Clause
lttng-ust 2.15.1-r2 LGPL-2.1-or-later
make 4.4.1-r13 GPL-3.0-or-later
mariadb-12.3 12.3.2-r1 NOASSERTION
mariadb-12.3-client 12.3.2-r1 NOASSERTION
mariadb-12.3-dump 12.3.2-r1 NOASSERTION
mariadb-12.3-oci-entrypoint 12.3.2-r1 NOASSERTION
maven-3.9 3.9.16-r2 Apache-2.0
mpc 1.4.1-r0 LGPL-3.0-or-later
mpdecimal 4.0.1-r3 BSD-2-Clause
mpfr 4.2.2-r2 LGPL-3.0-or-later
ncurses 6.6.20260815-r0 MIT
ncurses-terminfo 6.6.20260815-r0 MIT
ncurses-terminfo-base 6.6.20260815-r0 MIT
nghttp2 1.70.0-r2 MIT
nghttp3 1.18.0-r0 MIT
nginx-mainline 1.31.4-r0 BSD-2-Clause
nginx-mainline-config 1.31.4-r0 BSD-2-Clause
nginx-mainline-fastcgi-params 1.31.4-r0 BSD-2-Clause
nginx-mainline-mime-types 1.31.4-r0 BSD-2-Clause
nginx-mainline-package-config 1.31.4-r0 BSD-2-Clause
nginx-mainline-scgi-params 1.31.4-r0 BSD-2-Clause
nginx-mainline-uwsgi-params 1.31.4-r0 BSD-2-Clause
ngtcp2 1.25.0-r1 MIT
node-gyp 13.0.1-r1 Artistic-2.0
nodejs-26 26.7.0-r0 MIT
npm-12 12.0.2-r2 Artistic-2.0
npth-libs 1.8-r13 LGPL-2.1
nvidia-cuda-cccl-13.0 13.0.85-r2 NOASSERTION
nvidia-cuda-compat-13.0 580.126.20-r2 NOASSERTION
nvidia-cuda-crt-13.0 13.0.88-r0 NOASSERTION
nvidia-cuda-crt-13.0-dev 13.0.88-r0 NOASSERTION
nvidia-cuda-cudart-13.0 13.0.96-r1 NOASSERTION
nvidia-cuda-cudart-13.0-dev 13.0.96-r1 NOASSERTION
nvidia-cuda-cupti-13.0 13.0.85-r3 NOASSERTION
nvidia-cuda-cupti-13.0-dev 13.0.85-r3 NOASSERTION
nvidia-cuda-ld-config-13.0 2-r3 NOASSERTION
nvidia-cuda-nvcc-13.0 13.0.88-r0 NOASSERTION
nvidia-cuda-nvcc-13.0-dev 13.0.88-r0 NOASSERTION
nvidia-cuda-nvml-dev-13.0 13.0.87-r3 NOASSERTION
nvidia-cuda-nvrtc-13.0 13.0.88-r2 NOASSERTION
nvidia-cuda-nvrtc-13.0-dev 13.0.88-r2 NOASSERTION
nvidia-cuda-nvtx-13.0 13.0.85-r3 NOASSERTION
nvidia-cuda-nvtx-13.0-dev 13.0.85-r3 NOASSERTION
nvidia-cuda-profiler-api-13.0 13.0.85-r2 NOASSERTION
nvidia-cudnn-9-compat 9.25.0.15-r0 NOASSERTION
nvidia-cudnn-9-cuda-13 9.25.0.15-r0 NOASSERTION
nvidia-cudnn-9-ld-config 9.25.0.15-r0 NOASSERTION
nvidia-libcublas-13.0 13.1.1.3-r0 NOASSERTION
nvidia-libcublas-13.0-dev 13.1.1.3-r0 NOASSERTION
nvidia-libcufft-13.0 12.0.0.61-r4 NOASSERTION
nvidia-libcufft-13.0-dev 12.0.0.61-r4 NOASSERTION
nvidia-libcufile-13.0 1.15.1.6-r0 NOASSERTION
nvidia-libcufile-13.0-dev 1.15.1.6-r0 NOASSERTION
nvidia-libcurand-13.0 10.4.0.35-r3 NOASSERTION
nvidia-libcurand-13.0-dev 10.4.0.35-r3 NOASSERTION
nvidia-libcusolver-13.0 12.0.4.66-r2 NOASSERTION
nvidia-libcusolver-13.0-dev 12.0.4.66-r2 NOASSERTION
nvidia-libcusparse-13.0 12.6.3.3-r3 NOASSERTION
nvidia-libcusparse-13.0-dev 12.6.3.3-r3 NOASSERTION
nvidia-libnvjitlink-13.0 13.0.88-r2 NOASSERTION
nvidia-libnvjitlink-13.0-dev 13.0.88-r2 NOASSERTION
nvidia-libnvptxcompiler-13.0 13.0.88-r2 NOASSERTION
nvidia-libnvptxcompiler-13.0-dev 13.0.88-r2 NOASSERTION
nvidia-libnvvm-13.0 13.0.88-r3 NOASSERTION
nvidia-libnvvm-13.0-dev 13.0.88-r3 NOASSERTION
nvidia-nccl-cuda-13.0 2.31.2-r0 NOASSERTION
oniguruma 6.9.10-r4 BSD-2-Clause
openjdk-26 26.0.2.1-r0 GPL-2.0 WITH Classpath-exception-2.0
openjdk-26-default-jdk 26.0.2.1-r0 GPL-2.0 WITH Classpath-exception-2.0
openjdk-26-default-jvm 26.0.2.1-r0 GPL-2.0 WITH Classpath-exception-2.0
openjdk-26-jmods 26.0.2.1-r0 GPL-2.0 WITH Classpath-exception-2.0
openjdk-26-jre 26.0.2.1-r0 GPL-2.0 WITH Classpath-exception-2.0
openssf-compiler-options 20250904-r9 CC-BY-4.0
openssh-client 10.5_p1-r0 ISC
openssh-keygen 10.5_p1-r0 ISC
p11-kit 0.26.5-r0 BSD-3-Clause
p11-kit-trust 0.26.5-r0 BSD-3-Clause
perl 5.44.0-r0 Artistic-1.0-Perl OR GPL-1.0-or-later
pgaudit-18 18.0-r4 BSD-3-Clause
php-8.5 8.5.9-r0 PHP-3.01
php-8.5-config 8.5.9-r0 PHP-3.01
php-8.5-ctype 8.5.9-r0 PHP-3.01
php-8.5-ctype-config 8.5.9-r0 PHP-3.01
php-8.5-curl 8.5.9-r0 PHP-3.01
php-8.5-curl-config 8.5.9-r0 PHP-3.01
php-8.5-fpm 8.5.9-r0 PHP-3.01
php-8.5-fpm-config 8.5.9-r0 PHP-3.01
php-8.5-iconv 8.5.9-r0 PHP-3.01
php-8.5-iconv-config 8.5.9-r0 PHP-3.01
php-8.5-mbstring 8.5.9-r0 PHP-3.01
php-8.5-mbstring-config 8.5.9-r0 PHP-3.01
php-8.5-mysqlnd 8.5.9-r0 PHP-3.01
php-8.5-mysqlnd-config 8.5.9-r0 PHP-3.01
php-8.5-openssl 8.5.9-r0 PHP-3.01
php-8.5-openssl-config 8.5.9-r0 PHP-3.01
php-8.5-pdo 8.5.9-r0 PHP-3.01
php-8.5-pdo-config 8.5.9-r0 PHP-3.01
php-8.5-pdo_mysql 8.5.9-r0 PHP-3.01
php-8.5-pdo_mysql-config 8.5.9-r0 PHP-3.01
php-8.5-pdo_sqlite 8.5.9-r0 PHP-3.01
php-8.5-pdo_sqlite-config 8.5.9-r0 PHP-3.01
php-8.5-phar 8.5.9-r0 PHP-3.01
php-8.5-phar-config 8.5.9-r0 PHP-3.01
php-8.5-sodium 8.5.9-r0 PHP-3.01
php-8.5-sodium-config 8.5.9-r0 PHP-3.01
pkgconf 3.0.5-r0 ISC
pnpm-11.8 11.8.0-r3 MIT
posix-cc-wrappers 2-r9 MIT
posix-libc-utils-2.43 2.43-r15 LGPL-2.1-or-later
posix-libc-utils-bin-2.43 2.43-r15 LGPL-2.1-or-later
postgresql-18 18.6-r0 BSD-3-Clause
postgresql-18-base 18.6-r0 BSD-3-Clause
postgresql-18-client 18.6-r0 BSD-3-Clause
postgresql-18-client-base 18.6-r0 BSD-3-Clause
postgresql-18-contrib 18.6-r0 BSD-3-Clause
postgresql-18-oci-entrypoint 18.6-r0 BSD-3-Clause
postgresql-18-oci-entrypoint-base 18.6-r0 BSD-3-Clause
pwgen 2.08-r9 GPL-2.0-or-later
py3-pip-wheel 26.2.1-r0 MIT
py3.14-pip 26.2.1-r0 MIT
py3.14-pip-base 26.2.1-r0 MIT
py3.14-pytorch-cuda-13.0 2.13.0-r1 NOASSERTION
py3.14-pytorch-cuda-13.0-dev 2.13.0-r1 NOASSERTION
py3.14-setuptools 84.0.0-r0 MIT
python-3.14 3.14.7-r1 PSF-2.0
python-3.14-base 3.14.7-r1 PSF-2.0
python-3.14-base-dev 3.14.7-r1 PSF-2.0
python-3.14-dev 3.14.7-r1 PSF-2.0
readline 8.3-r2 GPL-3.0-or-later
redis-8.8 8.8.2-r0 NOASSERTION
redis-cli-8.8 8.8.2-r0 NOASSERTION
ruby-4.0 4.0.6-r3 Ruby AND BSD-2-Clause
ruby-4.0-dev 4.0.6-r3 Ruby AND BSD-2-Clause
ruby4.0-bundler 4.0.17-r0 MIT
ruby4.0-json 2.21.2-r0 Ruby
rust-1.97 1.97.1-r0 Apache-2.0 AND MIT
rust-audit-info 0.5.4-r5 MIT OR Apache-2.0
rustup 1.29.0-r12 MIT
s6 2.15.1.0-r0 ISC
skalibs 2.15.1.0-r0 ISC
sqlite-libs 3.53.4-r0 blessing
ttf-dejavu 2.37-r8 Bitstream-Vera
tzdata 2026c-r0 CC-PDDC
uv 0.12.5-r0 MIT
wget 1.25.0-r15 GPL-3.0
wolfi-base 1-r7 MIT
wolfi-baselayout 20230201-r29 MIT
wolfi-keys 1-r13 MIT
xz 5.8.3-r2 GPL-3.0-or-later
yaml 0.2.5-r9 MIT
yarn 1.22.22-r8 BSD-2-Clause
zlib 1.3.2-r4 MPL-2.0 AND MIT
`;

export interface DemoPackage {
	name: string;
	version: string;
	license: string;
}

/** Every demo package by name. */
export const DEMO_PACKAGES: ReadonlyMap<string, DemoPackage> = new Map(
	CATALOG.trim()
		.split('\n')
		.map((line) => {
			const [name, version, ...license] = line.split(' ');
			return [name, { name, version, license: license.join(' ') }];
		}),
);

/** Look up packages by name; an unknown name is a mistake in the demo definitions. */
export function demoPackages(names: readonly string[]): DemoPackage[] {
	return [...new Set(names)].sort().map((name) => {
		const found = DEMO_PACKAGES.get(name);
		if (!found)
			throw new AcademyError(`Demo package "${name}" is not in src/images/demo/packages.ts.`, 'Add it to the catalog there.');
		return found;
	});
}
