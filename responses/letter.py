"""What the letter and annex template (templates/responses/partials/letter_body.html) needs:
the page, the published HTML and the PDF all build their context here, so they show the same."""

import datetime

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .choices import Explanation
from .gate import signatory_on
from .letter_parts import HEADED_PARTS
from .models import Office, Response
from .richtext import render

#: The letter's three comment parts (s55(5)(a)-(c)), in order, with their headings.


def default_subject(title: str) -> str:
    return f"Response to HMICFRS - {title}"


def default_opening(title: str, published_on: datetime.date) -> str:
    return (
        "In line with my statutory responsibilities under section 55 of the Police Act 1996, "
        "and following consultation with the Chief Constable, I am pleased to provide the "
        f"following response to \u201c{title}\u201d, which HMICFRS published on "
        f"{published_on:%-d %B %Y}."
    )


def _salutation(addressee: str) -> str:
    return "Dear Home Secretary" if "home secretary" in addressee.lower() else ""


def letter_context(*, response: Response) -> dict:
    """The response's letter and included annex entries, with rich text rendered (sanitised)."""
    entries = list(
        response.annex.filter(included=True)
        .select_related("item")
        .order_by("item__position", "item__pk")
    )
    for entry in entries:
        # Read by the letter's template only.
        entry.rendered_text = render(entry.text)  # type: ignore[attr-defined]
        entry.shows_owner = entry.explanation == Explanation.ACTION_PROPOSED  # type: ignore[attr-defined]
    parts = [
        {"name": name, "heading": heading, "html": render(getattr(response, name))}
        for name, heading in HEADED_PARTS
    ]
    return {
        "response": response,
        "report": response.report,
        "office": Office.objects.first(),
        "salutation": _salutation(response.addressee),
        "opening": render(response.opening),
        "parts": parts,
        "monitoring": render(response.monitoring),
        "signatory": signatory_on(response.letter_date) if response.letter_date else None,
        "entries": entries,
    }


def render_letter(*, response: Response) -> SafeString:
    """The letter and annex as HTML, as the page, the published document and the PDF show it:
    what the PCC approves is this string, and publication publishes it byte for byte."""
    html = render_to_string(
        "responses/partials/letter_body.html", letter_context(response=response)
    )
    return mark_safe(html)


def document_context(*, response: Response, letter_html: str) -> dict:
    """What the frame around a rendered letter needs (the published document, the print
    template): the response, its report and the office, and the letter itself."""
    return {
        "response": response,
        "report": response.report,
        "office": Office.objects.first(),
        "letter_html": mark_safe(letter_html),
    }
