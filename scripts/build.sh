#!/usr/bin/env bash
# Compiles apps, libs and migrations to dist/ with swc (path aliases resolved at compile time).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx swc apps libs migrations -d dist --config-file .swcrc --ignore '**/*.spec.ts' --quiet
