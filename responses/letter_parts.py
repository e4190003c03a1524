"""The letter's parts, declared once, in the order they are printed: the composer's form, the
drafting service, version snapshots, the comparison, edit-conflict messages and the printed
letter's headings all read this."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterPart:
    name: str
    #: How forms, the comparison and messages name it.
    label: str
    #: Markdown, sanitised by responses.richtext when stored and when shown.
    rich: bool = False
    #: Written in the composer; False for the force's words and the reason none came (entered by
    #: force staff or the DCC, or recorded by the office as a step of its own).
    drafted: bool = True
    #: The heading the printed letter gives the part, for those it heads.
    heading: str = ""


LETTER_PARTS = (
    LetterPart("letter_date", "Date of the letter"),
    LetterPart("addressee", "Addressee"),
    LetterPart("copy_to", "Copy to"),
    LetterPart("subject", "Subject"),
    LetterPart("opening", "Opening paragraph", rich=True),
    LetterPart(
        "pcc_comments",
        "The PCC's comments on the report",
        rich=True,
        heading="The Commissioner's comments",
    ),
    LetterPart(
        "cc_comments",
        "The Chief Constable's comments",
        rich=True,
        drafted=False,
        heading="The Chief Constable's comments",
    ),
    LetterPart(
        "cc_no_comments_reason", "Why there are no Chief Constable's comments", drafted=False
    ),
    LetterPart(
        "pcc_comments_on_cc",
        "The PCC's comments on the Chief Constable's comments",
        rich=True,
        heading="The Commissioner's comments on the Chief Constable's comments",
    ),
    LetterPart("monitoring", "How delivery is monitored", rich=True),
)

#: (name, label) of every part: what a version snapshot keeps and the comparison shows.
LETTER_FIELDS = [(part.name, part.label) for part in LETTER_PARTS]
RICH_FIELDS = frozenset(part.name for part in LETTER_PARTS if part.rich)
DRAFTED_FIELDS = [part.name for part in LETTER_PARTS if part.drafted]
#: (name, heading) of the parts the printed letter gives a heading, in order.
HEADED_PARTS = [(part.name, part.heading) for part in LETTER_PARTS if part.heading]
