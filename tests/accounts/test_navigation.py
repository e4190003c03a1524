"""The navigation bar from its one declaration: who sees which link, and which is "you are here"."""

import re

import pytest
from django.urls import reverse

#: The links each persona sees, in order.
SEEN = {
    "opcc_staff": [
        "Register",
        "Responses",
        "My responses",
        "DCC dashboard",
        "JASP dashboard",
        "Published",
        "My reminders",
    ],
    "pcc": [
        "Register",
        "Responses",
        "DCC dashboard",
        "JASP dashboard",
        "Published",
        "My reminders",
    ],
    "force_officer": [
        "Register",
        "Responses",
        "DCC dashboard",
        "JASP dashboard",
        "Published",
        "My actions",
        "My reminders",
    ],
    "dcc": [
        "Register",
        "Responses",
        "DCC dashboard",
        "JASP dashboard",
        "Published",
        "My actions",
        "My reminders",
        "Review queue",
    ],
    "jasp": ["Register", "Responses", "JASP dashboard", "Published", "My reminders"],
}
LINK = re.compile(
    r'<a class="nav-link( active)?"\s*(aria-current="page")?\s*href="([^"]+)">([^<]+)</a>'
)


def nav_links(page: str) -> list[tuple[str, bool, bool, str]]:
    bar = page[page.index('id="main-nav"') : page.index("</ul>", page.index('id="main-nav"'))]
    return [
        (label, bool(active), bool(current), url)
        for active, current, url, label in LINK.findall(bar)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", SEEN)
def test_each_role_sees_its_links(client, personas, persona):
    client.force_login(personas[persona])

    links = nav_links(client.get(reverse("responses:list")).content.decode())

    assert [label for label, *_ in links] == SEEN[persona]


def states(client, url: str) -> dict[str, tuple[bool, bool]]:
    page = client.get(url).content.decode()
    return {label: (active, current) for label, active, current, _ in nav_links(page)}


@pytest.mark.django_db
def test_the_page_s_own_link_is_current_and_its_section_active(client, personas):
    client.force_login(personas["opcc_staff"])

    on_list = states(client, reverse("responses:list"))
    in_reminders = states(client, reverse("reminders:calendar"))

    assert on_list["Responses"] == (True, True)
    assert on_list["Register"] == (False, False)
    assert sum(active for active, _ in on_list.values()) == 1
    # Another page of the reminders: the link is active (its section) but not current.
    assert in_reminders["My reminders"] == (True, False)
