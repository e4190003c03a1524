"""The parser's words for kinds and addressees, and the register's; and the preview's rows
(what the formset edits) made from the parser's proposals."""

from inspections.choices import Addressee, ItemKind

KIND_TO_MODEL = {
    "cause_of_concern": ItemKind.CAUSE_OF_CONCERN,
    "recommendation": ItemKind.RECOMMENDATION,
    "area_for_improvement": ItemKind.AREA_FOR_IMPROVEMENT,
    "innovative_practice": ItemKind.INNOVATIVE_PRACTICE,
}
ADDRESSEE_TO_MODEL = {
    "force": Addressee.THIS_FORCE,
    "all_chief_constables": Addressee.ALL_CHIEF_CONSTABLES,
    "home_office": Addressee.HOME_OFFICE,
    "npcc": Addressee.NPCC,
    "college_of_policing": Addressee.COLLEGE_OF_POLICING,
    "other": Addressee.OTHER,
}


def row_from_proposal(proposal: dict) -> dict:
    """A preview row: the register's values, the parent as a row number (or blank)."""
    parent = proposal["parent"]
    return {
        "drop": False,
        "kind": KIND_TO_MODEL[proposal["kind"]],
        "ref": proposal["ref"],
        "ref_proposed": proposal["ref_proposed"],
        "text": proposal["text"],
        "addressee": ADDRESSEE_TO_MODEL[proposal["addressee"]],
        "addressee_other": proposal["addressee_other"],
        "deadline": proposal["deadline"] or "",
        "deadline_text": proposal["deadline_text"],
        "parent": "" if parent is None else str(parent),
        "line": proposal["line"],
    }
