"""Each dashboard and list issues the same number of queries at 1x and 10x the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .dataset import SINCE

PAGES = [
    ("dcc", reverse("dashboards:dcc")),
    ("jasp", reverse("dashboards:jasp")),
    ("jasp", f"{reverse('dashboards:jasp')}?since={SINCE:%Y-%m-%d}"),
    ("dcc", reverse("dashboards:actions")),
    ("dcc", f"{reverse('dashboards:actions')}?status=open&due=overdue&moved=on&sort=-owner"),
    ("jasp", f"{reverse('dashboards:actions')}?changed_since=2026-03-15&closed_since=2026-01-01"),
    ("jasp", reverse("dashboards:items")),
    ("jasp", f"{reverse('dashboards:items')}?state=open&kind=recommendation&sort=-state&page=2"),
    ("jasp", f"{reverse('dashboards:items')}?closed_since=2026-03-15&year=2025"),
]

#: Filled in as the tests run, for the report on what was measured.
MEASURED: dict[str, tuple[int, int]] = {}


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("persona", "url"), PAGES)
def test_the_page_issues_as_many_queries_at_ten_times_the_data(
    persona, url, request, client, dataset, today
):
    client.force_login(request.getfixturevalue(persona))
    dataset(1)
    client.get(url)  # the session and the user's roles, as on any later visit
    at_1x = queries(client, url)
    dataset(9)
    at_10x = queries(client, url)
    MEASURED[url] = (at_1x, at_10x)
    print(f"\n{url}: {at_1x} queries at 1x, {at_10x} at 10x")
    assert at_1x == at_10x
