"""The parser, one behaviour at a time, in the words of the reports it reads."""

from datetime import date

import pytest

from imports.deadlines import find_deadline
from imports.parser import parse_text

PUBLISHED = date(2024, 3, 14)


def items(text, published=PUBLISHED):
    return [
        item.as_json() | {"proposed": item.ref_proposed} for item in parse_text(text, published)
    ]


@pytest.mark.parametrize(
    ("printed", "kind", "ref"),
    [
        ("Recommendation 1\nThe force should act.", "recommendation", "1"),
        ("Recommendations\n1. The force should act.", "recommendation", "1"),
        ("Recommendations\n1.By July 2018, the force should act.", "recommendation", "1"),
        ("Recommendations\n3.3 The force should act.", "recommendation", "3.3"),
        ("AFI 2: The force should act.", "area_for_improvement", "2"),
        ("Area for improvement 1\nThe force should act.", "area_for_improvement", "1"),
        ("Cause of concern 2\nThe force is failing victims.", "cause_of_concern", "2"),
    ],
)
def test_it_reads_every_style_of_printed_reference(printed, kind, ref):
    [item] = items(printed)
    assert (item["kind"], item["ref"], item["proposed"]) == (kind, ref, False)
    assert item["text"].startswith(("The force", "By July"))


def test_it_proposes_references_for_unnumbered_items_and_marks_them_proposed():
    found = items("Areas for improvement\n• The force should act.\n• The force should plan.")
    assert [(item["ref"], item["proposed"]) for item in found] == [("1", True), ("2", True)]


def test_a_stem_gives_each_fragment_its_subject_and_deadline():
    found = items(
        "Recommendations\nWithin three months, chief constables should:\n"
        "• review their vetting policy;\n• Publish the results; and\n"
    )
    assert [item["text"] for item in found] == [
        "Within three months, chief constables should review their vetting policy.",
        "Within three months, chief constables should publish the results.",
    ]
    assert {item["deadline"] for item in found} == {"2024-06-14"}
    assert {item["addressee"] for item in found} == {"all_chief_constables"}


def test_a_recommendation_under_a_cause_of_concern_points_to_it():
    found = items(
        "Cause of concern 1\nThe force is failing victims.\nRecommendations\n"
        "1. The force should act.\nAreas for improvement\n1. The force should plan."
    )
    assert [item["parent"] for item in found] == [None, 0, None]


@pytest.mark.parametrize(
    ("subject", "addressee"),
    [
        ("The force", "force"),
        ("Chief constables", "all_chief_constables"),
        ("All forces", "all_chief_constables"),
        ("The Home Office", "home_office"),
        ("The NPCC", "npcc"),
        ("The College of Policing", "college_of_policing"),
        ("The Ministry of Justice", "other"),
    ],
)
def test_it_reads_the_addressee_from_the_subject(subject, addressee):
    [item] = items(f"Recommendation 1\n{subject} should act.")
    assert item["addressee"] == addressee


@pytest.mark.parametrize(
    ("words", "deadline"),
    [
        ("By 31 March 2025, the force should act.", date(2025, 3, 31)),
        ("Not later than 30 September 2024, the force should act.", date(2024, 9, 30)),
        ("By July 2018, the force should act.", date(2018, 7, 31)),
        ("By February 2024, the force should act.", date(2024, 2, 29)),
        ("Within six months, the force should act.", date(2024, 9, 14)),
        ("Within three months, the force should act.", date(2024, 6, 14)),
        ("Within two years, the force should act.", date(2026, 3, 14)),
        ("Immediately, the force should act.", PUBLISHED),
        ("With immediate effect, the force should act.", PUBLISHED),
        ("The force should, within six months, act.", date(2024, 9, 14)),
    ],
)
def test_it_reads_deadlines_and_keeps_their_words(words, deadline):
    found = find_deadline(words, PUBLISHED)
    assert found.on == deadline
    assert found.words and found.words.lower() in words.lower()


@pytest.mark.parametrize(
    "words",
    [
        "The force should make sure officers attend within 15 minutes.",
        "The force should review its vetting at least annually.",
        "From July 2018, the force should publish its data.",
        "The force should make sure victims are called back within three months of reporting.",
    ],
)
def test_words_that_are_not_its_deadline_are_left_alone(words):
    assert find_deadline(words, PUBLISHED).on is None


def test_a_relative_deadline_without_a_publication_date_keeps_its_words_but_no_date():
    [item] = items("Recommendation 1\nWithin six months, the force should act.", published=None)
    assert (item["deadline"], item["deadline_text"]) == (None, "Within six months")


def test_findings_narrative_furniture_and_status_logs_are_not_items():
    found = items(
        "Skip to main content\nPrint this document\nContents\nSummary 3\nRecommendations 9\n"
        "Dear Chief Constable\n"
        "In 2019 we identified a cause of concern about how the force should protect children.\n"
        "What we found\nWe found that:\n• officers should be better trained;\n"
        "Recommendation 1\nThe force should act.\nStatus: Complete\n"
        "Update (June 2021): we closed this recommendation.\nYours sincerely\n"
    )
    assert [(item["ref"], item["text"]) for item in found] == [("1", "The force should act.")]
