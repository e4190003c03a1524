#!/usr/bin/env bash
# `make bench`, run inside scripts/services.sh (which provides PostgreSQL and Redis): generate
# the national-scale register, serve it with gunicorn under the production settings, drive it
# with scripts/bench_load.py, then stop gunicorn. Prints the generator's counts and the table.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# The production settings, unweakened: the values they demand get bench values here.
export DJANGO_SETTINGS_MODULE=pccresponse.settings.production
DJANGO_SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1 SITE_URL=https://127.0.0.1
export S55_HMICFRS_EMAIL=hmicfrs@example.org S55_HOME_OFFICE_EMAIL=home-office@example.org
export BENCH_PASSWORD=${BENCH_PASSWORD:-bench-password-not-secret}
# Two cores shared with PostgreSQL and the load driver: a few more sync workers than cores, so
# that one waiting on the database leaves the CPU to another (see README, Benchmarks).
WORKERS=${WORKERS:-4}

started=$SECONDS
.venv/bin/python scripts/bench_national.py
.venv/bin/python manage.py collectstatic --noinput --verbosity 0

PORT=$(free_port "${BENCH_PORT:-8400}")
GUNICORN_PID=""
trap '[[ -n $GUNICORN_PID ]] && stop_pids "$GUNICORN_PID"' EXIT
.venv/bin/gunicorn pccresponse.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --log-level warning &
GUNICORN_PID=$!
wait_for_port "$PORT" 60
echo "gunicorn: $WORKERS sync workers on 127.0.0.1:$PORT" >&2

counts=$(.venv/bin/python manage.py shell --no-imports --verbosity 0 -c \
    'from inspections.models import Item, Report; print(Item.objects.count(), Report.objects.count())')
read -r items reports <<<"$counts"
# First one client at a time: each page's own cost, with no queue in front of it. Then the load
# the issue asks for, where 20 clients with no pause keep every worker busy and the times are
# mostly queueing behind the slowest pages.
echo "--- 1 client: each page's own time ---"
CLIENTS=1 DURATION=${SOLO_DURATION:-30} WARMUP=${SOLO_WARMUP:-10} \
    .venv/bin/python scripts/bench_load.py --port "$PORT" --items "$items" --reports "$reports"
echo "--- ${CLIENTS:-20} clients ---"
.venv/bin/python scripts/bench_load.py --port "$PORT" --items "$items" --reports "$reports"
echo "make bench took $((SECONDS - started)) s in all (generation included)"
