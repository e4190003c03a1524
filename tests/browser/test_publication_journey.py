"""Publication as its users live it: OPCC staff publish the approved response and watch a real
Celery worker render its PDF, download it, send it to HMICFRS and the Home Secretary (a second
send asks first); then a member of the public, not signed in, finds it on the public page and
reads the HTML. Every page on the way is checked with axe on arrival, and again once the render
has finished."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from responses.choices import ResponseStatus
from responses.models import Dispatch, Office, PublishedVersion, Response

from ..celery_worker import celery_worker
from ..responses.pdf_text import pdf_text

pytestmark = pytest.mark.browser

RENDERED_WITHIN = 90_000  # ms: the worker renders a few pages in a second or two


@pytest.fixture
def approved(response_in, media_root, settings):
    settings.S55_RECIPIENTS = {
        "HMICFRS": "s55@hmicfrs.example",
        "Home Office": "s55@homeoffice.example",
    }
    Office.objects.create(
        name="Office of the Police and Crime Commissioner for Nottinghamshire",
        address="Arnot Hill House\nArnot Hill Park\nArnold\nNottingham\nNG5 6LU",
        force_name="Nottinghamshire Police",
    )
    return response_in(ResponseStatus.APPROVED)


def publish_and_watch_the_render(staff, response) -> PublishedVersion:
    staff.goto(response.get_absolute_url())
    staff.follow_link("Publish")
    staff.expect_heading("Publish the response")
    staff.press("Publish")
    staff.expect_heading("The PDF of published version 1")
    staff.expect_message("Published.")
    progress = staff.page.get_by_role("region", name="Progress")
    expect(progress).to_contain_text("The PDF is ready", timeout=RENDERED_WITHIN)
    staff.check()  # the finished state, swapped in by htmx, is checked with axe too
    return PublishedVersion.objects.get(response=response)


def download_the_pdf(staff, tmp_path) -> bytes:
    with staff.page.expect_download() as download:
        staff.main.get_by_role("link", name="Download the PDF").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path.read_bytes()


def send_it(staff, response):
    staff.goto(response.get_absolute_url())
    staff.follow_link("Send to HMICFRS and the Home Secretary")
    staff.expect_heading("Send the published response")
    expect(staff.main).to_contain_text("HMICFRS <s55@hmicfrs.example>")
    staff.press("Send to HMICFRS and the Home Secretary")
    staff.expect_message("Sent to HMICFRS <s55@hmicfrs.example>, Home Office")
    expect(staff.main).to_contain_text("Message-ID")


def test_staff_publish_and_send_and_the_public_reads_it(
    visit, browsing, approved, opcc_staff, tmp_path
):
    with celery_worker(tmp_path / "worker.log"):
        staff = visit(opcc_staff)
        version = publish_and_watch_the_render(staff, approved)

    pdf = download_the_pdf(staff, tmp_path)
    version.refresh_from_db()
    assert version.pdf_ready and pdf == version.pdf.open("rb").read()
    assert "I am reassured by the Chief Constable" in pdf_text(pdf)

    send_it(staff, approved)
    (email,) = mail.outbox
    assert email.attachments[0][1] == pdf
    assert Dispatch.objects.get().message_id == email.extra_headers["Message-ID"]
    assert Response.objects.get(pk=approved.pk).status == ResponseStatus.SENT

    # A second send asks first.
    staff.follow_link("Send to HMICFRS and the Home Secretary")
    staff.press("Send to HMICFRS and the Home Secretary")
    expect(staff.main.get_by_role("alert")).to_contain_text("already sent on")
    assert len(mail.outbox) == 1

    public = browsing.visitor()
    public.goto("/published/")
    public.expect_heading("Published responses to HMICFRS reports")
    title = approved.report.title
    public.follow_link(f"Response to {title}")
    public.expect_heading(f"Response to {title}")
    expect(public.main).to_contain_text("I am reassured by the Chief Constable")
    expect(public.main).to_contain_text("Recommendation 1")
    public.follow(public.page.get_by_role("link", name="All published responses"))
    public.expect_heading("Published responses to HMICFRS reports")
