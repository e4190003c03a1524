"""How well the parser reads a corpus of documents with their expected items: recall (expected
items found), precision (items found that were expected) and field accuracy (of the items
matched, the share of fields right). Used by the corpus test and `manage.py
import_corpus_score`."""

import json
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from .lines import normal_text
from .parser import parse_text

FIELDS = ("kind", "ref", "text", "addressee", "deadline", "deadline_text", "parent")
#: How alike two texts must be (difflib's ratio, after normalising) to be the same item.
SAME_ITEM = 0.85


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0
    fields_right: int = 0
    documents: list = field(default_factory=list)  # (name, expected, found, matched, misses)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def field_accuracy(self) -> float:
        total = self.matched * len(FIELDS)
        return self.fields_right / total if total else 1.0


def match(expected: list[dict], found: list[dict]) -> list[tuple[int, int]]:
    """Pairs (expected index, found index), each item used once, best likeness first."""
    candidates = []
    for i, want in enumerate(expected):
        for j, got in enumerate(found):
            wanted_words, found_words = normal_text(want["text"]), normal_text(got["text"])
            ratio = SequenceMatcher(None, wanted_words, found_words).ratio()
            if ratio >= SAME_ITEM:
                candidates.append((-ratio, i, j))
    pairs, used_i, used_j = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return sorted(pairs)


def _parent_matches(want, got, pairs) -> bool:
    if want["parent"] is None or got["parent"] is None:
        return want["parent"] == got["parent"]
    return (want["parent"], got["parent"]) in pairs


def score_document(text: str, expected: dict, score: Score, name: str) -> None:
    published = date.fromisoformat(expected["published"]) if expected["published"] else None
    found = [item.as_json() for item in parse_text(text, published)]
    wanted = expected["items"]
    pairs = match(wanted, found)
    misses = []
    for i, j in pairs:
        for name_ in FIELDS:
            if name_ == "parent":
                right = _parent_matches(wanted[i], found[j], pairs)
            else:
                right = wanted[i][name_] == found[j][name_]
            score.fields_right += right
            if not right:
                want, got = wanted[i][name_], found[j][name_]
                misses.append(f"item {i} {name_}: expected {want!r}, got {got!r}")
    score.expected += len(wanted)
    score.found += len(found)
    score.matched += len(pairs)
    score.documents.append((name, len(wanted), len(found), len(pairs), misses))


def score_corpus(directory: Path) -> Score:
    score = Score()
    for source in sorted(Path(directory).glob("*.txt")):
        expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        score_document(source.read_text(encoding="utf-8"), expected, score, source.name)
    return score
