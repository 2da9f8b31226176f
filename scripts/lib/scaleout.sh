# Several `escalator serve` instances over one PostgreSQL database, behind nginx (round robin), for the
# scale-out tests (scripts/test-scaleout). Sourced after scripts/lib/deps.sh and scripts/lib/postgres.sh.
#
#   scaleout_start BINARY [COUNT]   COUNT instances (default 2); uses the PostgreSQL cluster pg_start made, or
#                                   starts one (and then stops it in scaleout_stop)
#   scaleout_stop [1]               stops nginx, the instances and (if it started it) PostgreSQL; deletes the folder
#                                   (with 1: keeps it, for its logs)
#
# After scaleout_start (call it directly, not in $(…)), these are set and exported:
#   SCALEOUT_LB_URL              http://127.0.0.1:PORT, nginx in front of every instance
#   SCALEOUT_INSTANCE_URLS       array: each instance's own URL; SCALEOUT_URL_A and SCALEOUT_URL_B the first two
#   SCALEOUT_DATABASE_URL        the database they share (a fresh one, migrated and seeded once)
#   SCALEOUT_DATA_KEY_FILE       the data key file every instance and CLI run over that database must use
#   SCALEOUT_BINARY              the escalator binary they run (a copy of BINARY, so a rebuild cannot change it)
#   SCALEOUT_DIR                 the folder with nginx.conf, nginx.pid, logs (instance-N.log, nginx-*.log)
#   SCALEOUT_NGINX_ACCESS_LOG    nginx's access log: one line per request, the upstream that answered it last
# Settings read by scaleout_start: SCALEOUT_SCALE (seed scale, default small), ESCALATOR_SIGNIN_ACCOUNT_LIMIT
# (default 5), ESCALATOR_SIGNIN_ADDRESS_LIMIT (default 100: every test request comes from 127.0.0.1), and any
# other ESCALATOR_* variable in the caller's environment, which the instances inherit.

SCALEOUT_DIR=""
SCALEOUT_INSTANCE_PIDS=()
SCALEOUT_INSTANCE_URLS=()
SCALEOUT_NGINX_PID=""
SCALEOUT_OWNS_PG=0

# scaleout_wait_binary PATH [SECONDS]: waits until PATH exists and runs (it may be being relinked).
scaleout_wait_binary() {
  local bin="$1" limit="${2:-600}" waited=0
  until [ -x "$bin" ] && "$bin" --help >/dev/null 2>&1; do
    [ "$waited" -ge "$limit" ] && { echo "scaleout: $bin is missing or does not run" >&2; return 1; }
    sleep 2
    waited=$((waited + 2))
  done
}

# scaleout_wait_http URL PID LOG [SECONDS]: waits until URL answers 2xx; fails at once if PID dies.
scaleout_wait_http() {
  local url="$1" pid="$2" log="$3" limit="${4:-180}" start=$SECONDS
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    curl -fsS -m 5 "$url/healthz/live" >/dev/null 2>&1 && return 0
    curl -fsS -m 5 "$url/healthz" >/dev/null 2>&1 && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "scaleout: the process behind $url exited; its log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "scaleout: $url did not answer within ${limit}s; its log:" >&2
  tail -n 40 "$log" >&2
  return 1
}

# The environment every escalator process over the shared database runs with, as NAME=VALUE words for `env`
# (an external command, so that `env … &` gives $! = the escalator process itself, which env execs).
scaleout_env_vars() {
  SCALEOUT_ENV_VARS=(
    DATABASE_URL="$SCALEOUT_DATABASE_URL" ESCALATOR_DATA_KEY_FILE="$SCALEOUT_DATA_KEY_FILE"
    ESCALATOR_BCRYPT_COST="${ESCALATOR_BCRYPT_COST:-4}" ESCALATOR_TRUSTED_PROXIES="${ESCALATOR_TRUSTED_PROXIES:-127.0.0.1}"
    ESCALATOR_SIGNIN_ACCOUNT_LIMIT="${ESCALATOR_SIGNIN_ACCOUNT_LIMIT:-5}"
    ESCALATOR_SIGNIN_ADDRESS_LIMIT="${ESCALATOR_SIGNIN_ADDRESS_LIMIT:-100}"
  )
}

scaleout_start() {
  local source_bin="$1" count="${2:-2}" i port pid url bin_dir
  [ -n "$source_bin" ] || { echo "usage: scaleout_start BINARY [COUNT]" >&2; return 2; }
  SCALEOUT_DIR=$(mktemp -d /tmp/escalator-scaleout.XXXXXX)
  SCALEOUT_INSTANCE_PIDS=()
  SCALEOUT_INSTANCE_URLS=()

  scaleout_wait_binary "$source_bin" || return 1
  cp "$source_bin" "$SCALEOUT_DIR/escalator"
  SCALEOUT_BINARY="$SCALEOUT_DIR/escalator"

  # One fresh database in the cluster pg_start made (or in one started here).
  if [ -z "${PG_DIR:-}" ]; then
    pg_start || return 1
    SCALEOUT_OWNS_PG=1
  fi
  bin_dir=$(pg_bin_dir) || return 1
  "$bin_dir/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U escalator --if-exists escalator_scaleout >/dev/null 2>&1 || true
  "$bin_dir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U escalator escalator_scaleout || return 1
  SCALEOUT_DATABASE_URL="postgres://escalator@127.0.0.1:$PG_PORT/escalator_scaleout?sslmode=disable"

  # The first migrate creates the key file (32 random bytes, base64, mode 600); everything after reads it.
  SCALEOUT_DATA_KEY_FILE="$SCALEOUT_DIR/data.key"
  scaleout_env_vars
  echo "scaleout: migrating and seeding (${SCALEOUT_SCALE:-small}) $SCALEOUT_DATABASE_URL"
  env "${SCALEOUT_ENV_VARS[@]}" timeout 300 "$SCALEOUT_BINARY" migrate >"$SCALEOUT_DIR/migrate.log" 2>&1 \
    || { cat "$SCALEOUT_DIR/migrate.log" >&2; return 1; }
  [ -s "$SCALEOUT_DATA_KEY_FILE" ] || { echo "scaleout: migrate did not create $SCALEOUT_DATA_KEY_FILE" >&2; return 1; }
  env "${SCALEOUT_ENV_VARS[@]}" timeout 1800 "$SCALEOUT_BINARY" seed --scale "${SCALEOUT_SCALE:-small}" >"$SCALEOUT_DIR/seed.log" 2>&1 \
    || { cat "$SCALEOUT_DIR/seed.log" >&2; return 1; }
  sed 's/^/scaleout: /' "$SCALEOUT_DIR/seed.log"

  for i in $(seq 1 "$count"); do
    port=$(free_port)
    env "${SCALEOUT_ENV_VARS[@]}" "$SCALEOUT_BINARY" serve --hostname 127.0.0.1 --port "$port" >"$SCALEOUT_DIR/instance-$i.log" 2>&1 &
    SCALEOUT_INSTANCE_PIDS+=($!)
    SCALEOUT_INSTANCE_URLS+=("http://127.0.0.1:$port")
  done
  for i in $(seq 1 "$count"); do
    pid=${SCALEOUT_INSTANCE_PIDS[$((i - 1))]}
    url=${SCALEOUT_INSTANCE_URLS[$((i - 1))]}
    scaleout_wait_http "$url" "$pid" "$SCALEOUT_DIR/instance-$i.log" || return 1
    echo "scaleout: instance $i (pid $pid) at $url"
  done

  scaleout_start_nginx || return 1
  SCALEOUT_URL_A=${SCALEOUT_INSTANCE_URLS[0]}
  SCALEOUT_URL_B=${SCALEOUT_INSTANCE_URLS[1]:-${SCALEOUT_INSTANCE_URLS[0]}}
  export SCALEOUT_LB_URL SCALEOUT_URL_A SCALEOUT_URL_B SCALEOUT_DATABASE_URL SCALEOUT_DATA_KEY_FILE SCALEOUT_BINARY \
    SCALEOUT_DIR SCALEOUT_NGINX_ACCESS_LOG
}

# nginx from a config of its own in SCALEOUT_DIR: not a daemon, not the system service, 127.0.0.1 only.
scaleout_start_nginx() {
  local nginx port url servers="" user_line=""
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx" ] || { echo "scaleout: nginx is not installed (apt_install nginx)" >&2; return 1; }
  port=$(free_port)
  for url in "${SCALEOUT_INSTANCE_URLS[@]}"; do
    servers+="    server ${url#http://} max_fails=0;"$'\n'
  done
  # As root, workers would otherwise run as nobody, who cannot write the temporary folders below.
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  mkdir -p "$SCALEOUT_DIR/nginx-temp"
  SCALEOUT_NGINX_ACCESS_LOG="$SCALEOUT_DIR/nginx-access.log"
  cat >"$SCALEOUT_DIR/nginx.conf" <<EOF
# Generated by scripts/lib/scaleout.sh for a test run.
$user_line
daemon off;
master_process on;
worker_processes 1;
pid $SCALEOUT_DIR/nginx.pid;
error_log $SCALEOUT_DIR/nginx-error.log warn;

events {
  worker_connections 4096;
}

http {
  log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent upstream=\$upstream_addr rt=\$request_time urt=\$upstream_response_time';
  access_log $SCALEOUT_NGINX_ACCESS_LOG upstream;
  client_body_temp_path $SCALEOUT_DIR/nginx-temp/body;
  proxy_temp_path $SCALEOUT_DIR/nginx-temp/proxy;
  fastcgi_temp_path $SCALEOUT_DIR/nginx-temp/fastcgi;
  uwsgi_temp_path $SCALEOUT_DIR/nginx-temp/uwsgi;
  scgi_temp_path $SCALEOUT_DIR/nginx-temp/scgi;
  client_max_body_size 2m;

  upstream escalator {
$servers    keepalive 64;
  }

  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://escalator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A slow or stuck instance shows as a 504 from here (and is not hidden by retrying the other one).
      proxy_read_timeout 60s;
      proxy_next_upstream off;
    }
  }
}
EOF
  "$nginx" -t -q -p "$SCALEOUT_DIR" -e "$SCALEOUT_DIR/nginx-error.log" -c "$SCALEOUT_DIR/nginx.conf" \
    || { echo "scaleout: nginx rejected $SCALEOUT_DIR/nginx.conf" >&2; return 1; }
  "$nginx" -p "$SCALEOUT_DIR" -e "$SCALEOUT_DIR/nginx-error.log" -c "$SCALEOUT_DIR/nginx.conf" \
    >"$SCALEOUT_DIR/nginx.out" 2>&1 &
  SCALEOUT_NGINX_PID=$!
  SCALEOUT_LB_URL="http://127.0.0.1:$port"
  scaleout_wait_http "$SCALEOUT_LB_URL" "$SCALEOUT_NGINX_PID" "$SCALEOUT_DIR/nginx-error.log" 30 || return 1
  echo "scaleout: nginx (pid $SCALEOUT_NGINX_PID) at $SCALEOUT_LB_URL"
}

# scaleout_stop_pid PID: SIGTERM, up to 15 s, then SIGKILL. Never fails (it runs in EXIT traps under set -e).
scaleout_stop_pid() {
  local pid="$1"
  { [ -n "$pid" ] && kill -0 "$pid"; } 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return 0
}

# scaleout_stop [KEEP_DIR]: stops everything scaleout_start started; keeps SCALEOUT_DIR (its logs) when KEEP_DIR is 1.
scaleout_stop() {
  local pid
  scaleout_stop_pid "$SCALEOUT_NGINX_PID"
  SCALEOUT_NGINX_PID=""
  for pid in "${SCALEOUT_INSTANCE_PIDS[@]}"; do scaleout_stop_pid "$pid"; done
  SCALEOUT_INSTANCE_PIDS=()
  if [ "$SCALEOUT_OWNS_PG" -eq 1 ]; then
    pg_stop || true
    SCALEOUT_OWNS_PG=0
  fi
  if [ -n "$SCALEOUT_DIR" ] && [ "${1:-0}" != 1 ]; then
    rm -rf "$SCALEOUT_DIR" || true
    SCALEOUT_DIR=""
  fi
  return 0
}
