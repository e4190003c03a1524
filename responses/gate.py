"""The completeness gate (s55(5) and (5B)): what a response still lacks before it can be
submitted, approved or published. One function, used by every transition that needs it."""

from inspections.choices import ItemKind

from .choices import Explanation
from .models import AnnexEntry, Response, Signatory
from .richtext import plain_text


def _entry_problem(entry: AnnexEntry | None) -> str | None:
    if entry is None or not entry.explanation:
        return "says nothing yet"
    if not plain_text(entry.text):
        return "needs its explanation written"
    if entry.explanation == Explanation.ACTION_PROPOSED and not (entry.owner and entry.target_date):
        return "proposes action but has no owner and target date"
    return None


def signatory_on(day) -> Signatory | None:
    return (
        Signatory.objects.filter(valid_from__lte=day)
        .exclude(valid_to__lt=day)
        .order_by("-valid_from")
        .first()
    )


def response_missing_parts(*, response: Response) -> list[str]:
    """Everything the law requires that the response does not yet hold, in the letter's order."""
    missing = []
    if not plain_text(response.pcc_comments):
        missing.append("The PCC's comments on the report.")
    if not plain_text(response.cc_comments) and not response.cc_no_comments_reason.strip():
        missing.append("The Chief Constable's comments, or the reason there are none.")
    if not plain_text(response.pcc_comments_on_cc):
        missing.append("The PCC's comments on the Chief Constable's comments.")
    entries = {entry.item_id: entry for entry in response.annex.all()}
    recommendations = response.report.items.filter(kind=ItemKind.RECOMMENDATION)
    for item in recommendations.order_by("position", "pk"):
        problem = _entry_problem(entries.get(item.pk))
        if problem:
            missing.append(f"An explanation for recommendation {item.reference}: it {problem}.")
    if response.letter_date is None:
        missing.append("The letter's date.")
    elif signatory_on(response.letter_date) is None:
        missing.append(f"A signatory in office on {response.letter_date:%-d %B %Y}.")
    return missing
