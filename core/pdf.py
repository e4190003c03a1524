"""Any HTML to an A4 PDF, tagged (PDF/UA-1), by WeasyPrint, reading nothing but the static
files the apps registered (pdf_fetcher).

Rendering is two stages, so that a background job can report progress between them: `layout`
(HTML and CSS to pages) and `write` (pages to PDF bytes). `html_to_pdf` runs both.
"""

import gc
from functools import cache

from weasyprint import HTML
from weasyprint.document import Document

from .pdf_fetcher import BASE_URL, StaticOnlyFetcher

PDF_VARIANT = "pdf/ua-1"


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
    pdf: bytes = pages.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf


def html_to_pdf(html: str) -> bytes:
    """Any HTML to a tagged PDF, reading nothing but the allowed static files."""
    return write(layout(html))
