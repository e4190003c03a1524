"""A corpus document as the two other forms HMICFRS publishes it in: a web page (headings and
lists as HTML elements, with the site's furniture around them) and a PDF made by WeasyPrint."""

import html
import re

import weasyprint

from imports.blocks import MARKER, Block, headingish, label_of

FURNITURE = """
<header class="govuk-header"><a href="/">HMICFRS</a>
<nav><a href="/p">Publications</a></nav></header>
<div class="cookie-banner"><p>We use some essential cookies.</p><button>Accept</button></div>
<script>var tracking = "Recommendation 99: the force should never appear";</script>
"""
FOOTER = "<footer><p>Recommendations</p><p>© Crown copyright</p></footer>"


def _is_heading(line: str) -> bool:
    label = label_of(line)
    if label is not None:
        return not label.group("rest")
    return headingish(Block(line, 0)) and not MARKER.match(line)


def as_html(text: str) -> str:
    """Headings as <h2>, numbered and bulleted lines as <ol>/<ul> items, the rest <p>."""
    parts, open_list = [FURNITURE, "<main>"], None
    for line in filter(None, (line.strip() for line in text.splitlines())):
        marker = MARKER.match(line)
        kind = None
        if marker and marker.group("bullet"):
            kind, body = "ul", line[marker.end() :]
        elif marker and marker.group("num") and "." not in marker.group("num"):
            kind, body = "ol", line[marker.end() :]
        if open_list and kind != open_list:
            parts.append(f"</{open_list}>")
            open_list = None
        if kind and not open_list:
            start = f' start="{marker.group("num")}"' if kind == "ol" else ""
            parts.append(f"<{kind}{start}>")
            open_list = kind
        if kind:
            parts.append(f"<li>{html.escape(body.strip())}</li>")
        elif _is_heading(line):
            parts.append(f"<h2>{html.escape(line)}</h2>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    if open_list:
        parts.append(f"</{open_list}>")
    return f"<!DOCTYPE html><html><body>{''.join(parts)}</main>{FOOTER}</body></html>"


def paragraphs(text: str) -> list[str]:
    """Lines, with a line that goes on from the last (it starts in lower case after a line
    that does not end a sentence) joined to it: text copied from a PDF, set again."""
    out: list[str] = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        if out and line[0].islower() and not re.search(r"(?:[.;:]|[;,] (?:and|or))$", out[-1]):
            out[-1] += f" {line}"
        else:
            out.append(line)
    return out


def as_pdf(text: str, *, filler_pages: int = 0) -> bytes:
    """The document as printed: each paragraph wrapped to the page, headings larger."""
    body = []
    for line in paragraphs(text):
        tag = "h2" if _is_heading(line) else "p"
        body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    filler = "".join(
        f'<section style="break-before: page"><h2>Chapter {n}</h2><p>{NARRATIVE}</p></section>'
        for n in range(1, filler_pages + 1)
    )
    document = f"<html><body>{''.join(body)}{filler}</body></html>"
    return weasyprint.HTML(string=re.sub(r"\s+\n", "\n", document)).write_pdf()


NARRATIVE = (
    "We visited the force over three weeks and spoke to officers, staff and partners. "
    "We read case files and watched the control room at work. "
) * 8
