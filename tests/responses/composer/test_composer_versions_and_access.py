"""The response's versions, listed and any two compared side by side, and who may draft or read
a draft."""

import re

import pytest
from django.urls import reverse

from responses.models import Response
from tests.responses.composer.helpers import client_for, compose_url, composer_post

# --- Versions ------------------------------------------------------------------------------------


def test_every_version_is_listed_newest_first(client, opcc_staff, pcc, response, start):
    client_for(opcc_staff).post(compose_url(response), composer_post(response))

    page = client_for(pcc).get(reverse("responses:versions", args=[response.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert html.index(f'id="new-{start + 1}"') < html.index(f'id="new-{start}"')
    assert html.index(f'id="new-{start}"') < html.index('id="new-1"')
    assert "Opened when the report was recorded." in html


def test_compare_shows_the_changed_words(client, opcc_staff, pcc, response, start):
    editor = client_for(opcc_staff)
    editor.post(compose_url(response), composer_post(response, pcc_comments="We welcome it."))
    editor.post(
        compose_url(response), composer_post(response, pcc_comments="We warmly welcome it.")
    )

    page = client_for(pcc).get(
        reverse("responses:compare", args=[response.pk]), {"old": start + 1, "new": start + 2}
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "<ins>warmly</ins>" in html
    assert f"1 part changed between version {start + 1} and version {start + 2}" in html
    row = re.search(
        r"<th scope=\"row\">The PCC&#x27;s comments on the report</th>\s*<td>(.*?)</td>", html, re.S
    )
    assert "Changed" in row.group(1)


def test_compare_with_no_choice_shows_the_latest_against_the_one_before(
    client, opcc_staff, response, start
):
    client.force_login(opcc_staff)
    client.post(compose_url(response), composer_post(response, subject="A new subject"))

    page = client.get(reverse("responses:compare", args=[response.pk]))

    assert page.status_code == 200
    assert f"between version {start} and version {start + 1}" in page.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"old": "abc", "new": "1"},
        {"old": "1"},
        {"old": "1", "new": ""},
        {"old": "1", "new": "99"},
        {"old": "-1", "new": "1"},
        {"old": "1e9", "new": "1"},
        {"old": "99999999999999999999999", "new": "1"},
        {"old": "1", "new": "\u0661"},  # an Arabic-Indic digit one,
    ],
)
def test_bad_compare_parameters_get_a_clear_message_not_an_error(
    client, opcc_staff, response, query
):
    client.force_login(opcc_staff)

    page = client.get(reverse("responses:compare", args=[response.pk]), query)

    assert page.status_code == 400
    assert "alert-danger" in page.content.decode()


# --- Who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["jasp", "force_officer", "dcc", "outsider"])
def test_only_the_office_drafts_and_only_it_and_the_pcc_read_drafts(persona, personas, response):
    client = client_for(personas[persona])
    before = Response.objects.get(pk=response.pk).lock_version

    assert client.get(compose_url(response)).status_code == 403
    assert client.post(compose_url(response), composer_post(response)).status_code == 403
    for name in ("letter", "versions", "compare"):
        assert client.get(reverse(f"responses:{name}", args=[response.pk])).status_code == 403
    assert Response.objects.get(pk=response.pk).lock_version == before


def test_the_pcc_reads_drafts_but_does_not_compose(pcc, response):
    client = client_for(pcc)

    assert client.get(compose_url(response)).status_code == 403
    for name in ("letter", "versions", "compare"):
        assert client.get(reverse(f"responses:{name}", args=[response.pk])).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, response):
    assert client.get(compose_url(response)).url.startswith(reverse("account_login"))
