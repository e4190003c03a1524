"""The response's letter and annex as an A4 PDF, rendered (core.pdf) from the same context and
partial as the page (responses.letter)."""

from django.template.loader import render_to_string

from core.pdf import html_to_pdf
from core.pdf_fetcher import static_url

from .letter import document_context, render_letter
from .models import Response

#: The print stylesheet, registered with the PDF fetcher when the app is ready.
STYLESHEET = "css/print.css"


def response_pdf_html(*, response: Response, draft: bool, letter_html: str | None = None) -> str:
    """The print template's HTML for the response: around the letter as it stands now, or
    around `letter_html` (the approved letter, for a publication)."""
    if letter_html is None:
        letter_html = render_letter(response=response)
    context = document_context(response=response, letter_html=letter_html) | {
        "draft": draft,
        "stylesheet_url": static_url(STYLESHEET),
    }
    return render_to_string("responses/pdf/letter.html", context)


def render_response_pdf(*, response: Response, draft: bool) -> bytes:
    """The letter and annex as PDF bytes; a draft carries a DRAFT watermark on every page."""
    return html_to_pdf(response_pdf_html(response=response, draft=draft))
