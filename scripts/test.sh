#!/usr/bin/env bash
# Runs the whole test suite against a private PostgreSQL and Redis started for this run.
# Extra arguments go to jest (e.g. `npm test -- test/intake`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

ensure_node_modules
ensure_redis_installed
ensure_postgis_installed
ensure_chromium_installed
bash scripts/build.sh
log "type-checking"
npx tsc -p tsconfig.json --noEmit
log "linting, checking the layout, the arrows between apps and libs, and their sizes"
npx eslint .
npm run --silent format:check
npx depcruise apps libs migrations --config .dependency-cruiser.cjs --output-type err
node scripts/check-house.js

PG_PORT="${PETITIO_TEST_PG_PORT:-54349}"
REDIS_PORT="${PETITIO_TEST_REDIS_PORT:-63819}"
cleanup() {
  stop_postgres ".data/test-postgres-$PG_PORT"
  stop_redis ".data/test-redis-$REDIS_PORT" "$REDIS_PORT"
}
trap cleanup EXIT INT TERM

log "starting test PostgreSQL on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT"
# The test cluster is throwaway: fsync off makes it faster and changes no behaviour under test.
PG_FSYNC=off start_postgres ".data/test-postgres-$PG_PORT" "$PG_PORT" fresh
rm -rf ".data/test-redis-$REDIS_PORT"
start_redis ".data/test-redis-$REDIS_PORT" "$REDIS_PORT"

# Every suite copies this migrated, seeded template into a database of its own.
create_database "$PG_PORT" petitio_template
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/petitio_template" node dist/apps/cli/src/main.js migrate
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/petitio_template" node dist/apps/cli/src/main.js seed

export PETITIO_TEST_PG_PORT="$PG_PORT" PETITIO_TEST_REDIS_PORT="$REDIS_PORT" PETITIO_TEST_TEMPLATE_DB=petitio_template PG_BIN
npx jest "$@"
