"""The parser against the corpus: 30-odd documents written in our own words in every style
HMICFRS uses, each beside the items a careful reader would record from it."""

import json
from pathlib import Path

from django.core.management import call_command

from imports.scoring import score_corpus

CORPUS = Path(__file__).parent / "corpus"


def test_the_corpus_has_at_least_thirty_documents_each_with_its_expected_items():
    documents = sorted(CORPUS.glob("*.txt"))
    assert len(documents) >= 30
    for document in documents:
        expected = json.loads(document.with_suffix(".json").read_text())
        assert set(expected) == {"published", "items"}, document.name


def test_the_parser_finds_the_corpus_items_with_their_fields(capsys):
    score = score_corpus(CORPUS)
    print(
        f"corpus: recall {score.recall:.3f}, precision {score.precision:.3f}, "
        f"field accuracy {score.field_accuracy:.3f} over {score.expected} items"
    )
    assert score.expected >= 100
    assert score.recall >= 0.97
    assert score.precision >= 0.97
    assert score.field_accuracy >= 0.97


def test_the_score_command_prints_the_three_numbers(capsys):
    call_command("import_corpus_score")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "recall" in last and "precision" in last and "field accuracy" in last
    assert last.startswith(f"{len(list(CORPUS.glob('*.txt')))} documents")
