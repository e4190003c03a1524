"""What the statutory record tests (issue 11) share: a response read fresh, the composer saved
with the complete letter and annex, submission and approval on their day, publication, and an
item edited through the register."""

import contextlib
import datetime

from inspections import services as inspections
from inspections.models import Item
from responses import services
from responses.models import Response
from tests.clock import on_the_day
from tests.conftest import COMPLETE_LETTER, complete_annex

D = datetime.date


APPROVED_ON = D(2020, 4, 20)  # response_in approves on this day


PCC_COMMENTS = "The PCC's comments on the report."


def fresh(response) -> Response:
    return Response.objects.select_related("report").get(pk=response.pk)


def annex_as_stored(response) -> dict[int, dict]:
    """What the composer would post back unchanged for each entry."""
    return {
        entry.pk: {
            "included": entry.included,
            "explanation": entry.explanation,
            "text": entry.text,
            "owner": entry.owner,
            "target_date": entry.target_date,
        }
        for entry in response.annex.all()
    }


def save_draft(response, by, *, letter=None, annex=None) -> Response:
    """The composer saved with the complete letter and annex (for the NCPI items), changed by
    `letter` and `annex` (entry pk -> values); other entries as they are."""
    response = fresh(response)
    entries = annex_as_stored(response)
    with contextlib.suppress(KeyError):  # an item the fixture does not know
        entries |= complete_annex(response)
    for pk, values in (annex or {}).items():
        entries[pk] = entries[pk] | values
    services.response_save_draft(
        response=response,
        by=by,
        expected_version=response.lock_version,
        letter={**COMPLETE_LETTER, **(letter or {})},
        annex=entries,
    )
    return fresh(response)


def submit_and_approve(response, opcc_staff, pcc) -> Response:
    with on_the_day(APPROVED_ON):
        services.response_submit_for_approval(
            response=fresh(response), by=opcc_staff, expected_version=fresh(response).lock_version
        )
        services.response_approve(
            response=fresh(response), by=pcc, expected_version=fresh(response).lock_version
        )
    return fresh(response)


def publish(response, by, on, **extra):
    response = fresh(response)
    return services.response_publish(
        response=response, by=by, expected_version=response.lock_version, on=on, **extra
    )


def edit_item(item, by, **fields) -> Item:
    item = Item.objects.get(pk=item.pk)
    return inspections.item_update(item=item, by=by, expected_version=item.lock_version, **fields)
