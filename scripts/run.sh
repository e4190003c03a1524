#!/usr/bin/env bash
# The whole app on this machine: migrate, demo data, a private Redis, a Celery worker and
# beat, and Django's development server. Ctrl-C (or the end of any one of them) stops all.
# DATABASE_URL, if set, is used as it is (PostgreSQL); otherwise SQLite in db.sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

export DJANGO_SETTINGS_MODULE=pccresponse.settings.local
PORT=${PORT:-8000}
# Links in emails, the feed and the calendar name the address this run actually serves.
export SITE_URL=${SITE_URL:-http://127.0.0.1:$PORT}
PY=.venv/bin/python
PIDS=() REDIS_DIR=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    ((${#PIDS[@]})) && stop_pids "${PIDS[@]}"
    [[ -n $REDIS_DIR ]] && rm -rf "$REDIS_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Checked up front: runserver alone would fail only after everything else has started.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "run.sh: port $PORT is taken; try PORT=8001 make run" >&2
    exit 1
fi

# Redis first: loading the demo already hands work to Celery (the worker picks it up below).
REDIS_DIR=$(mktemp -d -t pccresponse-redis.XXXXXX)
start_redis "$REDIS_DIR" 6390
PIDS+=("$REDIS_PID")

"$PY" manage.py migrate --no-input
# Printed again once everything is up, where it is not scrolled away by the Celery banners.
DEMO_LOGINS=$("$PY" manage.py load_demo)
echo "$DEMO_LOGINS"

# Beat's schedule file is state, so it goes in var/ (ignored by git), not the checkout's root.
mkdir -p var

.venv/bin/celery -A pccresponse worker --loglevel=INFO &
PIDS+=($!)
.venv/bin/celery -A pccresponse beat --loglevel=INFO --schedule var/celerybeat-schedule &
PIDS+=($!)
"$PY" manage.py runserver "127.0.0.1:$PORT" &
PIDS+=($!)

wait_for_port "$PORT" 60
echo
echo "$DEMO_LOGINS"
echo
echo "  pccresponse is running at http://127.0.0.1:$PORT/  (Redis: $REDIS_URL; Ctrl-C stops everything)"
echo

# Whichever process ends first ends the session, so a crashed worker is not missed.
set +e
wait -n "${PIDS[@]}"
