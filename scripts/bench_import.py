"""Benchmark (issue 12): a 200-page report PDF with 60 items, read as the worker reads it.

First a child process makes the PDF with WeasyPrint (so its memory is not counted): 60
chapters of narrative, each closing with a recommendation, an area for improvement or a cause
of concern, in the styles HMICFRS prints, padded to 200 pages. Then, in a throwaway SQLite
database, the upload is stored on an ImportJob and `imports.services.run_import_job` (the Celery
task's body) reads it, reporting progress page by page as it would to the page. Prints the time,
the CPU time, the peak memory (max RSS of the reading process, Django included, and how much
the read added to it) and checks that the 60 items were found. Target: at most
10 s. Run with `make bench-import`.
"""

import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES, ITEMS = 200, 60
NARRATIVE = (
    "We examined how the force deals with this area of its work. We read case files, "
    "interviewed officers and staff, and spoke to partner organisations and to victims. "
    "Officers were committed, but supervision was inconsistent and records were incomplete. "
)


def item_html(number: int) -> str:
    """Every sixth item a cause of concern, every third an AFI, the rest recommendations."""
    if number % 6 == 0:
        return (
            f"<h3>Cause of concern {number // 6}</h3><p>The force does not do enough to "
            f"protect people in area {number}.</p>"
        )
    if number % 3 == 0:
        return (
            f"<h3>Area for improvement {number}</h3><p>The force should improve how it "
            f"records outcomes in area {number}.</p>"
        )
    return (
        f"<h3>Recommendation {number}</h3><p>Within six months, the force should review its "
        f"approach to area {number} and publish what it finds.</p>"
    )


def make_pdf(path: Path) -> None:
    """Chapter n takes its share of the 200 pages: narrative pages, then a last page with
    more narrative and the chapter's item."""
    import weasyprint

    chapters = []
    for number in range(1, ITEMS + 1):
        pages = number * PAGES // ITEMS - (number - 1) * PAGES // ITEMS
        filler = f'<p class="page">{NARRATIVE * 3}</p>' * (pages - 1)
        chapters.append(
            f"<section><h2>Chapter {number}</h2>{filler}<p>{NARRATIVE}</p>{item_html(number)}"
            "</section>"
        )
    style = (
        "<style>@page { size: A4; margin: 2cm } p.page { break-after: page }"
        " section { break-before: page }</style>"
    )
    html = f"<html><head>{style}</head><body>{''.join(chapters)}</body></html>"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())


def read_as_the_worker(pdf: Path) -> int:
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from imports.models import ImportJob
    from imports.services import run_import_job
    from inspections.services import report_create

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("bench", password=None)
    report = report_create(
        by=user,
        title="A 200-page benchmark report",
        report_type="peel",
        scope="this_force",
        published_on=datetime.date(2025, 3, 4),
    )
    job = ImportJob(report=report, requested_by=user, source="file", upload_name=pdf.name)
    job.upload.save("bench.pdf", ContentFile(pdf.read_bytes()))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start, cpu = time.perf_counter(), time.process_time()
    run_import_job(job.pk)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    job.refresh_from_db()
    found = len(job.proposals)
    kinds = sorted({proposal["kind"] for proposal in job.proposals})
    print(f"state: {job.state}; items found: {found} of {ITEMS} ({', '.join(kinds)})")
    print(f"read in {seconds:.2f} s (CPU {cpu_seconds:.2f} s); target at most 10 s")
    raised = after - before
    print(f"peak memory: {after:.0f} MB max RSS (the read raised it by {raised:.0f} MB)")
    return found


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        pdf = Path(tmp) / "report.pdf"
        subprocess.run([sys.executable, __file__, "--make-pdf", str(pdf)], check=True)
        from pypdf import PdfReader

        print(f"PDF: {len(PdfReader(pdf).pages)} pages, {pdf.stat().st_size // 1024} KiB")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ["DJANGO_MEDIA_ROOT"] = f"{tmp}/media"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccresponse.settings.local")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        found = read_as_the_worker(pdf)
    return 0 if found == ITEMS else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make-pdf"]:
        import logging

        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        make_pdf(Path(sys.argv[2]))
        raise SystemExit(0)
    raise SystemExit(main())
