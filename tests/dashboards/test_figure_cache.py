"""The dashboards' figures are cached until the register changes: a second visit runs none of
their queries, and any save or delete shows on the next visit."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboards.figure_cache import VERSION_KEY
from inspections.choices import ActionStatus
from inspections.models import Action, Item

from .pages import read, table

JASP = reverse("dashboards:jasp")
DCC = reverse("dashboards:dcc")
ALL_ITEMS = "All recommendations and AFIs"


def visit(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return read(response), len(captured)


@pytest.mark.parametrize(("persona", "url"), [("jasp", JASP), ("dcc", DCC)])
def test_a_second_visit_reads_the_figures_from_the_cache(
    persona, url, request, client, dataset, today
):
    dataset(1)
    client.force_login(request.getfixturevalue(persona))
    first, computed = visit(client, url)
    again, from_cache = visit(client, url)
    assert again.tables == first.tables
    # What remains is what every page asks (the session, the user, their roles, the nav's): no
    # more than the account page, which shows nothing but the user (and their second factor).
    _, floor = visit(client, reverse("account"))
    assert from_cache <= floor < computed


def test_a_save_shows_on_the_next_visit(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    before, _ = visit(client, JASP)
    assert table(before, ALL_ITEMS) == {"All": [4, 2, 1]}
    overdue = Action.objects.get(item__reference="B1.0", status=ActionStatus.PENDING_SIGN_OFF)
    overdue.target_date = None
    overdue.save()
    Item.objects.get(reference="A4.0").delete()
    after, _ = visit(client, JASP)
    assert table(after, ALL_ITEMS) == {"All": [3, 1, 1]}


def test_signing_in_leaves_the_cached_figures_in_place(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    visit(client, JASP)
    version = cache.get(VERSION_KEY)
    client.logout()
    client.force_login(jasp)  # records last_login
    assert cache.get(VERSION_KEY) == version


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("role_groups")  # a transactional test's flush removed the migration's
def test_figures_read_before_a_write_commits_are_never_served_after_it(force_officer, action):
    """A reader between the save and the commit caches under the version the save made; the
    commit replaces it, so later readers recompute."""
    with transaction.atomic():
        action.description = "Audit the missing episodes again."
        action.save()
        during = cache.get(VERSION_KEY)
    assert during is not None
    assert cache.get(VERSION_KEY) != during


def test_the_dashboard_works_when_the_cache_does_not(client, jasp, dataset, today, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    dataset(1)
    client.force_login(jasp)
    page, _ = visit(client, JASP)
    assert table(page, ALL_ITEMS) == {"All": [4, 2, 1]}
