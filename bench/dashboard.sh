#!/usr/bin/env bash
# Measures the SLA dashboard at scale on a private, durable stack: 1,000,000 applications over 12 months, every
# dashboard view through HTTP as a center admin, and each DashboardService query with EXPLAIN (ANALYZE, BUFFERS).
# Results: bench/results/dashboard-latest.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT="${BENCH_PG_PORT:-54379}"
REDIS_PORT="${BENCH_REDIS_PORT:-63849}"
API_PORT="${BENCH_API_PORT:-3394}"
WORKER_PORT="${BENCH_WORKER_PORT:-3395}"
PG_DIR=.data/bench-dashboard-postgres
REDIS_DIR=.data/bench-dashboard-redis
RESULTS=bench/results
source bench/lib/bench-stack.sh

# A million rows and their write-ahead log: GBs nobody needs once the figures are written.
bench_after_stop() {
  [ -n "${BENCH_KEEP_DATA:-}" ] || rm -rf "$(pg_data_dir "$PG_DIR")/data" "$REDIS_DIR"
}
bench_prepare
bench_start_databases

export PG_PORT RESULTS_DIR="$RESULTS" API_URL="http://127.0.0.1:$API_PORT"

# Phase 1, only the databases running: load the applications and their clocks, time each query alone.
log "loading the applications and timing the dashboard queries"
node bench/dashboard-bench.js prepare

# Phase 2: the views as a center admin sees them. No worker: nothing is routed or escalated while the bench reads.
PORT="$API_PORT" node dist/apps/api/src/main.js >"$RESULTS/dashboard-api.log" 2>&1 &
API_PID=$!
PIDS+=("$API_PID")
for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$API_PID" 2>/dev/null || { log "the api exited; see $RESULTS/dashboard-api.log"; exit 1; }
  sleep 0.2
done
log "api ready (pid $API_PID); measuring the views"
node bench/dashboard-bench.js measure
