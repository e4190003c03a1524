"""The annex in the composer (printed order, suggestions from the force's actions, editing) and
the letter it makes, signed by whoever held office on its date."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspections import services as register
from inspections.choices import Addressee, ItemKind
from responses.choices import Explanation
from responses.models import AnnexEntry, Office, Signatory
from tests.factories import ActionFactory
from tests.responses.composer.helpers import client_for, compose_url, composer_post

# --- The annex -----------------------------------------------------------------------------------


def test_the_annex_lists_entries_in_printed_order_with_the_other_body_line(
    client, opcc_staff, response
):
    client.force_login(opcc_staff)

    page = client.get(compose_url(response)).content.decode()

    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", page, re.S)
    entries = [legend for legend in legends if legend.startswith(("Recommendation", "Area"))]
    assert entries == ["Recommendation 1", "Recommendation 2", "Area for improvement AFI 1"]
    assert "Cause of concern 1" not in entries
    assert (
        "This recommendation is addressed to the Home Office. The force will act on any resulting "
        "guidance."
    ) in page
    assert "Item 2 as printed in the report." in page


def test_an_empty_entry_offers_what_the_force_actions_recorded_since_suggest(
    client, opcc_staff, response
):
    item = response.report.items.get(kind=ItemKind.RECOMMENDATION, reference="1")
    ActionFactory(item=item, description="Set up a diversion panel.", owner_name="Youth Justice")
    client.force_login(opcc_staff)

    page = client.get(compose_url(response)).content.decode()

    assert "Suggested from the force's actions" in page
    assert "Set up a diversion panel." in page
    assert 'value="Youth Justice"' in page
    assert AnnexEntry.objects.get(response=response, item=item).text == ""


def test_the_composer_asks_the_same_number_of_queries_however_long_the_annex(
    client, opcc_staff, response
):
    client.force_login(opcc_staff)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(compose_url(response)).status_code == 200
        return len(captured)

    queries()  # the first request after force_login stamps the session (accounts.sessions)
    before = queries()
    for number in range(3, 9):
        item = register.item_create(
            report=response.report,
            by=opcc_staff,
            kind=ItemKind.RECOMMENDATION,
            reference=str(number),
            addressee=Addressee.THIS_FORCE,
            text="More.",
        )
        ActionFactory(item=item)
    assert queries() == before


def test_annex_entries_are_edited_and_recommendations_stay_included(client, opcc_staff, response):
    client.force_login(opcc_staff)
    data = composer_post(
        response,
        annex={
            "1": {
                "included": False,
                "explanation": Explanation.ACTION_PROPOSED,
                "text": "The force will review its diversion scheme.",
                "owner": "Public Protection",
                "target_date": "2020-09-30",
            },
            "2": {"text": "Addressed to the Home Office; we will follow its guidance."},
            "AFI 1": {"included": False},
        },
    )

    assert client.post(compose_url(response), data).status_code == 302

    entries = {e.item.reference: e for e in response.annex.select_related("item")}
    assert entries["1"].included is True
    assert entries["1"].owner == "Public Protection"
    assert entries["1"].target_date == datetime.date(2020, 9, 30)
    assert entries["2"].text == "Addressed to the Home Office; we will follow its guidance."
    assert entries["AFI 1"].included is False


def test_the_letter_shows_the_annex_in_printed_order_and_the_signatory_on_its_date(
    client, opcc_staff, pcc, response, commissioner
):
    Office.objects.create(
        name="Nottinghamshire Office of the PCC",
        address="Arnot Hill House\nArnold\nNottingham NG5 6LU",
        force_name="Nottinghamshire Police",
    )
    client_for(opcc_staff).post(compose_url(response), composer_post(response))

    page = client_for(pcc).get(reverse("responses:letter", args=[response.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Nottinghamshire Office of the PCC" in html
    assert "2 Marsham Street" in html
    assert "20 April 2020" in html
    assert "Paddy Tipping" in html and "Police and Crime Commissioner" in html
    assert "No signatory in office" not in html
    assert "Draft" in html
    annex = html[html.index("Annex: response to the recommendations") :]
    positions = [
        annex.index(f"<h3>{name}</h3>") for name in ("Recommendation 1", "Recommendation 2")
    ]
    assert positions == sorted(positions)
    assert "Addressed to another body" in annex


def test_the_letter_warns_when_nobody_held_office_on_its_date(client, pcc, opcc_staff, response):
    Signatory.objects.create(name="Paddy Tipping", valid_from=datetime.date(2012, 11, 22),
                             valid_to=datetime.date(2019, 12, 31))  # fmt: skip
    client_for(opcc_staff).post(compose_url(response), composer_post(response))

    html = client_for(pcc).get(reverse("responses:letter", args=[response.pk])).content.decode()

    assert "No signatory in office on this date." in html
    assert "Paddy Tipping" not in html
