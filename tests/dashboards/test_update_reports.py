"""JASP update reports: the office freezes a meeting's paper; its page and its PDF show the
figures the dashboard showed that day, and they never move afterwards."""

import datetime
import hashlib

import pytest
import time_machine
from django.urls import reverse

from dashboards import snapshot
from dashboards.models import UpdateReport
from dashboards.update_reports import run_update_report, update_report_freeze
from inspections.choices import ActionStatus
from inspections.models import Action, Item, ProgressUpdate
from tests.responses.pdf_text import pdf_text, poppler

from .dataset import NOW, SINCE
from .pages import read, table

PAPERS = reverse("dashboards:update_reports")
DASHBOARD = reverse("dashboards:jasp")
MEETING = "2026-07-02"
#: The tables the paper shares with the dashboard, by caption.
SHARED_TABLES = (
    "Recommendations and AFIs by state",
    "Recommendations and AFIs by year of report",
    "Recommendations and AFIs by report",
    "Responses published on time, late and pending, per year",
)

pytestmark = pytest.mark.usefixtures("media_root")


def freeze(client, **data):
    return client.post(PAPERS, {"meeting_date": MEETING, "since": "", **data})


@pytest.fixture
def paper(client, opcc_staff, dataset, today) -> UpdateReport:
    dataset(1)
    client.force_login(opcc_staff)
    response = freeze(client, since=f"{SINCE:%Y-%m-%d}")
    paper = UpdateReport.objects.get()
    assert response.status_code == 302 and response.url == paper.get_absolute_url()
    return paper


def shared_tables(response) -> dict:
    """The numbers in the tables the paper shares with the dashboard (whose numbers are links
    with words for screen readers after them)."""
    page = read(response)
    return {caption: table(page, caption) for caption in SHARED_TABLES}


def test_the_paper_shows_what_the_dashboard_showed(client, paper, jasp):
    client.force_login(jasp)
    dashboard = client.get(DASHBOARD, {"since": f"{SINCE:%Y-%m-%d}"})
    page = client.get(paper.get_absolute_url())
    assert page.status_code == 200
    assert shared_tables(page) == shared_tables(dashboard)
    summary = read(page).tables["The figures at a glance, as at 15 June 2026"]
    assert summary[:3] == [
        ["Recommendations and AFIs open", "4"],
        ["Of which overdue", "2"],
        ["Closed", "1"],
    ]
    assert ["Actions whose status changed since 15 March 2026", "2"] in summary


def test_the_paper_does_not_move_when_the_register_does(client, paper, jasp, dcc):
    client.force_login(jasp)
    before = shared_tables(client.get(paper.get_absolute_url()))
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        Action.objects.filter(status=ActionStatus.AWAITING_ALLOCATION).update(
            target_date=datetime.date(2026, 9, 1)
        )
        Item.objects.filter(reference="A4.0").delete()
        client.force_login(jasp)  # a day on, the idle session has ended (accounts.sessions)
        page = client.get(paper.get_absolute_url())
        dashboard = client.get(DASHBOARD)
    assert shared_tables(page) == before
    assert shared_tables(dashboard) != before


def test_the_lists_hold_each_items_latest_update(client, opcc_staff, dataset, today, dcc):
    dataset(1)
    action = Action.objects.get(item__reference="A1.0", status=ActionStatus.AWAITING_ALLOCATION)
    other = Action.objects.filter(item__reference="A1.0").exclude(pk=action.pk).first()
    for day, on, text in ((9, action, "Old news."), (3, other, "Latest <b>news</b>.")):
        ProgressUpdate.objects.create(
            action=on, author=dcc, text=text, written_at=NOW - datetime.timedelta(days=day)
        )
    client.force_login(opcc_staff)
    freeze(client)
    response = client.get(UpdateReport.objects.get().get_absolute_url())
    html = response.content.decode()
    tables = read(response).tables
    rows = tables["Overdue recommendations and AFIs: 2."][1:]
    assert [row[0] for row in rows] == [
        "Report B0 (Jan 2024) Recommendation B1.0",
        "Report A0 (Jun 2025) Recommendation A1.0",
    ]
    assert rows[0][2:] == ["10 Jun 2026", "No update recorded."]
    author = dcc.get_full_name()
    assert rows[1][2:] == ["6 May 2026", f"12 Jun 2026, {author}: Latest <b>news</b>."]
    assert "Latest &lt;b&gt;news" in html and "Old news." not in html
    open_rows = tables["Open recommendations and AFIs that are not overdue: 2."][1:]
    assert [row[0].split()[-1] for row in open_rows] == ["A2.0", "A4.0"]
    assert open_rows[1][2] == "None set"


def test_a_long_list_is_cut_and_says_how_many_more(client, opcc_staff, dataset, today, monkeypatch):
    dataset(3)
    monkeypatch.setattr(snapshot, "LIST_LIMIT", 4)
    client.force_login(opcc_staff)
    freeze(client)
    html = client.get(UpdateReport.objects.get().get_absolute_url()).content.decode()
    assert "the first 4 of 6, by report." in html
    assert "2 more not shown here" in html


def test_the_pdf_is_the_paper_with_a_cover(client, paper, jasp, opcc_staff):
    run_update_report(paper.pk)
    paper.refresh_from_db()
    assert paper.state == "done" and paper.pages >= 3
    client.force_login(jasp)
    download = client.get(reverse("dashboards:update_report_pdf", args=[paper.pk]))
    data = b"".join(download.streaming_content)
    assert download["Content-Disposition"].startswith("attachment")
    assert hashlib.sha256(data).hexdigest() == paper.pdf_sha256
    text = pdf_text(data)
    assert "Joint Audit and Scrutiny Panel: update report" in text
    assert "Meeting Thursday 2 July 2026 Figures as at 15 June 2026" in text
    prepared = f"Changes counted since 15 March 2026 Prepared by {opcc_staff.get_full_name()}"
    assert prepared in text
    assert "Recommendations and AFIs open 4 Of which overdue 2 Closed 1" in text
    assert "Report B0 (10 Jan 2024) 1 1 0" in text
    assert "Overdue recommendations and AFIs: 2." in text
    assert "Report A0 (Jun 2025) Recommendation A1.0" in text
    info = poppler("pdfinfo", pdf=data)
    assert "Tagged:          yes" in info
    assert "Title:           JASP update report for 2 July 2026" in info


def test_the_pdf_is_stored_once(paper):
    run_update_report(paper.pk)
    paper.refresh_from_db()
    first = paper.pdf_sha256
    run_update_report(paper.pk)  # a redelivered message finds the job taken
    paper.refresh_from_db()
    assert paper.pdf_sha256 == first and paper.state == "done"


def test_a_failed_render_can_be_tried_again_by_the_office(client, paper, monkeypatch, jasp):
    def broken_layout(html):
        raise RuntimeError("Pango exploded")

    monkeypatch.setattr("core.pdf.layout", broken_layout)
    run_update_report(paper.pk)
    monkeypatch.undo()
    page = client.get(paper.get_absolute_url())
    assert "The PDF was not made." in page.content.decode()
    assert "Try again" in page.content.decode()
    client.force_login(jasp)
    assert "Try again" not in client.get(paper.get_absolute_url()).content.decode()
    assert client.post(paper.get_absolute_url(), {"action": "retry"}).status_code == 403
    client.force_login(paper.requested_by)
    response = client.post(paper.get_absolute_url(), {"action": "retry"}, follow=True)
    assert "Waiting for the renderer" in response.content.decode()
    run_update_report(paper.pk)
    paper.refresh_from_db()
    assert paper.state == "done" and paper.pdf_ready and paper.error == ""


def test_a_finished_render_is_not_tried_again(client, paper):
    run_update_report(paper.pk)
    paper.refresh_from_db()
    response = client.post(paper.get_absolute_url(), {"action": "retry"}, follow=True)
    assert "Only a failed render can be tried again." in response.content.decode()
    after = UpdateReport.objects.get()
    assert (after.state, after.pdf_sha256, after.finished_at) == (
        "done",
        paper.pdf_sha256,
        paper.finished_at,
    )


def test_changes_are_counted_from_the_previous_papers_meeting(opcc_staff, today):
    first = update_report_freeze(meeting_date=datetime.date(2026, 3, 12), since=None, by=opcc_staff)
    # No earlier paper: three months before the meeting.
    assert first.since == datetime.date(2025, 12, 12)
    second = update_report_freeze(meeting_date=datetime.date(2026, 7, 2), since=None, by=opcc_staff)
    assert second.since == datetime.date(2026, 3, 12)
    # A meeting months ahead counts changes up to today at the latest.
    third = update_report_freeze(meeting_date=datetime.date(2027, 1, 20), since=None, by=opcc_staff)
    assert third.since == datetime.date(2026, 6, 15)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"meeting_date": ""}, "meeting_date", "This field is required."),
        ({"meeting_date": "next week"}, "meeting_date", "Enter a valid date."),
        ({"meeting_date": "2027-07-01"}, "meeting_date", "within a year of today"),
        ({"since": "2026-07-03"}, "since", "on or before the meeting"),
        ({"meeting_date": "2026-12-01", "since": "2026-06-16"}, "since", "up to today"),
    ],
)
def test_a_bad_form_says_why_and_freezes_nothing(client, opcc_staff, today, data, field, message):
    client.force_login(opcc_staff)
    response = freeze(client, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not UpdateReport.objects.exists()


def test_a_jasp_member_reads_and_downloads_but_cannot_freeze(client, paper, jasp):
    run_update_report(paper.pk)
    client.force_login(jasp)
    listing = client.get(PAPERS).content.decode()
    assert "Freeze a paper" not in listing
    assert "2 July 2026" in listing and "Download" in listing
    assert freeze(client).status_code == 403
    assert UpdateReport.objects.count() == 1
