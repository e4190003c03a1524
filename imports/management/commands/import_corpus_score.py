"""Print the parser's recall, precision and field accuracy over a corpus of documents (by
default the test corpus): each `NAME.txt` beside its expected items in `NAME.json`."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from imports.scoring import score_corpus

DEFAULT_CORPUS = Path(settings.BASE_DIR) / "tests" / "imports" / "corpus"


class Command(BaseCommand):
    help = "Score the report parser on a corpus of documents with their expected items."

    def add_arguments(self, parser):
        parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))

    def handle(self, *args, corpus, **options):
        score = score_corpus(Path(corpus))
        for name, expected, found, matched, misses in score.documents:
            self.stdout.write(f"{name}: expected {expected}, found {found}, matched {matched}")
            for miss in misses:
                self.stdout.write(f"    {miss}")
        self.stdout.write(
            f"{len(score.documents)} documents, {score.expected} expected items, "
            f"{score.found} found: recall {score.recall:.3f}, precision {score.precision:.3f}, "
            f"field accuracy {score.field_accuracy:.3f}"
        )
