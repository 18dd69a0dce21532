# Shared by the bench scripts: a private, durable stack on ports of the caller's choosing. Source it after setting
# PG_PORT, REDIS_PORT, API_PORT, WORKER_PORT, PG_DIR, REDIS_DIR and RESULTS; then call bench_prepare and
# bench_start_databases. Processes started later go in PIDS; everything is stopped on exit. A script may define
# bench_after_stop to clean up more.
source scripts/lib/services.sh

PIDS=()

bench_stop() {
  log "stopping the bench stack"
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_postgres "$PG_DIR"
  stop_redis "$REDIS_DIR" "$REDIS_PORT"
  if declare -F bench_after_stop >/dev/null; then bench_after_stop; fi
}

# Refuses busy ports, installs what is missing, builds (unless BENCH_SKIP_BUILD), and arms the cleanup.
bench_prepare() {
  for port in "$PG_PORT" "$REDIS_PORT" "$API_PORT" "$WORKER_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "port $port is already in use; stop what holds it or set BENCH_*_PORT"; exit 1
    fi
  done
  ensure_node_modules
  ensure_redis_installed
  ensure_postgis_installed
  mkdir -p "$RESULTS"
  if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building"
    bash scripts/build.sh
  fi
  trap bench_stop EXIT
  trap 'exit 130' INT TERM
}

# Fresh PostgreSQL and Redis with production durability (fsync and synchronous_commit on, checked again by the
# bench), the environment for api and worker, migrated and seeded.
bench_start_databases() {
  log "starting a fresh PostgreSQL on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT"
  PG_FSYNC=on start_postgres "$PG_DIR" "$PG_PORT" fresh
  create_database "$PG_PORT" petitio_bench
  rm -rf "$REDIS_DIR"
  start_redis "$REDIS_DIR" "$REDIS_PORT"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/petitio_bench"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  export LOG_LEVEL=warn DATABASE_POOL_SIZE="${DATABASE_POOL_SIZE:-20}" NODE_ENV=production
  export ACCESS_CODE_SECRET=bench-only-secret-not-used-anywhere-else PHONE_HASH_SECRET=bench-only-phone-hash-secret-not-used-elsewhere
  VAULT_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
  export VAULT_KEYS
  # The Open311 run posts as one client, far past a real client's limit; webhooks go to a loopback receiver.
  export OPEN311_REQUESTS_PER_MINUTE=100000000 WEBHOOK_ALLOW_HTTP=true
  node dist/apps/cli/src/main.js migrate >/dev/null
  node dist/apps/cli/src/main.js seed >/dev/null
}
