"""What was uploaded, as lines for the parser: PDF (pypdf), an HMICFRS web page saved as HTML,
or plain text. The type is decided by the bytes, not the file's name, and every refusal says
what is wrong in words an office can act on."""

import io
import re
from collections.abc import Callable

import filetype
import pypdf
from pypdf.errors import PdfReadError

from .blocks import is_marker_only, starts_new
from .lines import Line, clean, html_lines, text_lines

PDF, HTML, TEXT = "pdf", "html", "text"
ACCEPTED = "a PDF, an HTML page saved from the HMICFRS website, or plain text"
#: How an HTML page shows itself near its start (after any BOM, XML prolog or comments).
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
#: A line further below the last than this many times the text's size starts a new paragraph.
PARAGRAPH_GAP = 1.5


class UnreadableSource(Exception):
    """The upload cannot be read; the message says why, for the page."""


def sniff(data: bytes) -> str:
    if data[:5] == b"%PDF-":
        return PDF
    if filetype.guess(data[:8192]) is not None:
        raise UnreadableSource(f"This file is not {ACCEPTED}.")
    if _HTML_START.search(data[:4096]):
        return HTML
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableSource(f"This file is not {ACCEPTED}.") from None
    return TEXT


def read_source(data: bytes, progress: Callable[[int, int], None] | None = None) -> list[Line]:
    """The document's lines, whatever it is; `progress(done, total)` hears of each PDF page."""
    kind = sniff(data)
    if kind == PDF:
        return pdf_lines(data, progress)
    text = data.decode("utf-8-sig", errors="replace")
    return html_lines(text) if kind == HTML else text_lines(text)


def pdf_lines(data: bytes, progress=None) -> list[Line]:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableSource("This PDF is protected by a password: upload one without.")
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise UnreadableSource("This PDF is damaged and cannot be read.") from error
    lines: list[Line] = []
    for done, page in enumerate(pages, start=1):
        _add_paragraphs(lines, _page_lines(page))
        if progress:
            progress(done, len(pages))
    if not any(line.text for line in lines):
        raise UnreadableSource(
            "This PDF has no text layer (it may be a scan), so there is nothing to read. "
            "Copy the text from the report's web page and paste it instead."
        )
    return lines


def _add_paragraphs(lines: list[Line], page: list[str]) -> None:
    """A paragraph's visual lines become one line (a sentence may end at a line's end without
    ending the paragraph), split again where a line starts a marker or a label."""
    current: list[str] = []
    for text in [*page, ""]:
        if current and (not text or starts_new(text)):
            lines.append(Line(_join_lines(current), len(lines) + 1))
            current = []
        if text:
            current.append(text)
        elif lines and lines[-1].text:
            lines.append(Line("", len(lines) + 1))


def _join_lines(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        hyphenated = text.endswith("-") and part[:1].islower()
        text = text[:-1] + part if hyphenated else f"{text} {part}"
    return text


def _page_lines(page) -> list[str]:
    """The page's lines of text, with an empty line where a gap shows a new paragraph."""
    chunks: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = abs(cm[3] * tm[3]) or 1.0
            chunks.append((text, cm[3] * tm[5] + cm[5], (size or 1.0) * scale))

    page.extract_text(visitor_text=visit)
    lines: list[str] = []
    previous_y = None
    for text, y, size in chunks:
        step = abs(y - previous_y) if previous_y is not None else 0.0
        if previous_y is None or step > 0.3 * size:
            if lines and step > PARAGRAPH_GAP * size:
                lines.append("")
            lines.append("")
        lines[-1] += text
        previous_y = y
    return _drop_stray_markers(_split(lines))


def _split(raw: list[str]) -> list[str]:
    """One entry per visual line (pypdf may end a chunk, or put several lines in one, with
    newlines); the empty entries that mark paragraphs are kept."""
    out = []
    for piece in raw:
        parts = [clean(part) for part in piece.split("\n")]
        out.extend([part for part in parts if part] or [""])
    return out


def _drop_stray_markers(lines: list[str]) -> list[str]:
    """List markers that a PDF draws after the text ("1.", "•" at the page's end) are noise."""
    while lines and (not lines[-1] or is_marker_only(lines[-1])):
        lines.pop()
    return lines
