"""A dry run of the importer for scripts and tests: read a text, HTML or PDF file, print the
items found as JSON, write nothing."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.extract import UnreadableSource, read_source
from imports.parser import parse


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = "Print the items the importer finds in a report (text, HTML or PDF) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--published",
            type=iso_date,
            help="The report's publication date (YYYY-MM-DD), for deadlines such as "
            '"within six months"; without it those deadlines are null.',
        )

    def handle(self, *args, file: Path, published, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            lines = read_source(data)
        except UnreadableSource as refusal:
            raise CommandError(str(refusal)) from None
        items = [item.as_json() for item in parse(lines, published)]
        self.stdout.write(json.dumps({"items": items}, indent=2, ensure_ascii=False))
