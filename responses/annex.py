"""The annex: one entry per current recommendation and AFI, kept in step with the report's
items, and its suggested lines, built from the items and the force's actions."""

from inspections.choices import ItemKind
from inspections.models import Item

from .choices import Explanation
from .models import AnnexEntry, Response

ANNEX_ITEM_KINDS = (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)


def _describe(actions) -> str:
    return "\n\n".join(action.description for action in actions)


def _with_article(body: str) -> str:
    """Bodies are named with the article: the Home Office, the College of Policing."""
    return body if body.lower().startswith("the ") else f"the {body}"


def suggested_entry(item: Item) -> dict:
    """A starting point the office can change: recommendations to other bodies get the usual
    line; the force's own get what its actions say (taken if all are closed, else proposed)."""
    if not item.action_required:
        return {
            "explanation": Explanation.OTHER_BODY,
            "text": (
                f"This recommendation is addressed to {_with_article(item.addressee_label)}. "
                "The force will act on any resulting guidance."
            ),
            "included": True,
        }
    actions = list(item.actions.all())
    unfinished = [action for action in actions if not action.is_finished]
    included = item.kind == ItemKind.RECOMMENDATION
    if actions and not unfinished:
        taken = _describe(actions)
        return {"explanation": Explanation.ACTION_TAKEN, "text": taken, "included": included}
    if unfinished:
        first = unfinished[0]
        return {
            "explanation": Explanation.ACTION_PROPOSED,
            "text": _describe(unfinished),
            "owner": first.owner_label,
            "target_date": first.target_date,
            "included": included,
        }
    return {"explanation": "", "text": "", "included": included}


def response_sync_annex(*, response: Response) -> bool:
    """Give every current recommendation and AFI of the report an annex entry (with a suggested
    line), and put every recommendation in the annex, whatever its history of kind changes.
    Whether anything changed."""
    # Every entry ever made, kept words and all while its item is withdrawn or of another kind.
    have = set(AnnexEntry.all_objects.filter(response=response).values_list("item_id", flat=True))
    items = response.report.items.filter(kind__in=ANNEX_ITEM_KINDS).exclude(pk__in=have)
    created = 0
    for item in items.prefetch_related("actions__owner_user"):
        AnnexEntry.objects.create(response=response, item=item, **suggested_entry(item))
        created += 1
    included = response.annex.filter(included=False, item__kind=ItemKind.RECOMMENDATION).update(
        included=True
    )
    return bool(created or included)
