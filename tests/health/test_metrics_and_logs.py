"""/metrics: refused without the token or an allowed address; with either, request latency by
view, Celery task outcomes and the apps' figures. Request logs: JSON with the request's id, the
user, the view, status and duration, and never the query string."""

import io
import json
import logging

import pytest
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from audit.tasks import verify_audit_chain
from health import heartbeats
from health.logs import RequestContextFilter
from health.metrics import SECONDS_KEY, TASKS_KEY


@pytest.fixture(autouse=True)
def no_task_counts(db):
    heartbeats.client().delete(TASKS_KEY, SECONDS_KEY)


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    settings.METRICS_ALLOWED_NETWORKS = []
    return settings.METRICS_TOKEN


def scrape(client, **headers) -> tuple[int, str]:
    response = client.get("/metrics", headers=headers)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("given", [None, "Bearer wrong", "s3cret-scrape-token", "Bearer "])
def test_without_the_token_or_an_allowed_address_it_is_refused(client, token, given):
    headers = {"Authorization": given} if given else {}
    status, body = scrape(client, **headers)
    assert (status, body) == (403, "")


def test_an_allowed_network_needs_no_token(client, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert scrape(client)[0] == 403  # the test client is 127.0.0.1
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8", "127.0.0.0/8"]
    assert scrape(client)[0] == 200


def test_it_reports_latency_by_view_tasks_and_the_app_figures(
    client, token, response_in, opcc_staff
):
    response_in("drafting")  # recorded in 2020: long overdue, unpublished
    client.force_login(opcc_staff)
    client.get(reverse("responses:list"))
    verify_audit_chain.apply()  # a task run as a worker runs it (signals and all)
    status, body = scrape(client, Authorization=f"Bearer {token}")
    assert status == 200
    latency = "django_http_requests_latency_seconds_by_view_method_count"
    assert latency + '{method="GET",view="responses:list"}' in body
    task = 'task="audit.tasks.verify_audit_chain"'
    assert 'pccresponse_celery_tasks_total{outcome="success",' + task + "} 1.0" in body
    assert "pccresponse_celery_task_seconds_total{" + task + "}" in body
    assert "pccresponse_responses_overdue 1.0" in body
    assert "pccresponse_render_jobs_waiting 0.0" in body
    assert "pccresponse_reminders_due_undispatched" in body
    assert "pccresponse_reminder_emails_unsent 0.0" in body


def test_a_request_is_logged_as_one_json_line_without_its_query_string(client, opcc_staff):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("pccresponse.requests")
    logger.addHandler(handler)
    try:
        client.force_login(opcc_staff)
        response = client.get(reverse("search:results"), {"q": "confidential-words"})
    finally:
        logger.removeHandler(handler)
    (line,) = stream.getvalue().splitlines()
    assert "confidential-words" not in line
    record = json.loads(line)
    assert record["request_id"] == response["X-Request-ID"]
    assert (record["user_id"], record["view"], record["status"]) == (
        opcc_staff.pk,
        "search:results",
        200,
    )
    assert record["path"] == reverse("search:results")
    assert record["duration_ms"] >= 0
