# Private PostgreSQL and Redis on loopback for the demo and the tests. Sourced by start.sh and test.sh.
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

log() { printf '\033[1m[petitio]\033[0m %s\n' "$*" >&2; }

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_redis_installed() {
  if command -v redis-server >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" != 0 ]; then
    log "redis-server is missing: install it (apt-get install -y redis-server) or set REDIS_URL"; exit 1
  fi
  log "installing redis-server from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

# District boundaries live in PostGIS: the private PostgreSQL loads Debian's extension from the same installation.
ensure_postgis_installed() {
  if [ -f "$("$PG_BIN/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)/extension/postgis.control" ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    log "PostGIS is missing: install it (apt-get install -y postgresql-15-postgis-3)"; exit 1
  fi
  log "installing PostGIS from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
}

# The browser tests drive Debian's chromium through playwright-core; nothing is downloaded by npm.
ensure_chromium_installed() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    log "chromium is missing for the browser tests: install it (apt-get install -y chromium)"; exit 1
  fi
  log "installing chromium from Debian packages for the browser tests"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# A data directory the postgres user can reach: under the project if it can, else under /var/tmp.
pg_data_dir() {
  local wanted="$1"
  mkdir -p "$wanted"
  wanted="$(cd "$wanted" && pwd)"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$wanted"
    if ! runuser -u postgres -- test -w "$wanted"; then
      local fallback="/var/tmp/petitio-$(echo "$wanted" | md5sum | cut -c1-12)"
      mkdir -p "$fallback" && chown postgres:postgres "$fallback"
      wanted="$fallback"
    fi
  fi
  echo "$wanted"
}

# start_postgres DIR PORT [fresh] — initialises the cluster if needed and starts it on 127.0.0.1:PORT.
start_postgres() {
  local dir port fresh="${3:-}"
  dir="$(pg_data_dir "$1")"; port="$2"
  if [ -n "$fresh" ]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "${dir:?}/data"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then return; fi
  as_pg_owner "$PG_BIN/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/postgres.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=300 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on} ${PG_EXTRA_OPTIONS:-}" \
    start >/dev/null
}

stop_postgres() {
  local dir; dir="$(pg_data_dir "$1")"
  as_pg_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}

create_database() {
  local port="$1" name="$2"
  "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA \
    -c "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 ||
    "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE \"$name\""
}

# start_redis DIR PORT — append-only persistence and noeviction, the only safe policy for BullMQ.
start_redis() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if redis-cli -p "$port" ping >/dev/null 2>&1; then return; fi
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --appendonly yes --appendfsync everysec \
    --maxmemory-policy noeviction --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save ""
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  log "redis did not start; see $dir/redis.log"; exit 1
}

stop_redis() {
  local port="$2"
  redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
}
