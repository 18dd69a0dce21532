#!/usr/bin/env bash
# Measures intake on a private, durable stack (its own PostgreSQL and Redis, one api, one worker)
# and the machine's raw INSERT limit in the same run. Results: bench/results/latest.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

PG_PORT="${BENCH_PG_PORT:-54359}"
REDIS_PORT="${BENCH_REDIS_PORT:-63829}"
API_PORT="${BENCH_API_PORT:-3390}"
WORKER_PORT="${BENCH_WORKER_PORT:-3391}"
PG_DIR=.data/bench-postgres
REDIS_DIR=.data/bench-redis
RESULTS=bench/results

for port in "$PG_PORT" "$REDIS_PORT" "$API_PORT" "$WORKER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is already in use; stop what holds it or set BENCH_*_PORT"; exit 1
  fi
done

ensure_node_modules
ensure_redis_installed
mkdir -p "$RESULTS"
log "building"
bash scripts/build.sh

PIDS=()
cleanup() {
  log "stopping the bench stack"
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_postgres "$PG_DIR"
  stop_redis "$REDIS_DIR" "$REDIS_PORT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Durability equal to production defaults: fsync and synchronous_commit on (checked again by the bench).
log "starting a fresh PostgreSQL on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT"
PG_FSYNC=on start_postgres "$PG_DIR" "$PG_PORT" fresh
create_database "$PG_PORT" petitio_bench
rm -rf "$REDIS_DIR"
start_redis "$REDIS_DIR" "$REDIS_PORT"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/petitio_bench"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export LOG_LEVEL=warn DATABASE_POOL_SIZE="${DATABASE_POOL_SIZE:-20}" NODE_ENV=production
export ACCESS_CODE_SECRET=bench-only-secret-not-used-anywhere-else
node dist/apps/cli/src/main.js migrate >/dev/null
node dist/apps/cli/src/main.js seed >/dev/null

# BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=bench/results/profile", profiles the api.
# shellcheck disable=SC2086
PORT="$API_PORT" node ${BENCH_API_NODE_ARGS:-} dist/apps/api/src/main.js >"$RESULTS/api.log" 2>&1 &
API_PID=$!
PIDS+=("$API_PID")
WORKER_PORT="$WORKER_PORT" node dist/apps/worker/src/main.js >"$RESULTS/worker.log" 2>&1 &
WORKER_PID=$!
PIDS+=("$WORKER_PID")

node -e '
  const urls = process.argv.slice(1);
  const until = Date.now() + 30000;
  (async () => {
    for (const url of urls) {
      for (;;) {
        try { if ((await fetch(url)).ok) break; } catch {}
        if (Date.now() > until) { console.error(`${url} not ready in 30 s`); process.exit(1); }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
' "http://127.0.0.1:$API_PORT/health/ready" "http://127.0.0.1:$WORKER_PORT/health/ready"

log "stack ready (api pid $API_PID, worker pid $WORKER_PID); measuring"
API_URL="http://127.0.0.1:$API_PORT" API_PID="$API_PID" WORKER_PID="$WORKER_PID" REDIS_PID="$(cat "$REDIS_DIR/redis.pid")" PG_PORT="$PG_PORT" \
  RESULTS_DIR="$RESULTS" node bench/intake-bench.js
