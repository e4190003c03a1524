"""Long text in the letter and annex: Markdown for simple formatting (paragraphs, lists, bold,
italic, links), reduced by nh3 (the Ammonia sanitiser) to an allow-list before it is stored and
again when it is shown, so nothing else (script, style, images, iframes) can ever reach a page or
a PDF."""

import html
import re
import secrets
import unicodedata

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
#: Markdown's autolinks, "<https://...>" and "<someone@example.org>": to an HTML sanitiser they
#: look like unknown tags, so they are set aside while the source is cleaned.
_AUTOLINK = re.compile(r"<(?:(?:https?|mailto):[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.I)


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    # nh3's url_schemes only judges absolute URLs; a relative or protocol-relative link
    # ("/admin/", "//host/x") would resolve against wherever the letter is shown or rendered.
    if attribute == "href" and not value.lower().startswith(("http://", "https://", "mailto:")):
        return None
    return value


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_absolute_links_only,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def sanitise_source(text: str) -> str:
    """What is stored: the author's Markdown with any HTML outside the allow-list removed.

    nh3 escapes a bare "<" or "&" as it goes; we store the unescaped text instead when it
    sanitises to exactly the same result, so "3 < 4" is kept as typed while "&lt;script&gt;",
    which would unescape into markup, is kept escaped.
    """
    autolinks: list[str] = []
    marker = f"autolink{secrets.token_hex(8)}x"

    def set_aside(match: re.Match) -> str:
        autolinks.append(match.group(0))
        return f"{marker}{len(autolinks) - 1}{marker}"

    source = _AUTOLINK.sub(set_aside, text.replace("\r\n", "\n"))
    cleaned = _clean(source).strip()
    readable = html.unescape(cleaned)
    kept = readable if _clean(readable) == cleaned else cleaned
    return re.sub(f"{marker}(\\d+){marker}", lambda match: autolinks[int(match[1])], kept)


def render(text: str) -> SafeString:
    """What is shown: the Markdown rendered, then sanitised again (the last word is nh3's)."""
    html = markdown.markdown(text or "", extensions=[], output_format="html")
    return mark_safe(_clean(html))


def plain_text(text: str) -> str:
    """Text alone, for comparisons and search."""
    return html.unescape(nh3.clean(markdown.markdown(text or ""), tags=set())).strip()


#: Characters that show nothing although Unicode does not class them as format or space
#: characters: the Braille blank, the Hangul fillers, the combining grapheme joiner.
_BLANK_LOOKALIKES = set("\u2800\u115f\u1160\u3164\uffa0\u034f")
#: Format (zero-width space, joiners, direction marks, soft hyphen), control, separator and
#: unassigned or private-use characters: none of them puts ink on the page by itself.
_INVISIBLE_CATEGORIES = {"Cf", "Cc", "Cn", "Co", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"}


def _shows_ink(character: str) -> bool:
    if character in _BLANK_LOOKALIKES or character.isspace():
        return False
    return unicodedata.category(character) not in _INVISIBLE_CATEGORIES


def is_blank(text: str) -> bool:
    """Whether the text shows a reader nothing: after the markup is removed and entities such
    as &#8203; are decoded, only whitespace and invisible characters are left."""
    return not any(_shows_ink(character) for character in plain_text(text))
