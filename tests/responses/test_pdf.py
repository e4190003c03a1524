"""The letter and annex as a PDF (responses.pdf): what it says, its metadata and tags, the draft
watermark, and that text typed into the letter or annex can never make WeasyPrint read a file or
reach an address (core.pdf_fetcher). Uses real WeasyPrint and poppler's command-line tools."""

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from weasyprint import HTML

from core import pdf_fetcher
from core.pdf import html_to_pdf
from core.pdf_fetcher import RefusedURL, StaticOnlyFetcher
from inspections.models import Item
from responses.choices import ResponseStatus
from responses.models import AnnexEntry, Office, Response
from responses.pdf import render_response_pdf

from .pdf_text import poppler, words


@pytest.fixture
def office(db):
    return Office.objects.create(
        name="Office of the Police and Crime Commissioner for Nottinghamshire",
        address="Arnot Hill House\nArnot Hill Park\nArnold\nNottingham\nNG5 6LU",
        force_name="Nottinghamshire Police",
    )


@pytest.fixture
def response(response_in, office):
    return response_in(ResponseStatus.SUBMITTED)


# --- What the PDF says -------------------------------------------------------------------------


def test_the_pdf_holds_the_whole_letter_and_annex(response, tmp_path):
    pdf = render_response_pdf(response=response, draft=False)
    text = words(poppler("pdftotext", pdf=pdf))

    for line in response.addressee.splitlines():
        assert line in text
    assert "20 April 2020" in text
    assert "The Chief Constable and I welcome the report." in text
    assert "The force has already incorporated these recommendations." in text
    assert "I am reassured by the Chief Constable's plans for early help." in text
    for entry in response.annex.select_related("item"):
        assert f"{entry.item.get_kind_display()} {entry.item.reference}" in text
        assert entry.get_explanation_display() in text
        assert entry.text in text
    assert "Public Protection" in text
    assert "30 September 2020" in text
    assert "Paddy Tipping" in text
    assert "Office of the Police and Crime Commissioner for Nottinghamshire" in text


def test_the_pdf_is_tagged_with_its_metadata_and_numbered_pages(response):
    pdf = render_response_pdf(response=response, draft=False)
    info = poppler("pdfinfo", pdf=pdf)
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}

    assert fields["Tagged"] == "yes"
    assert fields["Title"] == f"Response to {response.report.title}"
    assert fields["Author"] == "Office of the Police and Crime Commissioner for Nottinghamshire"
    assert fields["Page size"].startswith("595.276 x 841.89")  # A4
    pages = int(fields["Pages"])
    assert pages >= 2  # the annex starts on a page of its own

    text = poppler("pdftotext", pdf=pdf)
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text
    # The running header is on the later pages only: the letterhead heads the first.
    first, second = (words(page) for page in text.split("\f")[:2])
    assert first.count("Office of the Police and Crime Commissioner for Nottinghamshire") == 1
    assert "Office of the Police and Crime Commissioner for Nottinghamshire" in second

    catalog = poppler("pdfinfo", "-meta", pdf=pdf)
    assert "pdfuaid:part" in catalog and "1" in catalog


def test_only_a_draft_carries_the_watermark(response, tmp_path):
    def text(draft: bool) -> str:
        # -raw: the watermark is set at an angle, which the default layout mode splits up.
        pdf = render_response_pdf(response=response, draft=draft)
        return poppler("pdftotext", "-raw", pdf=pdf)

    draft, final = text(True), text(False)
    pages = draft.count("\f")
    assert draft.count("DRAFT") == pages >= 2  # on every page
    assert "DRAFT" not in final


# --- The URL fetcher ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/",
        "http://[::1]:8000/",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/logo.png",
        "data:text/css,body{}",
        "css/print.css",
        "/static/css/print.css",
        f"{pdf_fetcher.STATIC_PREFIX}css/app.css",
        f"{pdf_fetcher.STATIC_PREFIX}css/print.css?x=1",
        f"{pdf_fetcher.STATIC_PREFIX}css/../css/print.css",
        f"{pdf_fetcher.STATIC_PREFIX}css%2Fprint.css",
        "https://pdf.pccresponse.invalid.evil.example/static/css/print.css",
    ],
)
def test_the_fetcher_refuses_everything_outside_the_allow_list(url, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the fetcher opened a connection")

    def no_files(*args, **kwargs):
        raise AssertionError("the fetcher looked for a file")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(pdf_fetcher.finders, "find", no_files)
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_print_stylesheet():
    response = StaticOnlyFetcher().fetch(pdf_fetcher.static_url("css/print.css"))
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


# --- Hostile input -----------------------------------------------------------------------------


class _CountingHandler(BaseHTTPRequestHandler):
    def _answer(self):
        self.server.hits.append(self.path)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        body = b"body { background: red }" if self.path.endswith(".css") else b"stolen"
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, *args):
        pass


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@pytest.fixture
def listener():
    """HTTP servers on 127.0.0.1 and [::1] (when the machine has IPv6), counting every request."""
    hits: list[str] = []
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)]
    with contextlib.suppress(OSError):
        servers.append(_IPv6Server(("::1", 0), _CountingHandler))
    for server in servers:
        server.hits = hits
        threading.Thread(target=server.serve_forever, daemon=True).start()
    port = servers[0].server_address[1]
    port6 = servers[-1].server_address[1] if len(servers) > 1 else port
    yield SimpleNamespace(port=port, port6=port6, hits=hits)
    for server in servers:
        server.shutdown()
        server.server_close()


#: Each input carries a marker word as plain text, so the test can see the field was rendered.
HOSTILE = [
    '<a href="file:///etc/passwd">h01</a>',
    '<img src="file:///etc/passwd" alt="h02">h02',
    "![h03](file:///etc/hostname) h03",
    '<img src="http://127.0.0.1:{port}/img.png" alt="h04">h04',
    '<img src="http://[::1]:{port6}/img6.png" alt="h05">h05',
    '<img src="http://169.254.169.254/latest/meta-data/" alt="h06">h06',
    '<img src="http://127.0.0.1:{port}/redirect-img">h07',
    '<style>@import url("http://127.0.0.1:{port}/import.css");</style>h08',
    "<style>body {{ background: url(file:///etc/passwd) }}</style>h09",
    '<p style="background:url(http://127.0.0.1:{port}/bg.png)">h10</p>',
    '<link rel="attachment" href="file:///etc/passwd">h11',
    '<a rel="attachment" href="http://127.0.0.1:{port}/attach.txt">h12</a>',
    '<img src="x.svg" alt="h13">h13',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>h14',
    '<svg><image href="http://127.0.0.1:{port}/svg-image.png" width="9" height="9"/></svg>h15',
    '<object data="http://127.0.0.1:{port}/object.pdf">h16</object>',
    '<iframe src="http://169.254.169.254/latest/">h17</iframe>h17',
    '<script>fetch("http://127.0.0.1:{port}/script")</script>h18',
    '<link rel="stylesheet" href="http://127.0.0.1:{port}/linked.css">h19',
    '<img src="//127.0.0.1:{port}/protocol-relative.png">h20',
    "<style>@font-face {{ font-family: x; src: url(http://[::1]:{port6}/font.ttf) }}</style>h21",
    '<embed src="http://127.0.0.1:{port}/embed.swf">h22',
    "<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'>"
    "<image href='http://127.0.0.1:{port}/data-svg.png'/></svg>\">h23",
    '<a rel="attachment" href="http://127.0.0.1:{port}/redirect-attach">h24</a>',
    '<input type="image" src="http://127.0.0.1:{port}/input.png">h25',
]

#: Rich text (Markdown, sanitised when shown) and plain fields (escaped) of the letter.
RICH_FIELDS = ["opening", "pcc_comments", "cc_comments", "pcc_comments_on_cc", "monitoring"]
PLAIN_FIELDS = ["addressee", "subject", "copy_to"]


def _payloads(listener) -> list[str]:
    return [payload.format(port=listener.port, port6=listener.port6) for payload in HOSTILE]


def _no_connections(monkeypatch) -> list:
    attempts: list = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("no network while rendering")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_hostile_input_in_the_letter_and_annex_is_never_fetched(
    response, listener, monkeypatch, tmp_path
):
    payloads = _payloads(listener)
    assert len(payloads) >= 20
    letter, plain, annex = payloads[:15], payloads[15:18], payloads[18:]
    # Stored directly, past the store-time sanitiser: the defences under test are the ones
    # applied when the PDF is rendered.
    Response.objects.filter(pk=response.pk).update(
        **{field: "\n\n".join(letter[i::5]) for i, field in enumerate(RICH_FIELDS)},
        **dict(zip(PLAIN_FIELDS, plain, strict=True)),
    )
    entries = list(response.annex.select_related("item"))
    for index, entry in enumerate(entries):
        share = annex[index :: len(entries)]
        AnnexEntry.objects.filter(pk=entry.pk).update(text="\n\n".join(share), owner=share[0])
        Item.objects.filter(pk=entry.item_id).update(text=share[-1])
    response = Response.objects.get(pk=response.pk)
    attempts = _no_connections(monkeypatch)

    pdf = render_response_pdf(response=response, draft=True)

    assert listener.hits == []
    assert attempts == []
    assert "0 embedded files" in poppler("pdfdetach", "-list", pdf=pdf)
    assert b"/EmbeddedFile" not in pdf
    text = words(poppler("pdftotext", pdf=pdf))
    assert "stolen" not in text and "root:" not in text
    for number in range(1, len(HOSTILE) + 1):
        assert f"h{number:02}" in text, f"h{number:02}"
    # Plain fields are escaped, so their markup appears as the text that was typed.
    assert words(plain[2]) in text


def test_hostile_markup_that_reaches_weasyprint_is_still_not_fetched(
    listener, monkeypatch, tmp_path
):
    """Without the sanitiser or escaping at all, the fetcher alone keeps every URL out."""
    payloads = _payloads(listener)
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><title>Hostile</title>'
        f'<base href="http://127.0.0.1:{listener.port}/"></head><body>'
        + "".join(f"<div>{payload}</div>" for payload in payloads)
        + '<img src="relative-to-base.png">h26</body></html>'
    )
    attempts = _no_connections(monkeypatch)
    asked: list[tuple[str, bool]] = []
    fetch = StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        try:
            result = fetch(self, url, headers)
        except RefusedURL:
            asked.append((url, False))
            raise
        asked.append((url, True))
        return result

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", spy)

    pdf = html_to_pdf(html)

    assert listener.hits == []
    assert attempts == []
    # WeasyPrint did ask for the hostile URLs, and the fetcher refused every one of them.
    assert [url for url, served in asked if served] == []
    refused = " ".join(url for url, served in asked if not served)
    for asked_for in ("import.css", "linked.css", "img.png", "img6.png", "169.254.169.254"):
        assert asked_for in refused
    assert "file:///etc/passwd" in refused
    assert "0 embedded files" in poppler("pdfdetach", "-list", pdf=pdf)
    text = words(poppler("pdftotext", pdf=pdf))
    assert "stolen" not in text and "root:" not in text
    assert "h26" in text


def test_the_listener_would_see_an_unprotected_render(listener):
    """The control: WeasyPrint's own fetcher does reach the listener, so zero means zero."""
    html = f'<img src="http://127.0.0.1:{listener.port}/control.png">'
    HTML(string=html).write_pdf()
    assert listener.hits == ["/control.png"]
