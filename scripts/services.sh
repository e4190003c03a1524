#!/usr/bin/env bash
# Runs its arguments (e.g. `.venv/bin/pytest -x`) beside a throwaway PostgreSQL cluster and
# Redis on free loopback ports, then stops both and deletes their data whatever happens,
# and exits with the command's own exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

# The newest server Debian installed; its binaries are not on PATH.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[[ -x $PG_BIN/initdb ]] || { echo "PostgreSQL server binaries not found (set PG_BIN)" >&2; exit 1; }

PG_DIR="" WORK_DIR="" REDIS_PID="" CHILD="" PG_STARTED=""

# PostgreSQL refuses to run as root, so as root it runs as the postgres user, in a
# directory that user owns; cd there so it never needs to read the checkout.
as_pg() {
    if ((EUID == 0)); then
        (cd "$PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [[ -n $CHILD ]] && stop_pids "$CHILD"
    [[ -n $REDIS_PID ]] && stop_pids "$REDIS_PID"
    # Immediate shutdown: the data is about to be deleted, so there is nothing to flush.
    [[ -n $PG_STARTED ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    [[ -n $PG_DIR ]] && rm -rf "$PG_DIR"
    [[ -n $WORK_DIR ]] && rm -rf "$WORK_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PG_DIR=$(mktemp -d -t pccresponse-pg.XXXXXX)
WORK_DIR=$(mktemp -d -t pccresponse-test.XXXXXX)
((EUID == 0)) && chown postgres: "$PG_DIR"

# A cluster that only has to live for one run: no durability, trust on loopback only.
PG_PORT=$(free_port "${PG_PORT:-54329}")
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
PG_STARTED=1
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off" start >/dev/null ||
    { cat "$PG_DIR/postgres.log" >&2; exit 1; }
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres pccresponse
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/pccresponse"

start_redis "$WORK_DIR" 6391

mkdir "$WORK_DIR/media"
export DJANGO_MEDIA_ROOT="$WORK_DIR/media"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE=${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}
echo "services.sh: PostgreSQL on 127.0.0.1:$PG_PORT, Redis on ${REDIS_URL#redis://}" >&2

# In the background so that a TERM sent to this script is handled at once rather than
# after the command ends; the command keeps the terminal as stdin (fd 3) and gets back the
# default Ctrl-C handling that bash takes away from background jobs. CI may have no stdin.
{ exec 3<&0; } 2>/dev/null || exec 3</dev/null
(
    trap - INT QUIT
    exec "$@" <&3 3<&-
) &
CHILD=$!
set +e
wait "$CHILD"
status=$?
set -e
CHILD=""
exit "$status"
