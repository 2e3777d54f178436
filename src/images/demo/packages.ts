import { AcademyError } from '../../lib/errors.ts';

/**
 * Wolfi packages used by the demo images: name, version (with epoch) and SPDX licence, in the shape of
 * packages.wolfi.dev/os in mid-2025. Demo data: versions are plausible, not a record of a real index.
 */
const CATALOG = `
alsa-lib 1.2.14-r0 LGPL-2.1-or-later
apk-tools 2.14.10-r4 GPL-2.0-only
bash 5.2.37-r33 GPL-3.0-or-later
busybox 1.37.0-r45 GPL-2.0-only
c-ares 1.34.5-r1 MIT
ca-certificates-bundle 20250619-r0 MPL-2.0 AND MIT
curl 8.14.1-r1 curl
docker-entrypoint-mariadb 11.4.7-r0 GPL-2.0-only
dotnet-9 9.0.107-r0 MIT
dotnet-9-runtime 9.0.6-r0 MIT
dotnet-9-sdk 9.0.107-r0 MIT
aspnet-9-runtime 9.0.6-r0 MIT
freetype 2.13.3-r4 FTL OR GPL-2.0-or-later
gdbm 1.25-r1 GPL-3.0-or-later
git 2.50.0-r0 GPL-2.0-or-later
glibc 2.41-r5 LGPL-2.1-or-later
glibc-locale-posix 2.41-r5 LGPL-2.1-or-later
gmp 6.3.0-r6 LGPL-3.0-or-later OR GPL-2.0-or-later
go-1.24 1.24.4-r1 BSD-3-Clause
icu 77.1-r1 Unicode-3.0
jq 1.8.0-r0 MIT
krb5-libs 1.21.3-r4 MIT
kubectl-1.33 1.33.2-r0 Apache-2.0
ld-linux 2.41-r5 LGPL-2.1-or-later
libbrotlicommon1 1.1.0-r5 MIT
libbrotlidec1 1.1.0-r5 MIT
libbz2-1 1.0.8-r14 bzip2-1.0.6
libcrypt1 2.41-r5 LGPL-2.1-or-later
libcrypto3 3.5.0-r3 Apache-2.0
libcurl-openssl4 8.14.1-r1 curl
libedit 3.1-r8 BSD-3-Clause
libexpat1 2.7.1-r1 MIT
libffi 3.4.8-r1 MIT
libgcc 15.1.0-r1 GPL-3.0-or-later WITH GCC-exception-3.1
libidn2 2.3.8-r2 GPL-2.0-or-later OR LGPL-3.0-or-later
libjpeg-turbo 3.1.1-r0 BSD-3-Clause AND IJG AND Zlib
liblzma5 5.8.1-r2 0BSD
libnghttp2-14 1.66.0-r0 MIT
libpcre2-8-0 10.45-r1 BSD-3-Clause
libpng 1.6.49-r0 Libpng
libpq-17 17.5-r2 PostgreSQL
libpsl 0.21.5-r5 MIT
libssl3 3.5.0-r3 Apache-2.0
libstdc++ 15.1.0-r1 GPL-3.0-or-later WITH GCC-exception-3.1
libunistring 1.3-r3 LGPL-3.0-or-later OR GPL-2.0-or-later
libuv 1.51.0-r0 MIT
libverto 0.3.2-r6 MIT
libxcrypt 4.4.38-r2 LGPL-2.1-or-later
libxml2 2.13.8-r1 MIT
libyaml 0.2.5-r7 MIT
libzstd1 1.5.7-r2 BSD-3-Clause OR GPL-2.0-only
linux-pam 1.7.0-r5 BSD-3-Clause
mariadb-11.4 11.4.7-r0 GPL-2.0-only
maven 3.9.10-r0 Apache-2.0
mpdecimal 4.0.1-r1 BSD-2-Clause
ncurses 6.5_p20250531-r0 MIT
ncurses-terminfo-base 6.5_p20250531-r0 MIT
nginx-mainline 1.29.0-r0 BSD-2-Clause
nginx-mainline-config 1.29.0-r0 BSD-2-Clause
nodejs-22 22.16.0-r1 MIT
oniguruma 6.9.10-r1 BSD-2-Clause
openjdk-21 21.0.7-r3 GPL-2.0-only WITH Classpath-exception-2.0
openjdk-21-default-jvm 21.0.7-r3 GPL-2.0-only WITH Classpath-exception-2.0
openjdk-21-jre 21.0.7-r3 GPL-2.0-only WITH Classpath-exception-2.0
openssl-config 3.5.0-r3 Apache-2.0
php-8.4 8.4.8-r1 PHP-3.01
php-8.4-fpm 8.4.8-r1 PHP-3.01
postgresql-17 17.5-r2 PostgreSQL
postgresql-17-oci-entrypoint 17.5-r2 PostgreSQL
py3.12-pip 25.1.1-r0 MIT
py3.12-torch 2.7.1-r0 BSD-3-Clause
py3.12-numpy 2.3.1-r0 BSD-3-Clause
py3.13-pip 25.1.1-r0 MIT
python-3.12 3.12.11-r1 PSF-2.0
python-3.12-base 3.12.11-r1 PSF-2.0
python-3.13 3.13.5-r0 PSF-2.0
python-3.13-base 3.13.5-r0 PSF-2.0
readline 8.2.13-r4 GPL-3.0-or-later
redis-8.0 8.0.2-r0 AGPL-3.0-only
ruby-3.4 3.4.4-r1 Ruby OR BSD-2-Clause
rust-1.87 1.87.0-r0 Apache-2.0 AND MIT
sqlite-libs 3.50.1-r0 blessing
tzdata 2025b-r1 CC-PDDC
wget 1.25.0-r2 GPL-3.0-or-later
wolfi-baselayout 20230201-r21 MIT
zlib 1.3.1-r51 Zlib
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
