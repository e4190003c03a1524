"""The responses list puts the work still to do first: unpublished responses by deadline, then the
published ones, the most recent first."""

import datetime

import pytest
from django.urls import reverse

from inspections.services import report_create
from responses.choices import ResponseStatus
from tests.conftest import NCPI_2019


@pytest.mark.django_db
def test_a_response_sent_years_ago_comes_after_the_ones_still_due(client, response_in, opcc_staff):
    sent_long_ago = response_in(ResponseStatus.PUBLISHED)  # NCPI 2019: due and published in 2020
    later = report_create(
        by=opcc_staff,
        **{**NCPI_2019, "title": "Later report", "published_on": datetime.date(2026, 1, 5)},
    ).response
    sooner = report_create(
        by=opcc_staff,
        **{**NCPI_2019, "title": "Sooner report", "published_on": datetime.date(2025, 12, 1)},
    ).response
    client.force_login(opcc_staff)

    listed = list(client.get(reverse("responses:list")).context["responses"])

    assert [r.pk for r in listed] == [sooner.pk, later.pk, sent_long_ago.pk]
