"""Read a page as a user does: its tables by caption, and its figures with the links behind them."""

import re
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.links: dict[str, list[tuple[str, str]]] = {}
        self.figures: list[tuple[str, str, str]] = []  # (dt text, dd text, dd link)
        self._caption = None
        self._rows = None
        self._cell = None
        self._text = None
        self._href = None
        self._dt = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "caption":
            self._text = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif (tag in ("td", "th") and self._rows is not None) or tag in ("dt", "dd"):
            self._text, self._href = [], None
        elif tag == "a":
            self._href = attrs.get("href")

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        text = " ".join("".join(self._text or []).split())
        if tag == "caption":
            self._caption, self._text = text, None
        elif tag in ("td", "th") and self._rows is not None:
            self._rows[-1].append(text)
            if self._href:
                self.links.setdefault(self._caption, []).append((text, self._href))
            self._text = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._caption] = [row for row in self._rows if row]
            self._rows = None
        elif tag == "dt":
            self._dt, self._text = text, None
        elif tag == "dd":
            self.figures.append((self._dt, text, self._href))
            self._text = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def read(response):
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser


def number(text: str) -> int:
    """The figure itself, without the words read out to screen reader users after it."""
    return int(re.match(r"\d+", text).group())


def table(page, caption: str) -> dict[str, list[int]]:
    """A table of figures as {row heading: [numbers]}."""
    rows = page.tables[caption][1:]
    return {row[0]: [number(cell) for cell in row[1:]] for row in rows}


def list_count(client, url: str) -> int:
    """How many rows the list behind a figure says it holds (its caption)."""
    response = client.get(url)
    assert response.status_code == 200, url
    captions = [c for c in read(response).tables if re.match(r"\d+ ", c)]
    if not captions:
        return 0  # "No actions match."
    return number(captions[0])
