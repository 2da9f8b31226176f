# A throwaway PostgreSQL cluster for tests: initdb into a temporary folder as a non-root user,
# start it on a free port on 127.0.0.1, and stop and delete it on exit. Sourced by scripts/test.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Sets PG_URL to the connection URL, and PG_DIR for pg_stop. Call directly, not in $(…).
pg_start() {
  local bin port
  bin=$(pg_bin_dir)
  PG_DIR=$(mktemp -d /tmp/escalator-pg.XXXXXX)
  PG_USER=$(id -un)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    PG_USER=postgres
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  port=$(free_port)
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U escalator --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U escalator escalator_test
  PG_PORT=$port
  PG_URL="postgres://escalator@127.0.0.1:$port/escalator_test?sslmode=disable"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local bin run=()
  bin=$(pg_bin_dir)
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
