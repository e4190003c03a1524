"""The completeness gate (s55(5) and (5B)): what a response still lacks before it can be
submitted, approved or published. One function, used by every transition that needs it, and
always evaluated against the report's items as they are at the moment of the check."""

from inspections.choices import ItemKind

from .choices import Explanation
from .models import AnnexEntry, Response, Signatory
from .richtext import is_blank, plain_text


def _entry_problem(entry: AnnexEntry | None) -> str | None:
    if entry is None:
        return "has no annex entry yet"
    if not entry.included:
        return "is left out of the annex"
    if not entry.explanation:
        return "says nothing yet"
    if is_blank(entry.text):
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


def _stale_date_problem(response: Response) -> str | None:
    old = response.stale_publication_date
    if old is None or old == response.report.published_on:
        return None
    letter = " ".join(plain_text(getattr(response, name)) for name in ("subject", "opening"))
    if f"{old:%-d %B %Y}" not in letter:
        return None
    return (
        f"The letter still gives the old publication date, {old:%-d %B %Y}: the report was "
        f"published on {response.report.published_on:%-d %B %Y}."
    )


def _comment_problems(response: Response) -> list[str]:
    missing = []
    if is_blank(response.pcc_comments):
        missing.append("The PCC's comments on the report.")
    if is_blank(response.cc_comments) and is_blank(response.cc_no_comments_reason):
        missing.append("The Chief Constable's comments, or the reason there are none.")
    if is_blank(response.pcc_comments_on_cc):
        missing.append("The PCC's comments on the Chief Constable's comments.")
    return missing


def response_missing_parts(*, response: Response) -> list[str]:
    """Everything the law requires that the response does not yet hold, in the letter's order."""
    missing = _comment_problems(response)
    stale = _stale_date_problem(response)
    if stale:
        missing.append(stale)
    # Read afresh, never from a prefetch: the gate judges the items as they are now.
    entries = {entry.item_id: entry for entry in AnnexEntry.objects.filter(response=response)}
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
