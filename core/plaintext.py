"""Single-line text as it may be stored: no control characters, no bidirectional overrides.

A title, subject, name or reference ends up in mail headers, file names, PDFs and CSV cells. A
line break there splits a header (or crashes the send), a NUL truncates, and an override such
as U+202E makes "report.txt\u202efdp" read as something it is not. Line breaks and tabs become
a space, so words stay apart (runs of spaces become one); every other control character is
dropped.
"""

import re
import unicodedata

_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
# Unicode's Bidi_Control characters: embeddings, overrides, isolates and the directional marks.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _table() -> dict[int, str | None]:
    # Every control character (category Cc) lies below U+00A0: C0, DEL and C1.
    table: dict[int, str | None] = {
        code: None for code in range(0xA0) if unicodedata.category(chr(code)) == "Cc"
    }
    table.update({ord(char): None for char in _BIDI})
    table.update({ord(char): " " for char in _BREAKS})
    return table


_TABLE = _table()
_SPACES = re.compile(" {2,}")


def single_line(value: str) -> str:
    """`value` with control and bidi-override characters removed, ends stripped."""
    return _SPACES.sub(" ", value.translate(_TABLE)).strip()
