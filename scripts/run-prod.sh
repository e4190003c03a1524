#!/usr/bin/env bash
# A trial of the production settings on this machine, run by `make run-prod` inside
# scripts/services.sh (a throwaway PostgreSQL and Redis): migrate, the demo data, collectstatic,
# gunicorn with two workers, two Celery workers and one beat. Ctrl-C stops everything.
# Production is HTTPS-only; on http://localhost the browsers still send its secure cookies.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

PORT=${PORT:-8000}
VAR=$(mktemp -d -t pccresponse-prod.XXXXXX)
PIDS=()
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    ((${#PIDS[@]})) && stop_pids "${PIDS[@]}"
    rm -rf "$VAR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DJANGO_SETTINGS_MODULE=pccresponse.settings.production
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')}
export DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1
export DJANGO_CSRF_TRUSTED_ORIGINS="http://localhost:$PORT"
export DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_HSTS_SECONDS=0
export SITE_URL="http://localhost:$PORT"
export S55_HMICFRS_EMAIL=hmicfrs-s55@example.org S55_HOME_OFFICE_EMAIL=home-office-s55@example.org
# Outgoing mail goes to a local sink that prints it (aiosmtpd, a dev dependency).
SMTP_PORT=$(free_port 8025)
export DJANGO_EMAIL_HOST=127.0.0.1 DJANGO_EMAIL_PORT=$SMTP_PORT
.venv/bin/python -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" &
PIDS+=($!)
export PROMETHEUS_MULTIPROC_DIR="$VAR/prometheus" METRICS_ALLOWED_NETWORKS=127.0.0.0/8
mkdir -p "$PROMETHEUS_MULTIPROC_DIR"

.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input >/dev/null
DEMO_LOGINS=$(.venv/bin/python manage.py load_demo)

.venv/bin/gunicorn pccresponse.wsgi --bind "127.0.0.1:$PORT" --workers 2 &
PIDS+=($!)
for n in 1 2; do
    .venv/bin/celery -A pccresponse worker --concurrency=1 --hostname="worker$n@%h" --loglevel=INFO &
    PIDS+=($!)
done
.venv/bin/celery -A pccresponse beat --loglevel=INFO --schedule "$VAR/celerybeat-schedule" &
PIDS+=($!)

wait_for_port "$PORT" 60
echo
echo "$DEMO_LOGINS"
echo "  Production settings at http://localhost:$PORT/ (readiness: /readyz; Ctrl-C stops all)"
set +e
wait -n "${PIDS[@]}"
