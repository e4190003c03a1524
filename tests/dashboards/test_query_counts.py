"""Each dashboard and list issues the same number of queries at 1x and 10x the data."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboards.models import UpdateReport

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
    """The queries of a page computed afresh: the dashboards' cached figures are set aside (the
    cache's own effect is in test_figure_cache)."""
    cache.clear()
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


@pytest.mark.usefixtures("media_root")
def test_update_reports_issue_as_many_queries_at_ten_times_the_data(
    client, opcc_staff, dataset, today
):
    """Freezing a paper, reading it and listing the papers: the same queries at 1x and 10x the
    register (and, for the list, ten times the papers)."""
    papers = reverse("dashboards:update_reports")
    client.force_login(opcc_staff)
    client.get(papers)
    counts = []
    for copies in (1, 9):
        dataset(copies)
        for _ in range(copies):
            freeze = queries_of(client.post, papers, {"meeting_date": "2026-07-02"})
        latest = UpdateReport.objects.first()
        counts.append((freeze, queries(client, latest.get_absolute_url()), queries(client, papers)))
    print(f"\nupdate reports (freeze, paper, list): {counts[0]} at 1x, {counts[1]} at 10x")
    assert counts[0] == counts[1]


def queries_of(method, url, data) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert method(url, data).status_code == 302
    return len(captured)
