"""The public pages need no sign-in: the published responses newest first, each version's HTML
and PDF exactly as frozen, and an Atom feed of the same."""

import datetime
import hashlib
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from responses.letter import render_letter
from responses.models import Approval, PublishedVersion, ResponseVersion
from responses.publication import published_document, sha256
from responses.rendering import attach_published_pdf
from responses.versions import snapshot

from ..factories import ReportFactory
from .test_publication import publish_approved

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
DAY_ONE = datetime.date(2024, 1, 1)


def a_report(**fields):
    """A report with its response open, as recording it through the services leaves it."""
    return ReportFactory(**fields)


def published_version(report, by, on, *, number=1, pdf=True) -> PublishedVersion:
    """A published version written straight to the database, as publication leaves it."""
    response = report.response
    letter = str(render_letter(response=response))
    approval = Approval.objects.create(
        response=response,
        content=snapshot(response),
        approved_by=by,
        letter_html=letter,
        letter_sha256=sha256(letter.encode()),
    )
    html = published_document(approval=approval, number=number, on=on)
    version = PublishedVersion.objects.create(
        response=response,
        number=number,
        published_on=on,
        published_by=by,
        content=ResponseVersion.objects.filter(response=response).first(),
        approval=approval,
        html=html,
        html_sha256=sha256(html.encode()),
    )
    if pdf:  # what the render job stores; a stand-in for the rendered file
        attach_published_pdf(version_id=version.pk, data=b"%PDF-1.7 a stand-in")
    return PublishedVersion.objects.get(pk=version.pk)


def published_reports(count: int, by, start: int = 0) -> list[PublishedVersion]:
    return [
        published_version(
            a_report(title=f"Report {n}"),
            by,
            datetime.date(2024, 1, 1) + datetime.timedelta(n),
        )
        for n in range(start, start + count)
    ]


def test_anyone_lists_the_published_responses_newest_first(client, opcc_staff, media_root):
    older, newer = published_reports(2, opcc_staff)
    a_report(title="A report still being answered")

    page = client.get(reverse("public:list"))

    assert page.status_code == 200
    text = page.content.decode()
    assert text.index("Report 1") < text.index("Report 0")
    assert "A report still being answered" not in text
    for version in (older, newer):
        assert reverse("public:version", args=[version.pk]) in text
        assert reverse("public:version_pdf", args=[version.pk]) in text
    assert "1 January 2024" in text and "2 January 2024" in text  # response dates
    assert reverse("public:feed") in text


def test_the_html_and_pdf_are_served_exactly_as_frozen(client, opcc_staff, response_in, media_root):
    version = publish_approved(response_in, opcc_staff)
    html = client.get(reverse("public:version", args=[version.pk]))
    assert hashlib.sha256(html.content).hexdigest() == version.html_sha256
    assert html["Content-Type"] == "text/html; charset=utf-8"
    assert b"<script" not in html.content and b"style=" not in html.content
    pdf = client.get(reverse("public:version_pdf", args=[version.pk]))
    data = b"".join(pdf.streaming_content)
    assert hashlib.sha256(data).hexdigest() == version.pdf_sha256
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["ETag"] == f'"{version.pdf_sha256}"'


def test_the_html_document_holds_the_letter_and_annex(client, opcc_staff, response_in, media_root):
    version = publish_approved(response_in, opcc_staff)
    text = client.get(reverse("public:version", args=[version.pk])).content.decode()
    for words in (
        "The Home Secretary",
        "The Commissioner&#x27;s comments",
        "The Chief Constable&#x27;s comments",
        "The Commissioner&#x27;s comments on the Chief Constable&#x27;s comments",
        "Recommendation 1",
        "The force will review its diversion scheme with partners.",
        "Paddy Tipping",
        '<html lang="en-GB">',
        'href="pdf/"',
    ):
        assert words in text, words


def test_a_pdf_not_yet_rendered_is_not_found_yet(client, opcc_staff, media_root):
    version = published_version(a_report(), opcc_staff, datetime.date(2024, 5, 1), pdf=False)
    assert client.get(reverse("public:version_pdf", args=[version.pk])).status_code == 404
    assert b"PDF being prepared" in client.get(reverse("public:list")).content


def test_every_version_of_a_response_is_listed(client, opcc_staff, media_root):
    report = a_report(title="Corrected report")
    first = published_version(report, opcc_staff, datetime.date(2024, 5, 1))
    second = published_version(report, opcc_staff, datetime.date(2024, 5, 9), number=2)

    listing = client.get(reverse("public:list")).content.decode()
    assert reverse("public:version", args=[second.pk]) in listing
    assert reverse("public:version", args=[first.pk]) not in listing  # only the newest there
    assert "All 2 versions" in listing

    history = client.get(reverse("public:response", args=[report.response.pk])).content.decode()
    for version in (first, second):
        assert version.html_sha256 in history and version.pdf_sha256 in history
    assert client.get(reverse("public:response", args=[a_report().response.pk])).status_code == 404


def test_the_atom_feed_lists_the_versions_with_their_pdfs(client, opcc_staff, media_root, settings):
    settings.SITE_URL = "https://responses.opcc.example"
    _, newer = published_reports(2, opcc_staff)
    feed = client.get(reverse("public:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    # Newest first: Report 1's version was published after Report 0's.
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Response to Report 1",
        "Response to Report 0",
    ]
    links = {link.get("rel"): link for link in entries[0].findall(f"{ATOM}link")}
    assert links["alternate"].get("href").endswith(f"/published/{newer.pk}/")
    assert links["enclosure"].get("type") == "application/pdf"
    assert links["enclosure"].get("href").startswith("https://responses.opcc.example/published/")


def test_posting_to_a_public_page_is_refused(client, opcc_staff, media_root):
    version = published_reports(1, opcc_staff)[0]
    for name, pk in (("public:list", None), ("public:feed", None), ("public:version", version.pk)):
        url = reverse(name, args=[pk] if pk else [])
        assert client.post(url).status_code == 405


@pytest.mark.parametrize("name", ["public:list", "public:feed"])
def test_public_pages_make_the_same_queries_at_5_and_50(name, client, opcc_staff, media_root):
    def queries_for(count):
        published_reports(count, opcc_staff, start=PublishedVersion.objects.count())
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    assert queries_for(5) == queries_for(45)
