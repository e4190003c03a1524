"""The parser's input: the lines of a document, numbered as in its source. Pasted text and PDF
text give one line per line of text; HTML gives one line per block (a heading, a paragraph, a
list item), with headings flagged and list items given the marker the browser would draw."""

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Line:
    text: str
    number: int
    heading: bool = False


_LIGATURES = str.maketrans({"\ufb01": "fi", "\ufb02": "fl", "\u00ad": "", "\u200b": "", "\t": " "})


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_LIGATURES))
    return re.sub(r"\s+", " ", text).strip()


def normal_text(text: str) -> str:
    """Text with case, spacing and punctuation set aside, to compare two items' words."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def text_lines(text: str) -> list[Line]:
    return [Line(clean(line), number) for number, line in enumerate(text.splitlines(), start=1)]


#: Elements whose content is never the report: scripts, navigation, page furniture.
SKIPPED_TAGS = {
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "head",
}  # fmt: skip
#: Classes and ids that mark furniture on government pages (cookie banners, breadcrumbs...).
SKIPPED_MARKS = re.compile(r"cookie|banner|breadcrumb|skip-link|govuk-header|govuk-footer|share")
BLOCK_TAGS = {
    "p", "div", "li", "td", "th", "dt", "dd", "blockquote", "section", "article", "main",
    "table", "tr", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "body",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID_TAGS = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area"}


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.stack: list[str] = []
        self.skip_depth: int | None = None
        self.lists: list[list] = []  # [tag, next number]
        self.buffer: list[str] = []
        self.start = 1
        self.heading = False

    def flush(self):
        text = clean("".join(self.buffer))
        if text:
            self.lines.append(Line(text, self.start, self.heading))
        self.buffer, self.heading = [], False
        self.start = self.getpos()[0]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in VOID_TAGS:
            self.stack.append(tag)
        if self.skip_depth is not None:
            return
        marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
        hidden = "hidden" in attributes or attributes.get("aria-hidden") == "true"
        if tag in SKIPPED_TAGS or SKIPPED_MARKS.search(marks) or hidden:
            self.skip_depth = len(self.stack) - (tag not in VOID_TAGS)
            return
        if tag in BLOCK_TAGS:
            self.flush()
        self._open_block(tag, attributes)

    def _open_block(self, tag, attributes):
        if tag in HEADINGS:
            self.heading = True
        elif tag in ("ol", "ul"):
            start = attributes.get("start") or "1"
            self.lists.append([tag, int(start) if start.isdigit() else 1])
        elif tag == "li" and self.lists:
            kind = self.lists[-1]
            value = attributes.get("value")
            if value and value.isdigit():
                kind[1] = int(value)
            self.buffer.append(f"{kind[1]}. " if kind[0] == "ol" else "• ")
            kind[1] += 1

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack:
            if self.stack.pop() == tag:
                break
        if self.skip_depth is not None:
            if len(self.stack) <= self.skip_depth:
                self.skip_depth = None
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data):
        if self.skip_depth is None:
            self.buffer.append(data)


def html_lines(html: str) -> list[Line]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.lines
