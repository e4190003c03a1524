"""The response's letter and annex as an A4 PDF, tagged (PDF/UA-1), rendered by WeasyPrint from
the same context and partial as the page (responses.letter)."""

from django.template.loader import render_to_string
from weasyprint import HTML

from .letter import letter_context
from .models import Response
from .pdf_fetcher import BASE_URL, StaticOnlyFetcher, static_url

PDF_VARIANT = "pdf/ua-1"


def response_pdf_html(*, response: Response, draft: bool) -> str:
    """The print template's HTML for the response."""
    context = letter_context(response=response) | {
        "draft": draft,
        "stylesheet_url": static_url("css/print.css"),
    }
    return render_to_string("responses/pdf/letter.html", context)


def html_to_pdf(html: str) -> bytes:
    """Any HTML to a tagged PDF, reading nothing but the allowed static files."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def render_response_pdf(*, response: Response, draft: bool) -> bytes:
    """The letter and annex as PDF bytes; a draft carries a DRAFT watermark on every page."""
    return html_to_pdf(response_pdf_html(response=response, draft=draft))
