#!/usr/bin/env bash
# Measures the escalation timers at scale on a private, durable stack: 1,000,000 open applications with running
# answer clocks, their timers relayed into Redis, the sweeper's query, and the delay between a deadline and its
# escalation while intake runs. Results: bench/results/escalations-latest.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT="${BENCH_PG_PORT:-54369}"
REDIS_PORT="${BENCH_REDIS_PORT:-63839}"
API_PORT="${BENCH_API_PORT:-3392}"
WORKER_PORT="${BENCH_WORKER_PORT:-3393}"
PG_DIR=.data/bench-escalations-postgres
REDIS_DIR=.data/bench-escalations-redis
RESULTS=bench/results
source bench/lib/bench-stack.sh

# A million rows and their write-ahead log: several GB nobody needs once the figures are written.
bench_after_stop() {
  [ -n "${BENCH_KEEP_DATA:-}" ] || rm -rf "$(pg_data_dir "$PG_DIR")/data" "$REDIS_DIR"
}
bench_prepare
# Round the clock, no holidays: a working minute is a real minute, so a deadline is an instant anyone can check.
export WORKING_DAYS=1,2,3,4,5,6,7 WORKING_HOURS=00:00-24:00 CALENDAR_PUBLIC_HOLIDAYS=false
bench_start_databases

export PG_PORT REDIS_PORT RESULTS_DIR="$RESULTS" API_URL="http://127.0.0.1:$API_PORT"
export REDIS_PID="$(cat "$REDIS_DIR/redis.pid")"

# Phase 1, nothing running but the databases: load the clocks and their outbox events, measure the sweeper's query.
log "loading the open applications and measuring the sweeper query"
node bench/escalation-bench.js prepare

# Phase 2: the worker's relay turns the outbox backlog into delayed jobs as soon as it starts.
WORKER_STARTED_AT_MS="$(date +%s%3N)"
WORKER_PORT="$WORKER_PORT" node dist/apps/worker/src/main.js >"$RESULTS/escalations-worker.log" 2>&1 &
WORKER_PID=$!
PIDS+=("$WORKER_PID")
PORT="$API_PORT" node dist/apps/api/src/main.js >"$RESULTS/escalations-api.log" 2>&1 &
API_PID=$!
PIDS+=("$API_PID")

# Ready, or the reason it never will be: a process that died says so in its log.
node -e '
  const pairs = process.argv.slice(1);
  const until = Date.now() + 60000;
  const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
  (async () => {
    for (let i = 0; i < pairs.length; i += 3) {
      const [pid, url, logFile] = pairs.slice(i, i + 3);
      for (;;) {
        try { if ((await fetch(url)).ok) break; } catch {}
        if (!alive(pid)) { console.error(`${url}: the process exited; see ${logFile}`); process.exit(1); }
        if (Date.now() > until) { console.error(`${url} not ready in 60 s; see ${logFile}`); process.exit(1); }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
' "$API_PID" "http://127.0.0.1:$API_PORT/health/ready" "$RESULTS/escalations-api.log" \
  "$WORKER_PID" "http://127.0.0.1:$WORKER_PORT/health/ready" "$RESULTS/escalations-worker.log"

log "stack ready (api pid $API_PID, worker pid $WORKER_PID); measuring"
API_PID="$API_PID" WORKER_PID="$WORKER_PID" WORKER_STARTED_AT_MS="$WORKER_STARTED_AT_MS" \
  node bench/escalation-bench.js measure
