#!/usr/bin/env bash
# Starts the whole service: dependencies, private PostgreSQL and Redis (unless DATABASE_URL / REDIS_URL
# are given), migrations, demo data, the api and a worker. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

ensure_node_modules
bash scripts/build.sh

PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${OWN_PG:-}" ]; then stop_postgres .data/postgres; fi
  if [ -n "${OWN_REDIS:-}" ]; then stop_redis .data/redis 63799; fi
}
trap cleanup EXIT INT TERM

if [ -z "${DATABASE_URL:-}" ]; then
  # Each country pack's demo gets a database of its own: one database holds one country's law.
  DB_NAME=petitio
  if [ -n "${COUNTRY_PACK:-}" ] && [ "$COUNTRY_PACK" != tr ]; then DB_NAME="petitio_${COUNTRY_PACK//[^a-z0-9]/_}"; fi
  log "starting private PostgreSQL on 127.0.0.1:54329 (data in .data/postgres, database $DB_NAME)"
  ensure_postgis_installed
  start_postgres .data/postgres 54329
  create_database 54329 "$DB_NAME"
  export DATABASE_URL="postgres://postgres@127.0.0.1:54329/$DB_NAME"
  OWN_PG=1
fi
if [ -z "${REDIS_URL:-}" ]; then
  ensure_redis_installed
  log "starting private Redis on 127.0.0.1:63799 (data in .data/redis)"
  start_redis .data/redis 63799
  export REDIS_URL=redis://127.0.0.1:63799
  OWN_REDIS=1
  # The queues of one pack's demo database never meet another's.
  if [ -n "${DB_NAME:-}" ] && [ "$DB_NAME" != petitio ] && [ -z "${QUEUE_PREFIX:-}" ]; then export QUEUE_PREFIX="{$DB_NAME}"; fi
fi

node dist/apps/cli/src/main.js migrate
node dist/apps/cli/src/main.js seed

PORT="${PORT:-3000}"
export PORT
node dist/apps/api/src/main.js &
PIDS+=($!)
# On one machine the worker yields the CPU to the api: a burst of submissions is accepted first (each is safe in
# PostgreSQL before it is acknowledged) and routed as soon as the burst eases.
nice -n 10 node dist/apps/worker/src/main.js &
PIDS+=($!)

node -e '
  const url = process.argv[1];
  const until = Date.now() + 30000;
  (async function wait() {
    while (Date.now() < until) {
      try { if ((await fetch(url)).ok) return; } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    console.error("the api did not become ready in 30 s");
  })();
' "http://127.0.0.1:$PORT/health/ready"
LANGUAGES=$(node -e '
  const { loadEnvironment, supportedLanguages } = require("./dist/libs/platform/src");
  const { languageName } = require("./dist/libs/i18n/src");
  const env = loadEnvironment();
  console.log(`${env.COUNTRY_PACK} pack: ${supportedLanguages(env).map(languageName).join(", ")}`);
')
cat >&2 <<MSG

  Petitio is running.
    Citizen portal         http://localhost:$PORT/   ($LANGUAGES)
    Staff console          http://localhost:$PORT/staff/sign-in
    API and OpenAPI docs   http://localhost:$PORT/docs
    Submit an application  POST http://localhost:$PORT/api/v1/applications
    Health                 http://localhost:$PORT/health/ready
    Metrics                http://localhost:$PORT/metrics  (worker: http://localhost:${WORKER_PORT:-3001}/metrics)
    Staff sign-in          POST http://localhost:$PORT/api/v1/staff/session
                           admin@ agent@ triage@ officer@ supervisor@demo.petitio.example
                           password: petitio-demo-password
  Press Ctrl-C to stop.

MSG
wait -n "${PIDS[@]}"
