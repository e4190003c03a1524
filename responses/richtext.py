"""Long text in the letter and annex: Markdown for simple formatting (paragraphs, lists, bold,
italic, links), reduced by nh3 (the Ammonia sanitiser) to an allow-list before it is stored and
again when it is shown, so nothing else (script, style, images, iframes) can ever reach a page or
a PDF."""

import html

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def sanitise_source(text: str) -> str:
    """What is stored: the author's Markdown with any HTML outside the allow-list removed.

    nh3 escapes a bare "<" or "&" as it goes; we store the unescaped text instead when it
    sanitises to exactly the same result, so "3 < 4" is kept as typed while "&lt;script&gt;",
    which would unescape into markup, is kept escaped.
    """
    cleaned = _clean(text.replace("\r\n", "\n")).strip()
    readable = html.unescape(cleaned)
    return readable if _clean(readable) == cleaned else cleaned


def render(text: str) -> SafeString:
    """What is shown: the Markdown rendered, then sanitised again (the last word is nh3's)."""
    html = markdown.markdown(text or "", extensions=[], output_format="html")
    return mark_safe(_clean(html))


def plain_text(text: str) -> str:
    """Text alone, for comparisons and search."""
    return nh3.clean(markdown.markdown(text or ""), tags=set()).strip()
