#!/usr/bin/env bash
# Compiles apps, libs and migrations to dist/ with swc (path aliases resolved at compile time).
# Builds beside dist/ and swaps it in, so processes started from dist/ never see a half-written tree.
set -euo pipefail
cd "$(dirname "$0")/.."
next="dist.next.$$"
rm -rf "$next"
npx swc apps libs migrations -d "$next" --config-file .swcrc --ignore '**/*.spec.ts' --quiet
# The message catalogs are read at run time from beside the compiled i18n lib.
cp -r libs/i18n/catalogs "$next/libs/i18n/catalogs"
# So are the country packs, beside the compiled country-packs lib.
cp -r libs/country-packs/packs "$next/libs/country-packs/packs"
old="dist.old.$$"
[ -d dist ] && mv dist "$old"
mv "$next" dist
rm -rf "$old"
