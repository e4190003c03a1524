"""Every list answers a page past its end, or a page that is not a number, with the nearest page
(as search and the dashboards always did), never a 404: an old link or a shrunk list still lands."""

import pytest
from django.urls import reverse

from tests.factories import ReportFactory

#: Each list page, and the persona who reads it.
LISTS = [
    ("inspections:report_list", "opcc_staff"),
    ("inspections:withdrawn_reports", "opcc_staff"),
    ("inspections:my_actions", "force_officer"),
    ("inspections:review_queue", "dcc"),
    ("responses:list", "opcc_staff"),
    ("responses:mine", "opcc_staff"),
    ("dashboards:actions", "jasp"),
    ("dashboards:items", "jasp"),
    ("dashboards:update_reports", "jasp"),
    ("public:list", None),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "persona"), LISTS)
@pytest.mark.parametrize("page", ["999", "x", "-1", "0"])
def test_a_page_out_of_range_shows_the_nearest_page(client, personas, url_name, persona, page):
    ReportFactory()
    if persona:
        client.force_login(personas[persona])

    answer = client.get(reverse(url_name), {"page": page})

    assert answer.status_code == 200
    assert answer.context["page_obj"].number == 1


@pytest.mark.django_db
def test_the_last_page_is_shown_for_a_page_past_the_end(client, opcc_staff):
    ReportFactory.create_batch(30)
    client.force_login(opcc_staff)

    answer = client.get(reverse("inspections:report_list"), {"page": "7"})

    page = answer.context["page_obj"]
    assert (page.number, len(page.object_list)) == (2, 5)
