"""The register page as a user meets it: every report newest first, its filters, which reports
have open items, and a missing report's page not found."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inspections.choices import ActionStatus, Addressee, ReportType
from tests.factories import ActionFactory, ItemFactory, ReportFactory

# --- The register's filters -----------------------------------------------------------------------


@pytest.fixture
def register(db):
    """Four reports: two with items still open for the force, two without."""
    peel = ReportFactory(
        title="PEEL 2023-25: An inspection of Nottinghamshire Police",
        report_type=ReportType.PEEL,
        published_on=datetime.date(2024, 3, 15),
    )
    ItemFactory(report=peel, addressee=Addressee.THIS_FORCE)  # no action yet: open

    ncpi = ReportFactory(
        title="National Child Protection Inspections 2019: thematic report",
        report_type=ReportType.CHILD_PROTECTION,
        published_on=datetime.date(2020, 2, 27),
    )
    ActionFactory(
        item=ItemFactory(report=ncpi),
        status=ActionStatus.CLOSED,
        closed_at=timezone.now(),
    )
    ItemFactory(report=ncpi, addressee=Addressee.HOME_OFFICE)  # no force action needed

    missing = ReportFactory(
        title="Missing children: who cares? The police response to missing children",
        report_type=ReportType.NATIONAL,
        published_on=datetime.date(2016, 3, 16),
    )
    item = ItemFactory(report=missing)
    ActionFactory(item=item, status=ActionStatus.CLOSED, closed_at=timezone.now())
    ActionFactory(item=item, status=ActionStatus.NATIONAL_DEPENDENCY)  # unfinished: open

    custody = ReportFactory(
        title="Report on an unannounced inspection visit to police custody suites",
        report_type=ReportType.CUSTODY,
        published_on=datetime.date(2020, 11, 2),
    )
    ActionFactory(item=ItemFactory(report=custody), status=ActionStatus.SUPERSEDED)
    ItemFactory(report=custody, addressee=Addressee.NPCC)

    return {"peel": peel, "ncpi": ncpi, "missing": missing, "custody": custody}


def listed(client, **query) -> list[str]:
    response = client.get(reverse("inspections:report_list"), query)
    assert response.status_code == 200
    return [report.title for report in response.context["reports"]]


def titles(register, *names) -> list[str]:
    return [register[name].title for name in names]


def test_the_register_lists_every_report_newest_first(client, jasp, register):
    client.force_login(jasp)

    assert listed(client) == titles(register, "peel", "custody", "ncpi", "missing")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"report_type": ReportType.PEEL}, ["peel"]),
        ({"report_type": ReportType.NATIONAL}, ["missing"]),
        ({"report_type": ReportType.JOINT}, []),
        ({"year": "2020"}, ["custody", "ncpi"]),
        ({"year": "2016"}, ["missing"]),
        ({"open_items": "on"}, ["peel", "missing"]),
        ({"q": "child"}, ["ncpi", "missing"]),
        ({"q": "CUSTODY suites"}, ["custody"]),
        ({"q": "fire"}, []),
        ({"year": "2020", "report_type": ReportType.CHILD_PROTECTION}, ["ncpi"]),
        ({"year": "2020", "open_items": "on"}, []),
        ({"q": "missing", "open_items": "on"}, ["missing"]),
    ],
)
def test_the_register_filters_narrow_the_list(client, jasp, register, query, expected):
    client.force_login(jasp)

    assert listed(client, **query) == titles(register, *expected)


def test_the_year_filter_offers_only_years_with_reports(client, jasp, register):
    client.force_login(jasp)

    response = client.get(reverse("inspections:report_list"))

    years = [value for value, _ in response.context["filter_form"].fields["year"].choices]
    assert years == ["", 2024, 2020, 2016]


def test_an_unknown_year_does_not_throw_away_the_title_search(client, jasp, register):
    client.force_login(jasp)

    assert listed(client, q="missing", year="1999") == titles(register, "missing")


def test_the_register_shows_which_reports_have_open_items(client, jasp, register):
    client.force_login(jasp)

    response = client.get(reverse("inspections:report_list"))

    open_flags = {r.title: r.has_open_items for r in response.context["reports"]}
    assert open_flags == {
        register["peel"].title: True,
        register["custody"].title: False,
        register["ncpi"].title: False,
        register["missing"].title: True,
    }


def test_a_page_for_a_missing_report_is_not_found(client, jasp):
    client.force_login(jasp)

    assert client.get(reverse("inspections:report_detail", args=[999999])).status_code == 404
