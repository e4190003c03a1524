"""Benchmark: the letter with a 100-recommendation annex rendered to PDF several times.

Builds the response in a throwaway SQLite database (removed afterwards), renders it once to warm
up, then RUNS times, and prints the median and the worst time and the process's peak memory
(resident set size, from getrusage). It also prints the median CPU time of the process, which
other work on a shared machine disturbs far less than the wall-clock time. Run with
`make bench-pdf`; RUNS=n to change the count.
"""

import datetime
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECOMMENDATIONS = 100


def build_response():
    from django.contrib.auth import get_user_model

    from inspections.choices import Addressee, ItemKind, ReportType, Scope
    from inspections.models import Item
    from inspections.services import report_create
    from responses.choices import Explanation
    from responses.models import AnnexEntry, Office, Response, Signatory
    from responses.services import response_sync_annex

    user = get_user_model().objects.create_user("bench", password=None)
    Office.objects.create(
        name="Office of the Police and Crime Commissioner for Nottinghamshire",
        address="Arnot Hill House\nArnot Hill Park\nArnold\nNottingham\nNG5 6LU",
        force_name="Nottinghamshire Police",
    )
    Signatory.objects.create(name="Paddy Tipping", valid_from=datetime.date(2012, 11, 22))
    report = report_create(
        by=user,
        title="A benchmark report with a hundred recommendations",
        report_type=ReportType.NATIONAL,
        scope=Scope.ALL_FORCES,
        published_on=datetime.date(2020, 2, 27),
        hmicfrs_url="https://www.justiceinspectorates.gov.uk/hmicfrs/",
    )
    addressees = [Addressee.ALL_CHIEF_CONSTABLES, Addressee.HOME_OFFICE, Addressee.THIS_FORCE]
    Item.objects.bulk_create(
        Item(
            report=report,
            kind=ItemKind.RECOMMENDATION,
            reference=f"{number // 10 + 1}.{number % 10 + 1}",
            position=number + 1,
            addressee=addressees[number % 3],
            action_required=addressees[number % 3] != Addressee.HOME_OFFICE,
            text=(
                f"Recommendation {number + 1}: by the end of the year, chief constables should "
                "review how their forces identify and protect vulnerable children, working with "
                "local authorities, health and education partners, and report on progress."
            ),
        )
        for number in range(RECOMMENDATIONS)
    )
    response = Response.objects.get(report=report)
    response_sync_annex(response=response)
    paragraph = (
        "The force has reviewed its approach with partners and will report progress to the "
        "Commissioner's Joint Audit and Scrutiny Panel each quarter, with **named owners** and "
        "measures agreed with the local safeguarding partnership."
    )
    AnnexEntry.objects.filter(response=response).update(
        included=True,
        explanation=Explanation.ACTION_PROPOSED,
        text=f"{paragraph}\n\n- A first step.\n- A second step.",
        owner="Public Protection",
        target_date=datetime.date(2020, 12, 31),
    )
    Response.objects.filter(pk=response.pk).update(
        letter_date=datetime.date(2020, 4, 20),
        subject="Response to HMICFRS - a benchmark report with a hundred recommendations",
        opening=paragraph,
        pcc_comments="\n\n".join([paragraph] * 4),
        cc_comments="\n\n".join([paragraph] * 3),
        pcc_comments_on_cc="\n\n".join([paragraph] * 2),
        monitoring=paragraph,
    )
    return Response.objects.get(pk=response.pk)


def main() -> int:
    runs = int(os.environ.get("RUNS", "7"))
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccresponse.settings.local")
        sys.path.insert(0, str(ROOT))
        import logging

        import django

        django.setup()
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        from django.core.management import call_command

        from responses.pdf import render_response_pdf

        call_command("migrate", verbosity=0)
        response = build_response()
        render_response_pdf(response=response, draft=False)  # warm-up
        times, cpu_times = [], []
        for _ in range(runs):
            start, cpu_start = time.perf_counter(), time.process_time()
            pdf = render_response_pdf(response=response, draft=False)
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"PDF of a letter with {RECOMMENDATIONS} recommendations: {len(pdf) // 1024} KiB")
    print(f"runs: {runs}; times (s): {', '.join(f'{t:.3f}' for t in times)}")
    print(f"median: {statistics.median(times):.3f} s; worst: {max(times):.3f} s")
    print(f"CPU time: median {statistics.median(cpu_times):.3f} s; best {min(cpu_times):.3f} s")
    print(f"peak memory (max RSS of the process): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
