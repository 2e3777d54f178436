#!/usr/bin/env bash
# Chromium for the browser tests, with every --disable-features list joined into one switch: Chromium keeps only the
# last of a repeated switch, and Playwright passes its own list before the one in tests/helpers/browser.ts.
set -euo pipefail
args=()
disabled=()
for arg in "$@"; do
	case "${arg}" in
	--disable-features=*) disabled+=("${arg#--disable-features=}") ;;
	*) args+=("${arg}") ;;
	esac
done
if ((${#disabled[@]})); then
	IFS=,
	args+=("--disable-features=${disabled[*]}")
fi
exec "${CHROMIUM_PATH:-/usr/bin/chromium}" "${args[@]}"
