"""Each report's section 55 response, taken as far through the workflow as its age allows: the
saved versions (one per save, as the services record them), the annex, and for the published
ones the frozen version, its PDF (rendered once, stored per version), its render job and the
dispatch to HMICFRS and the Home Secretary."""

import datetime
import hashlib
from pathlib import Path

from django.conf import settings

from inspections.choices import ItemKind
from responses.choices import Explanation, ResponseStatus
from responses.deadlines import default_cc_due_on, statutory_deadline
from responses.letter_parts import LETTER_FIELDS
from responses.models import (
    HOME_SECRETARY_ADDRESS,
    AnnexEntry,
    Dispatch,
    PublishedVersion,
    RenderJob,
    Response,
    ResponseVersion,
)
from responses.services import _default_letter

from .clock import Clock
from .people import People
from .tables import Table

DAY = datetime.timedelta(days=1)
ANNEX_KINDS = (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)
S = ResponseStatus
#: The letter's parts that start empty (the subject, opening and monitoring have defaults).
LETTER_TEXTS = (
    "pcc_comments",
    "cc_comments",
    "cc_no_comments_reason",
    "pcc_comments_on_cc",
    "returned_comments",
)


class Responses:
    def __init__(self, clock: Clock, people: People, pdf: bytes):
        self.clock = clock
        self.people = people
        self.pdf = pdf
        self.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        self.responses = Table(Response)
        self.versions = Table(ResponseVersion)
        self.annex = Table(AnnexEntry)
        self.published = Table(PublishedVersion)
        self.jobs = Table(RenderJob)
        self.dispatches = Table(Dispatch)

    def tables(self) -> list[Table]:
        return [
            self.responses,
            self.versions,
            self.annex,
            self.published,
            self.jobs,
            self.dispatches,
        ]

    def make(self, reports: list) -> None:
        for report in reports:
            _Workflow(self, report).run()

    def publish_day(self, report) -> datetime.date | None:
        """On time for most, late for some, still pending for a few; None if not (yet) published."""
        rng = self.clock.rng
        due = statutory_deadline(report.published_on).last_day
        if due is None:
            day = self.clock.days_after(report.published_on, 40, 120)
        elif self.clock.today > due:
            roll = rng.random()
            if roll < 0.85:
                day = self.clock.days_after(report.published_on, 30, 55)
            elif roll < 0.95:
                day = self.clock.days_after(due, 1, 90)
            else:
                return None
        else:
            day = self.clock.days_after(report.published_on, 30, 55)
        return day if day < self.clock.today else None


class _Workflow:
    def __init__(self, owner: Responses, report):
        self.o = owner
        self.clock = owner.clock
        self.report = report
        rng = self.clock.rng
        self.opcc = rng.choice(owner.people.opcc)
        deadline = statutory_deadline(report.published_on)
        self.pk = len(owner.responses.rows) + 1
        self.lock = 0
        self.entries: list[dict] = []
        self.state = {
            "report_id": report.pk,
            "owner_id": None,
            "status": S.NOT_STARTED,
            "deadline_rule": deadline.rule,
            "due_on": deadline.last_day,
            "cc_invited_on": None,
            "cc_due_on": default_cc_due_on(report.published_on),
            "cc_received_on": None,
            "letter_date": None,
            "addressee": HOME_SECRETARY_ADDRESS,
            "copy_to": "HMICFRS",
            **dict.fromkeys(LETTER_TEXTS, ""),
            **_default_letter(report),
            "submitted_at": None,
            "approved_at": None,
            "approved_by_id": None,
            "published_on": None,
            "created_at": report.created_at,
        }

    def run(self) -> None:
        self.at = self.report.created_at
        self._version(None, "Opened when the report was recorded.")
        for item in self.report.items:
            if item.kind in ANNEX_KINDS:
                self.at = item.created_at
                self._add_entry(item)
                self._version(self.opcc, f"Annex entry added for {item.kind} {item.reference}.")
        publish = self.o.publish_day(self.report)
        for step in self._steps(publish):
            if not step():
                break
        for entry, item in zip(self.entries, self._annex_items(), strict=True):
            self.o.annex.add(response_id=self.pk, item_id=item.pk, **_annex_fields(entry))
        pk = self.o.responses.add(**self.state, lock_version=self.lock)
        assert pk == self.pk

    def _annex_items(self):
        return [item for item in self.report.items if item.kind in ANNEX_KINDS]

    def _steps(self, publish):
        pub = self.report.published_on
        rng = self.clock.rng
        received = self.clock.days_after(pub, 14, 26)
        if publish is None:
            # Still in hand: it stops somewhere along the way.
            stop = rng.randint(1, 6)
            publish = self.clock.days_after(received, 12, 40)
        else:
            stop = 8
        days = [
            self.clock.days_after(pub, 1, 3),
            self.clock.days_after(pub, 3, 6),
            received,
            max(received + DAY, publish - 8 * DAY),
            publish - 4 * DAY,
            publish - 2 * DAY,
            publish,
            publish + rng.randint(0, 1) * DAY,
        ]
        actions = [
            self._assign,
            self._invite,
            self._cc_comments,
            self._draft,
            self._submit,
            self._approve,
            self._publish,
            self._send,
        ]
        for n, (day, action) in enumerate(zip(days, actions, strict=True)):
            yield lambda day=day, action=action, n=n: n < stop and self._when(day) and action()

    def _when(self, day: datetime.date) -> bool:
        if day >= self.clock.today:
            return False
        self.at = max(self.at + datetime.timedelta(minutes=5), self.clock.at(day))
        return True

    def _version(self, by, note: str) -> int:
        self.lock += 1
        letter = {name: str(self.state[name] or "") for name, _ in LETTER_FIELDS}
        return self.o.versions.add(
            response_id=self.pk,
            number=self.lock,
            saved_by_id=by.pk if by else None,
            saved_at=self.at,
            note=note,
            content={"letter": letter, "annex": list(self.entries)},
        )

    def _add_entry(self, item) -> None:
        entry = {
            "item": item.reference,
            "kind": ItemKind(item.kind).label,
            "included": item.kind == ItemKind.RECOMMENDATION,
            "explanation": "",
            "text": "",
            "owner": "",
            "target_date": "",
        }
        if not item.action_required:
            entry["included"] = True
            entry["explanation"] = Explanation.OTHER_BODY.label
            entry["text"] = (
                f"This recommendation is addressed to the {item.addressee_label}. "
                "The force will act on any resulting guidance."
            )
        self.entries.append(entry)

    def _assign(self) -> bool:
        self.state["owner_id"] = self.opcc.pk
        self._version(self.opcc, "Owner assigned.")
        return True

    def _invite(self) -> bool:
        self.state.update(status=S.CC_INVITED, cc_invited_on=self.at.date())
        self._version(self.opcc, "Chief Constable invited.")
        return True

    def _cc_comments(self) -> bool:
        self.state.update(
            status=S.CC_RECEIVED,
            cc_received_on=self.at.date(),
            cc_comments="<p>I welcome the report and accept its recommendations.</p>",
        )
        self._version(self.clock.rng.choice(self.o.people.force), "Chief Constable's comments.")
        return True

    def _draft(self) -> bool:
        self.state.update(
            status=S.DRAFTING,
            pcc_comments="<p>I welcome this report and will hold the force to account.</p>",
            pcc_comments_on_cc="<p>I am reassured by the Chief Constable's response.</p>",
        )
        target = (self.report.published_on + 365 * DAY).isoformat()
        for entry in self.entries:
            if not entry["explanation"]:
                entry["explanation"] = Explanation.ACTION_PROPOSED.label
                entry["text"] = "The force has a plan to address this, overseen by the DCC."
                entry["owner"] = "Deputy Chief Constable"
                entry["target_date"] = target
        self._version(self.opcc, "")
        return True

    def _submit(self) -> bool:
        self.state.update(status=S.SUBMITTED, submitted_at=self.at)
        self._version(self.opcc, "Submitted for approval.")
        return True

    def _approve(self) -> bool:
        pcc = self.o.people.pcc
        self.state.update(
            status=S.APPROVED,
            approved_at=self.at,
            approved_by_id=pcc.pk,
            letter_date=self.at.date(),
        )
        self._version(pcc, "Approved by the PCC.")
        return True

    def _publish(self) -> bool:
        self.state.update(status=S.PUBLISHED, published_on=self.at.date())
        content = self._version(self.opcc, "Published.")
        self.version_pk = self._published_version(content)
        return True

    def _published_version(self, content: int) -> int:
        html = (
            f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>'
            f"{self.state['subject']}</title></head><body><main><h1>{self.state['subject']}</h1>"
            f"{self.state['pcc_comments']}</main></body></html>"
        )
        name = f"published/{self.pk}/response-{self.pk}-{self.o.pdf_sha256[:12]}.pdf"
        path = Path(settings.MEDIA_ROOT) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.o.pdf)
        version = self.o.published.add(
            response_id=self.pk,
            number=1,
            published_on=self.at.date(),
            published_at=self.at,
            published_by_id=self.opcc.pk,
            content_id=content,
            html=html,
            html_sha256=hashlib.sha256(html.encode()).hexdigest(),
            pdf=name,
            pdf_sha256=self.o.pdf_sha256,
            pdf_bytes=len(self.o.pdf),
        )
        self.o.jobs.add(
            response_id=self.pk,
            purpose=RenderJob.Purpose.PUBLICATION,
            version_id=version,
            state=RenderJob.State.DONE,
            progress=100,
            stage="Ready",
            source_html=html,
            pdf="",
            pages=2,
            error="",
            requested_by_id=self.opcc.pk,
            requested_at=self.at,
            started_at=self.at + datetime.timedelta(seconds=2),
            finished_at=self.at + datetime.timedelta(seconds=9),
        )
        return version

    def _send(self) -> bool:
        self.lock += 1  # response_send bumps the version with an UPDATE, recording no snapshot
        self.state["status"] = S.SENT
        self.o.dispatches.add(
            version_id=self.version_pk,
            sent_at=self.at,
            sent_by_id=self.opcc.pk,
            recipients=[f"{n} <{a}>" for n, a in settings.S55_RECIPIENTS.items()],
            message_id=f"<s55-{self.pk}-v1.{self.pk}@bench.example.org>",
        )
        return True


def _annex_fields(entry: dict) -> dict:
    labels = {label: value for value, label in Explanation.choices}
    return {
        "included": entry["included"],
        "explanation": labels.get(entry["explanation"], ""),
        "text": entry["text"],
        "owner": entry["owner"],
        "target_date": entry["target_date"] or None,
    }
