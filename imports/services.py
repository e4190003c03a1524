"""Importing a report's items: start an import from pasted text (read at once) or a file (read
by the worker), and save the corrected preview through inspections.services.item_create, all
or nothing."""

import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core import jobs
from core.plaintext import single_line
from inspections import services as register
from inspections.choices import ItemKind
from inspections.evidence import check_size
from inspections.models import Item, Report

from .extract import TEXT, UnreadableSource, read_source, sniff
from .lines import Line, text_lines
from .matching import duplicates_of
from .models import ImportJob, Source
from .parser import parse

log = logging.getLogger(__name__)

#: How many of the lines read are kept to show when nothing was found.
LINES_SHOWN = 400
EMPTY_PASTE = "Paste the report's text, or choose a file to upload."


class NothingFound(ValidationError):
    """The text was read but held no items; `lines` is what was read, to show the user."""

    def __init__(self, lines: list[Line]):
        super().__init__("No items found; here is what was read.")
        self.lines = lines


def check_upload(upload: UploadedFile) -> str:
    """Like inspections.evidence.check_upload, for reports: the size, then the content."""
    check_size(upload, settings.IMPORT_MAX_BYTES)
    head = upload.read(8192)
    upload.seek(0)
    try:
        kind = sniff(head)
        if kind == TEXT:
            sniff(upload.read())  # the whole file must be text, not only its start
            upload.seek(0)
    except UnreadableSource as refusal:
        raise ValidationError({"upload": str(refusal)}) from None
    return kind


def _lines_json(lines: list[Line]) -> list:
    return [[line.number, line.text] for line in lines if line.text][:LINES_SHOWN]


def _proposals(lines: list[Line], report: Report) -> list[dict]:
    return [item.as_dict() for item in parse(lines, report.published_on)]


@transaction.atomic
def import_from_text(*, report: Report, text: str, by: User) -> ImportJob:
    """Pasted text is small (the request's size limit sees to it): read it now."""
    if not text.strip():
        raise ValidationError({"text": EMPTY_PASTE})
    lines = text_lines(text)
    proposals = _proposals(lines, report)
    if not proposals:
        raise NothingFound([line for line in lines if line.text][:LINES_SHOWN])
    now = timezone.now()
    return ImportJob.objects.create(
        report=report,
        requested_by=by,
        source=Source.PASTE,
        state=ImportJob.State.DONE,
        progress=100,
        stage="Read",
        started_at=now,
        finished_at=now,
        proposals=proposals,
        lines_read=_lines_json(lines),
    )


@transaction.atomic
def import_from_file(*, report: Report, upload: UploadedFile, by: User) -> ImportJob:
    """Keep the upload privately and hand it to the worker; its page shows the progress."""
    from .tasks import read_import

    check_upload(upload)
    job = ImportJob(
        report=report,
        requested_by=by,
        source=Source.FILE,
        upload_name=(upload.name or "upload")[:200],
        stage="Waiting for the reader",
    )
    job.upload.save(f"{timezone.now():%Y%m%d%H%M%S}-{report.pk}.bin", upload, save=False)
    job.save()
    jobs.hand_over(read_import, job.pk)
    return job


def run_import_job(job_id: int) -> None:
    """The worker's part: read the file, parse it, store the proposals (or why not)."""
    job = jobs.claim(ImportJob.objects.all(), job_id)
    if job is None:
        return
    try:
        jobs.report_progress(job, 10, "Reading the file")
        lines = read_source(job.upload.read(), progress=lambda done, total: _page(job, done, total))
        jobs.report_progress(job, 90, "Finding the items")
        proposals = _proposals(lines, job.report)
        jobs.finish_done(job, proposals=proposals, lines_read=_lines_json(lines))
    except UnreadableSource as refusal:
        _fail(job, "Could not be read", str(refusal))
    except SoftTimeLimitExceeded:
        _fail(job, "Took too long", "Reading the file took too long and was stopped.")
    except Exception:
        log.exception("import %s failed", job.pk)
        _fail(job, "Failed", "The file could not be read. The error is in the server's log.")
    finally:
        _discard_upload(job)


def _page(job: ImportJob, done: int, total: int) -> None:
    if done == total or done % 10 == 0:
        jobs.report_progress(job, 10 + 80 * done // total, f"Read page {done} of {total}")


def _fail(job: ImportJob, stage: str, error: str) -> None:
    jobs.finish(job, state=ImportJob.State.FAILED, stage=stage, error=error)


def _discard_upload(job: ImportJob) -> None:
    """Once read, the file is not needed: only the proposals are kept."""
    if job.upload:
        job.upload.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(upload="")


@transaction.atomic
def import_save(*, job: ImportJob, rows: list[dict], by: User) -> int:
    """Create every kept row as an item, in order, through item_create (history, annex,
    reminders); rows matching an item already on the report are skipped. Any refusal undoes
    the lot. Returns how many items were created."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.saved_at is not None:
        raise ValidationError("These items were saved already.")
    if job.state != ImportJob.State.DONE:
        raise ValidationError("This import has nothing to save.")
    report = job.report
    kept = [(number, row) for number, row in enumerate(rows) if not row.get("drop")]
    duplicates = duplicates_of(report, [row for _, row in kept])
    created: dict[int, Item] = {}
    base, count = report.items.count(), 0
    for position, (number, row) in enumerate(kept, start=1):
        if duplicates.get(position - 1):
            created[number] = duplicates[position - 1]
            continue
        created[number] = _create(report, row, number, created, base + position, by, job)
        count += 1
    ImportJob.objects.filter(pk=job.pk).update(saved_at=timezone.now(), created_count=count)
    return count


def _create(
    report: Report,
    row: dict,
    number: int,
    created: dict[int, Item],
    position: int,
    by: User,
    job: ImportJob,
) -> Item:
    parent = _parent(row, number, created, report)
    try:
        item = register.item_create(
            report=report,
            by=by,
            kind=row["kind"],
            reference=row["ref"],
            position=position,
            text=row["text"],
            addressee=row["addressee"],
            addressee_other=row.get("addressee_other") or "",
            hmicfrs_deadline=row.get("deadline"),
            cause_of_concern=parent,
        )
    except ValidationError as error:
        raise ValidationError(f"Row {number + 1}: {'; '.join(error.messages)}") from error
    _note_source(item, row, job)
    return item


def _parent(row: dict, number: int, created: dict[int, Item], report: Report) -> Item | None:
    parent = row.get("parent")
    if parent in (None, ""):
        return None
    if isinstance(parent, str) and parent.startswith("item:"):
        return report.items.filter(pk=int(parent[5:]), kind=ItemKind.CAUSE_OF_CONCERN).first()
    index = int(parent)
    if index not in created:
        raise ValidationError(
            f"Row {number + 1}: its cause of concern (row {index + 1}) must come before it and "
            "not be dropped."
        )
    return created[index]


def _note_source(item: Item, row: dict, job: ImportJob) -> None:
    """Say in the item's history where it came from, and the deadline's words."""
    where = job.upload_name or "pasted text"
    reason = f"Imported from {where}, line {row.get('line') or '?'}"
    if row.get("deadline_text"):
        reason += f'; deadline as printed: "{row["deadline_text"]}"'
    item.history.filter(history_type="+").update(history_change_reason=single_line(reason)[:100])
