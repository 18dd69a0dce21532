#!/usr/bin/env bash
# Measures intake on a private, durable stack (its own PostgreSQL and Redis, one api, one worker)
# and the machine's raw INSERT limit in the same run. Results: bench/results/latest.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT="${BENCH_PG_PORT:-54359}"
REDIS_PORT="${BENCH_REDIS_PORT:-63829}"
API_PORT="${BENCH_API_PORT:-3390}"
WORKER_PORT="${BENCH_WORKER_PORT:-3391}"
PG_DIR=.data/bench-postgres
REDIS_DIR=.data/bench-redis
RESULTS=bench/results
source bench/lib/bench-stack.sh

bench_prepare
bench_start_databases

# BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=bench/results/profile", profiles the api.
# shellcheck disable=SC2086
PORT="$API_PORT" node ${BENCH_API_NODE_ARGS:-} dist/apps/api/src/main.js >"$RESULTS/api.log" 2>&1 &
API_PID=$!
PIDS+=("$API_PID")
# The worker runs at a lower CPU priority, as scripts/start.sh runs it: in a burst the api accepts first and the
# worker catches up after. BENCH_WORKER_NICE=0 measures it at the api's priority.
export BENCH_WORKER_NICE="${BENCH_WORKER_NICE:-10}"
# shellcheck disable=SC2086
WORKER_PORT="$WORKER_PORT" nice -n "$BENCH_WORKER_NICE" node ${BENCH_WORKER_NODE_ARGS:-} dist/apps/worker/src/main.js >"$RESULTS/worker.log" 2>&1 &
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
API_URL="http://127.0.0.1:$API_PORT" WORKER_URL="http://127.0.0.1:$WORKER_PORT" API_PID="$API_PID" WORKER_PID="$WORKER_PID" REDIS_PID="$(cat "$REDIS_DIR/redis.pid")" PG_PORT="$PG_PORT" \
  RESULTS_DIR="$RESULTS" node bench/intake-bench.js
