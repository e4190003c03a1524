"""The lists' "Export CSV" and "Export XLSX": every row the list matches, its filters, its roles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inspections import services
from inspections.choices import ActionStatus, ReportType
from responses.choices import ResponseStatus
from tests.factories import ActionFactory, ItemFactory, ReportFactory

from .helpers import csv_rows, xlsx_rows, xlsx_sheet


def titles_on_page(client, url) -> list[str]:
    return [report.title for report in client.get(url).context["reports"]]


def test_the_register_csv_has_every_report_the_page_shows_in_the_same_order(client, jasp):
    client.force_login(jasp)
    ReportFactory(title="Café culture: policing the night-time economy")
    ReportFactory(title="PEEL 2021/22", published_on=datetime.date(2022, 3, 1))
    ItemFactory(report=ReportFactory(title="Custody, 2019"))

    rows = csv_rows(client.get(reverse("inspections:report_list_csv")))

    assert rows[0][:4] == ["Report", "Type", "Scope", "Published"]
    assert [row[0] for row in rows[1:]] == titles_on_page(
        client, reverse("inspections:report_list")
    )
    custody = next(row for row in rows if row[0] == "Custody, 2019")
    assert custody[3] == "2020-02-27"
    assert custody[4:7] == ["1", "1", "Yes"]


def test_the_register_xlsx_round_trips_with_real_dates_and_numbers(client, opcc_staff):
    client.force_login(opcc_staff)
    report = services.report_create(
        by=opcc_staff,
        title="National Child Protection Inspections 2019",
        report_type=ReportType.NATIONAL,
        scope="all_forces",
        published_on=datetime.date(2020, 2, 27),
    )
    ItemFactory(report=report)

    response = client.get(reverse("inspections:report_list_xlsx"))

    rows = xlsx_rows(response)
    assert rows[0][0] == "Report"
    assert rows[1][0] == "National Child Protection Inspections 2019"
    assert rows[1][3] == datetime.datetime(2020, 2, 27)
    assert rows[1][4:6] == [1, 1]
    assert rows[1][7] == "Not started"
    assert rows[1][8] == datetime.datetime(2020, 4, 22)  # s55: publication + 55 days


def test_the_export_is_named_for_the_list_and_the_day(client, jasp):
    client.force_login(jasp)
    today = timezone.localdate().isoformat()

    csv_response = client.get(reverse("inspections:report_list_csv"))
    xlsx_response = client.get(reverse("inspections:report_list_xlsx"))

    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == f'attachment; filename="register-{today}.csv"'
    assert xlsx_response["Content-Disposition"] == f'attachment; filename="register-{today}.xlsx"'
    assert xlsx_response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_export_applies_the_lists_filters_and_ignores_its_page(client, jasp):
    client.force_login(jasp)
    for n in range(30):
        ReportFactory(title=f"PEEL inspection {n:02}", report_type=ReportType.PEEL)
    ReportFactory(title="PEEL-like but national", report_type=ReportType.NATIONAL)
    ReportFactory(title="Custody", report_type=ReportType.PEEL)
    query = "?q=peel&report_type=peel&page=2"

    rows = csv_rows(client.get(reverse("inspections:report_list_csv") + query))
    sheet = xlsx_rows(client.get(reverse("inspections:report_list_xlsx") + query))

    expected = sorted(f"PEEL inspection {n:02}" for n in range(30))
    assert sorted(row[0] for row in rows[1:]) == expected  # all 30, not the page of 25
    assert sorted(row[0] for row in sheet[1:]) == expected


def test_the_list_links_to_its_exports_with_its_filters(client, jasp):
    client.force_login(jasp)
    ReportFactory(title="PEEL 2022")

    page = client.get(reverse("inspections:report_list") + "?q=peel&page=1").content.decode()

    assert f'href="{reverse("inspections:report_list_csv")}?q=peel"' in page
    assert f'href="{reverse("inspections:report_list_xlsx")}?q=peel"' in page


def test_a_formula_in_a_title_reaches_the_spreadsheet_as_text(client, opcc_staff):
    client.force_login(opcc_staff)
    ReportFactory(title='=HYPERLINK("https://evil.example/","Open")')
    ReportFactory(title="@SUM(1+1)")

    rows = csv_rows(client.get(reverse("inspections:report_list_csv")))
    sheet = xlsx_sheet(client.get(reverse("inspections:report_list_xlsx")))

    assert sorted(row[0] for row in rows[1:]) == [
        '\'=HYPERLINK("https://evil.example/","Open")',
        "'@SUM(1+1)",
    ]
    titles = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert {cell.data_type for cell in titles} == {"s"}
    assert sorted(cell.value for cell in titles) == [
        '=HYPERLINK("https://evil.example/","Open")',
        "@SUM(1+1)",
    ]


def test_my_actions_export_has_only_my_open_actions(client, force_officer, dcc):
    client.force_login(force_officer)
    item = ItemFactory(reference="3.3")
    ActionFactory(item=item, owner_user=force_officer, description="Mine, in progress")
    ActionFactory(item=item, owner_user=force_officer, status=ActionStatus.SUPERSEDED)
    ActionFactory(item=item, owner_user=dcc, description="The DCC's")

    rows = csv_rows(client.get(reverse("inspections:my_actions_csv")))

    assert rows[0] == ["Report", "Item", "Action", "Owner", "Target date", "Status", "RAG"]
    assert [row[1:3] for row in rows[1:]] == [["Recommendation 3.3", "Mine, in progress"]]
    assert rows[1][4:7] == ["2030-06-30", "In progress", "Green: on track"]


def test_the_review_queue_export_lists_what_awaits_sign_off_with_its_evidence(
    client, force_officer, dcc
):
    client.force_login(dcc)
    action = ActionFactory(owner_user=force_officer, description="Train call handlers")
    ActionFactory(owner_user=force_officer, description="Still in progress")
    services.evidence_add(action=action, by=force_officer, description="Log", link="https://x.org/")
    services.action_submit_for_sign_off(action=action, by=force_officer, expected_version=1)

    rows = xlsx_rows(client.get(reverse("inspections:review_queue_xlsx")))

    assert rows[0][-2:] == ["Evidence", "Submitted"]
    assert [row[2] for row in rows[1:]] == ["Train call handlers"]
    assert rows[1][5] == "Pending sign-off"
    assert rows[1][7] == 1
    assert isinstance(rows[1][8], datetime.datetime)


def test_the_responses_export_applies_the_status_filter(client, jasp, opcc_staff):
    client.force_login(jasp)
    for title in ("Response one", "Response two"):
        services.report_create(
            by=opcc_staff,
            title=title,
            report_type=ReportType.NATIONAL,
            scope="all_forces",
            published_on=datetime.date(2020, 2, 27),
        )
    query = f"?status={ResponseStatus.NOT_STARTED}"

    rows = csv_rows(client.get(reverse("responses:list_csv") + query))
    none = csv_rows(client.get(reverse("responses:list_csv") + f"?status={ResponseStatus.SENT}"))

    assert rows[0][:3] == ["Report", "Report published", "Status"]
    assert sorted(row[0] for row in rows[1:]) == ["Response one", "Response two"]
    assert rows[1][4] == "2020-04-22"
    assert rows[1][6] == "Yes"  # long overdue, never published
    assert none == [rows[0]]


@pytest.mark.parametrize(
    ("url_name", "persona"),
    [
        ("inspections:report_list_csv", "outsider"),
        ("inspections:report_list_xlsx", "outsider"),
        ("responses:list_xlsx", "outsider"),
        ("inspections:my_actions_csv", "jasp"),
        ("inspections:my_actions_xlsx", "opcc_staff"),
        ("inspections:review_queue_csv", "force_officer"),
        ("inspections:review_queue_xlsx", "jasp"),
    ],
)
def test_a_role_that_cannot_read_the_list_cannot_export_it(client, personas, url_name, persona):
    client.force_login(personas[persona])

    assert client.get(reverse(url_name)).status_code == 403


def test_the_read_only_member_sees_export_links_only_where_they_may_read(client, jasp):
    client.force_login(jasp)
    ReportFactory()

    page = client.get(reverse("inspections:report_list")).content.decode()

    assert "Export CSV" in page
    assert reverse("inspections:my_actions_csv") not in page
