"""The response's letter and annex as an A4 PDF, tagged (PDF/UA-1), rendered by WeasyPrint from
the same context and partial as the page (responses.letter).

Rendering is two stages, so that a background job can report progress between them: `layout`
(HTML and CSS to pages) and `write` (pages to PDF bytes). `html_to_pdf` runs both.
"""

import gc
from functools import cache

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.document import Document

from .letter import document_context, render_letter
from .models import Response
from .pdf_fetcher import BASE_URL, StaticOnlyFetcher, static_url

PDF_VARIANT = "pdf/ua-1"


def response_pdf_html(*, response: Response, draft: bool, letter_html: str | None = None) -> str:
    """The print template's HTML for the response: around the letter as it stands now, or
    around `letter_html` (the approved letter, for a publication)."""
    if letter_html is None:
        letter_html = render_letter(response=response)
    context = document_context(response=response, letter_html=letter_html) | {
        "draft": draft,
        "stylesheet_url": static_url("css/print.css"),
    }
    return render_to_string("responses/pdf/letter.html", context)


@cache
def _fetcher() -> StaticOnlyFetcher:
    """One fetcher per process: building one loads the system's certificates for an SSL context
    it never uses (about 70 ms), and it keeps no state between fetches."""
    return StaticOnlyFetcher()


def layout(html: str) -> Document:
    """Lay the HTML out into pages, reading nothing but the allowed static files."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher())
    return document.render(pdf_variant=PDF_VARIANT)


def write(pages: Document) -> bytes:
    """The laid-out pages as a tagged PDF."""
    # The layout context refers to itself, so what layout left behind (the parsed HTML's
    # styles, caches: about 10 MB for a long annex) waits for the cyclic garbage collector.
    # Collect it before the PDF is built on top, so the process's peak holds one render's pages
    # and not several renders' leftovers; a full collection costs about 0.1 s.
    gc.collect()
    return pages.write_pdf(pdf_variant=PDF_VARIANT)


def html_to_pdf(html: str) -> bytes:
    """Any HTML to a tagged PDF, reading nothing but the allowed static files."""
    return write(layout(html))


def render_response_pdf(*, response: Response, draft: bool) -> bytes:
    """The letter and annex as PDF bytes; a draft carries a DRAFT watermark on every page."""
    return html_to_pdf(response_pdf_html(response=response, draft=draft))
