"""The demo's office, signatories and section 55 responses (responses.demo_data), for
`manage.py load_demo`, which calls this after it has loaded the reports.

Every change to a response goes through responses.services, acting as the demo user whose role
does it in practice: OPCC staff own, invite, draft, submit, publish and send; force staff record
the Chief Constable's comments; the PCC approves. Idempotent: the office is created only if
there is none, a signatory only if it is not there, and a response is driven only while it is
still not started, so running the command again (or after someone has worked on a demo
response) changes nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

from inspections.models import Report
from responses import services
from responses.choices import ResponseStatus
from responses.models import Office, Response, Signatory
from responses.publication import response_send
from responses.rendering import run_render_job

from .register_data import DEMO_REPORTS
from .response_data import (
    DEMO_RESPONSES,
    OFFICE_ADDRESS,
    OFFICE_FORCE_NAME,
    OFFICE_NAME,
    SIGNATORIES,
    DemoResponse,
)

LONDON = ZoneInfo("Europe/London")
FROM_THE_FILES = "Recorded from the office's files when the register was set up."


def load_demo_responses(users: dict) -> list[str]:
    """Load the office, its signatories and the demo responses; say what was done, a line each."""
    done = [*ensure_office(), *ensure_signatories()]
    for demo in DEMO_RESPONSES:
        done.append(load_response(demo, users))
    return [line for line in done if line]


def ensure_office() -> list[str]:
    if Office.objects.exists():
        return []  # one office per installation; an admin's edits are kept
    office = Office(name=OFFICE_NAME, address=OFFICE_ADDRESS, force_name=OFFICE_FORCE_NAME)
    office.full_clean()
    office.save()
    return [f"Loaded the office: {office.name}"]


def ensure_signatories() -> list[str]:
    done = []
    for demo in SIGNATORIES:
        if Signatory.objects.filter(name=demo.name, valid_from=demo.valid_from).exists():
            continue
        signatory = Signatory(
            name=demo.name, title=demo.title, valid_from=demo.valid_from, valid_to=demo.valid_to
        )
        try:
            signatory.full_clean()
        except ValidationError as error:
            # Someone else holds office then (entered by an admin): theirs is kept.
            done.append(f"Signatory not added: {signatory} ({' '.join(error.messages)})")
            continue
        signatory.save()
        done.append(f"Loaded the signatory: {signatory}")
    return done


def load_response(demo: DemoResponse, users: dict) -> str:
    report = Report.objects.filter(
        title=demo.report.title, published_on=demo.report.published_on
    ).first()
    if report is None:
        return ""
    response = report.response
    if response.status != ResponseStatus.NOT_STARTED:
        return f"Response under way, left as it is: {report.title}"

    opcc, force = users[demo.owner_username], users["force"]
    if response.owner_id is None:
        services.response_assign_owner(
            response=response, by=opcc, owner=opcc, expected_version=response.lock_version
        )
    services.response_invite_chief_constable(
        response=response,
        by=opcc,
        invited_on=demo.invited_on,
        cc_due_on=demo.cc_due_on,
        expected_version=response.lock_version,
    )
    services.response_record_cc_comments(
        response=response,
        by=force,
        received_on=demo.cc_received_on,
        comments=demo.cc_comments,
        expected_version=response.lock_version,
    )
    services.response_save_draft(
        response=response,
        by=opcc,
        expected_version=response.lock_version,
        letter={
            "letter_date": demo.letter_date,
            "pcc_comments": demo.pcc_comments,
            "pcc_comments_on_cc": demo.pcc_comments_on_cc,
            "monitoring": demo.monitoring,
        },
        annex=_annex_changes(response, demo),
    )
    if demo.until != ResponseStatus.DRAFTING:
        services.response_submit_for_approval(
            response=response, by=opcc, expected_version=response.lock_version
        )
    if demo.until == ResponseStatus.SENT:
        response = publish_and_send(response, demo, opcc=opcc, pcc=users["pcc"])
    return f"Loaded the response to {report.title}: {response.get_status_display()}"


def publish_and_send(response: Response, demo: DemoResponse, *, opcc, pcc) -> Response:
    """Approve, publish and send, rendering the PDF here: no worker runs while the demo loads.
    The email goes wherever the settings send mail (make run: files under var/mail/)."""
    # Taken from the office's files: approved the day before it was published, and recorded
    # late (as the page then says), since the register is set up long after.
    assert demo.published_on is not None, "only a published demo response is published"
    approved = datetime.datetime.combine(
        demo.published_on - datetime.timedelta(days=1), datetime.time(10), tzinfo=LONDON
    )
    services.response_approve(
        response=response, by=pcc, expected_version=response.lock_version, approved_at=approved
    )
    version = services.response_publish(
        response=response,
        by=opcc,
        expected_version=response.lock_version,
        on=demo.published_on,
        late_reason=FROM_THE_FILES,
    )
    for job in version.render_jobs.all():
        run_render_job(job.pk)
    response_send(response=response, by=opcc)
    return Response.objects.get(pk=response.pk)


def _annex_changes(response: Response, demo: DemoResponse) -> dict[int, dict]:
    """The composer's annex values, keyed by entry as response_save_draft takes them."""
    entries = {entry.item.reference: entry for entry in response.annex.select_related("item")}
    changes = {}
    for demo_entry in demo.annex:
        entry = entries.get(demo_entry.reference)
        if entry is None:
            raise ValueError(
                f"{demo.report.title}: no annex entry for item {demo_entry.reference}."
            )
        changes[entry.pk] = {
            "included": True,
            "explanation": demo_entry.explanation,
            "text": demo_entry.text,
            "owner": demo_entry.owner,
            "target_date": demo_entry.target_date,
        }
    return changes


def responses_summary() -> str:
    """One line per demo report's response: its status and statutory deadline."""
    lines = ["", "Section 55 responses:"]
    for demo in DEMO_REPORTS:
        response = (
            Response.objects.filter(
                report__title=demo.title, report__published_on=demo.published_on
            )
            .select_related("report")
            .first()
        )
        if response is None:
            continue
        due = f"due {response.due_on:%-d %B %Y}" if response.due_on else "no statutory deadline"
        lines.append(f"  {demo.title}: {response.get_status_display()}; {due}")
    return "\n".join(lines)
