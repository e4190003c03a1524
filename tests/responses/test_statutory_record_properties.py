"""Issue 11, as properties: whatever the order of events (workflow steps by random roles,
composer saves, item edits, kind changes, new, withdrawn and restored items, date changes, the
days passing), after
every step
- no response in a published state has a latest published version that leaves out any current
  recommendation;
- every published version publishes exactly what the PCC approved (the approval's letter, by
  its hash);
- no response shows "on time" unless its first publication lies within the 56 days and on or
  after the report's publication, and none shows "late" unless it lies after them.
Hypothesis drives the sequences (200 in the normal suite, PROPERTY_EXAMPLES to change it); each
starts somewhere on the workflow's path and runs in a savepoint of its own.
"""

import datetime
import os

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from accounts.roles import Role
from inspections import services as inspections
from inspections.choices import Addressee, ItemKind
from inspections.models import Item, Report
from responses import services
from responses.choices import PUBLISHED_STATES, Explanation
from responses.choices import ResponseStatus as S
from responses.models import Response, Signatory
from responses.publication import sha256
from responses.templatetags.responses_tags import deadline_state
from tests.clock import on_the_day
from tests.factories import UserFactory

D = datetime.date
START = D(2026, 1, 5)
ROLES = ["opcc", "pcc", "force", "dcc", "jasp"]
TEXTS = ["", "\u200b", "&#8203;", "The force has done this.", "**Action** will follow."]
KINDS = [ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT, ItemKind.INNOVATIVE_PRACTICE]

REFUSED = (ValidationError, PermissionDenied)
#: The diligent path through the workflow, one step at a time, by the role whose step it is.
STAGES = [S.NOT_STARTED, S.CC_INVITED, S.CC_RECEIVED, S.DRAFTING, S.SUBMITTED, S.APPROVED]
#: How many sequences reached each kind of state, so the test shows it explored them.
SEEN: dict[str, int] = {}


class StatutoryRecord(RuleBasedStateMachine):
    def __init__(self, people):
        super().__init__()
        self.people = people
        self.today = START
        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()
        with on_the_day(self.today):
            self.report = inspections.report_create(
                by=people["opcc"],
                title="Property report",
                report_type="peel",
                scope="this_force",
                published_on=START,
            )
        self.added = 0
        for kind in (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT):
            self._add_item(kind)

    def teardown(self):
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)

    # --- helpers ---------------------------------------------------------------------------

    def _attempt(self, step) -> None:
        """Take a step as it would be taken on self.today; a refusal changes nothing."""
        with on_the_day(self.today):
            try:
                with transaction.atomic():
                    step()
            except REFUSED:
                pass

    @property
    def response(self) -> Response:
        return Response.objects.select_related("report").get(report=self.report)

    def _moved(self, name, who, **extra):
        response = self.response
        return getattr(services, name)(
            response=response, by=self.people[who], expected_version=response.lock_version, **extra
        )

    def _add_item(self, kind):
        self.added += 1
        inspections.item_create(
            report=Report.objects.get(pk=self.report.pk),
            by=self.people["opcc"],
            kind=kind,
            reference=f"{self.added}",
            addressee=Addressee.THIS_FORCE,
            text=f"The force should do thing {self.added}.",
        )

    def _item(self, index) -> Item | None:
        items = list(Item.objects.filter(report=self.report).order_by("pk"))
        return items[index % len(items)] if items else None

    def _complete_draft(self):
        response = self.response
        annex = {
            entry.pk: {
                "included": True,
                "explanation": Explanation.ACTION_TAKEN,
                "text": "The force has done this.",
            }
            for entry in response.annex.all()
        }
        letter = {
            "letter_date": self.today,
            "pcc_comments": "I welcome the report.",
            "pcc_comments_on_cc": "I agree with the Chief Constable.",
        }
        self._moved("response_save_draft", "opcc", letter=letter, annex=annex)

    def _next_step(self):
        """The step a diligent office (and force, and PCC) takes next from where it stands."""
        status = self.response.status
        due = self.today + datetime.timedelta(days=28)
        steps = {
            S.NOT_STARTED: lambda: self._moved(
                "response_invite_chief_constable", "opcc", invited_on=self.today, cc_due_on=due
            ),
            S.CC_INVITED: lambda: self._moved(
                "response_record_cc_comments",
                "force",
                received_on=self.today,
                comments="The force welcomes it.",
            ),
            S.CC_RECEIVED: self._complete_draft,
            S.DRAFTING: lambda: (
                self._complete_draft(),
                self._moved("response_submit_for_approval", "opcc"),
            ),
            S.SUBMITTED: lambda: self._moved("response_approve", "pcc"),
            S.APPROVED: lambda: self._moved("response_publish", "opcc", on=self.today),
        }
        if status in steps:
            steps[status]()

    def _seen(self, what: str) -> None:
        if what not in self._noted:
            self._noted.add(what)
            SEEN[what] = SEEN.get(what, 0) + 1

    # --- rules -----------------------------------------------------------------------------

    # Published and approved starts count double: what happens after approval matters most.
    @initialize(
        stage=st.sampled_from([*STAGES, S.APPROVED, S.PUBLISHED, S.PUBLISHED]),
        days=st.integers(0, 50),
    )
    def start_somewhere(self, stage, days):
        """Start the sequence anywhere on the path, reached in `days` days."""
        self._noted = set()
        self.today += datetime.timedelta(days=days)
        for _step in range(len(STAGES)):
            if self.response.status == stage:
                break
            self._attempt(self._next_step)
        assert self.response.status == stage

    @rule()
    def the_next_step(self):
        self._attempt(self._next_step)

    @rule(days=st.integers(0, 30))
    def days_pass(self, days):
        self.today += datetime.timedelta(days=days)

    @rule(who=st.sampled_from(ROLES), due_in=st.integers(0, 40), reason=st.booleans())
    def invite(self, who, due_in, reason):
        due = self.today + datetime.timedelta(days=due_in)
        extra = {"short_notice_reason": "Agreed with the force." if reason else ""}
        self._attempt(
            lambda: self._moved(
                "response_invite_chief_constable",
                who,
                invited_on=self.today,
                cc_due_on=due,
                **extra,
            )
        )

    @rule(who=st.sampled_from(ROLES), words=st.sampled_from(TEXTS))
    def chief_constable_comments(self, who, words):
        self._attempt(
            lambda: self._moved(
                "response_record_cc_comments",
                who,
                received_on=self.today,
                comments=words,
                no_comments_reason="" if words.strip() else "None made.",
            )
        )

    @rule(who=st.sampled_from(ROLES))
    def no_comments_came(self, who):
        self._attempt(
            lambda: self._moved(
                "response_record_no_cc_comments", who, reason="None came.", today=self.today
            )
        )

    @rule(
        who=st.sampled_from(ROLES),
        words=st.sampled_from(TEXTS),
        include=st.booleans(),
        explanation=st.sampled_from(["", Explanation.ACTION_TAKEN, Explanation.NO_ACTION]),
    )
    def compose(self, who, words, include, explanation):
        response = self.response
        annex = {
            entry.pk: {"included": include, "explanation": explanation, "text": words}
            for entry in response.annex.all()
        }
        letter = {
            "letter_date": self.today,
            "pcc_comments": words,
            "pcc_comments_on_cc": words,
        }
        self._attempt(lambda: self._moved("response_save_draft", who, letter=letter, annex=annex))

    @rule(who=st.sampled_from(ROLES))
    def submit(self, who):
        self._attempt(lambda: self._moved("response_submit_for_approval", who))

    @rule(who=st.sampled_from(ROLES))
    def approve(self, who):
        self._attempt(lambda: self._moved("response_approve", who))

    @rule(who=st.sampled_from(ROLES))
    def return_it(self, who):
        self._attempt(lambda: self._moved("response_return", who, comments="Say more."))

    @rule(who=st.sampled_from(ROLES), days_ago=st.integers(-1, 60), reason=st.booleans())
    def publish(self, who, days_ago, reason):
        on = self.today - datetime.timedelta(days=days_ago)
        late = "Recorded from the minutes." if reason else ""
        self._attempt(lambda: self._moved("response_publish", who, on=on, late_reason=late))

    @rule(who=st.sampled_from(ROLES))
    def reopen(self, who):
        self._attempt(lambda: self._moved("response_reopen_for_correction", who, reason="Typo."))

    @rule(who=st.sampled_from(ROLES), index=st.integers(0, 9), words=st.sampled_from(TEXTS))
    def edit_item_text(self, who, index, words):
        item = self._item(index)
        if item is None:
            return
        self._attempt(
            lambda: inspections.item_update(
                item=item,
                by=self.people[who],
                expected_version=item.lock_version,
                text=words or "Reworded.",
            )
        )

    @rule(index=st.integers(0, 9), kind=st.sampled_from(KINDS))
    def change_kind(self, index, kind):
        item = self._item(index)
        if item is None:
            return
        self._attempt(
            lambda: inspections.item_update(
                item=item, by=self.people["opcc"], expected_version=item.lock_version, kind=kind
            )
        )

    @rule(who=st.sampled_from(ROLES), index=st.integers(0, 9))
    def withdraw_item(self, who, index):
        item = self._item(index)
        if item is not None:
            self._attempt(
                lambda: inspections.item_withdraw(
                    item=item, by=self.people[who], reason="Recorded by mistake."
                )
            )

    @rule(index=st.integers(0, 9))
    def restore_item(self, index):
        withdrawn = Item.all_objects.filter(report=self.report, withdrawn_at__isnull=False)
        items = list(withdrawn.order_by("pk"))
        if items:
            item = items[index % len(items)]
            self._attempt(
                lambda: inspections.item_restore(
                    item=item, by=self.people["opcc"], reason="Rightly recorded after all."
                )
            )

    @rule(kind=st.sampled_from(KINDS))
    def add_item(self, kind):
        self._attempt(lambda: self._add_item(kind))

    @rule(shift=st.integers(-10, 10))
    def move_report_date(self, shift):
        report = Report.objects.get(pk=self.report.pk)
        new = report.published_on + datetime.timedelta(days=shift)
        self._attempt(
            lambda: inspections.report_update(
                report=report,
                by=self.people["opcc"],
                expected_version=report.lock_version,
                published_on=new,
            )
        )

    # --- what must always hold -------------------------------------------------------------

    @invariant()
    def the_statutory_record_holds(self):
        response = self.response
        self._seen(response.status)
        if response.returned_comments.startswith("Sent back"):
            self._seen("sent back after a change")
        versions = list(response.published_versions.select_related("approval", "content"))
        every_published_version_is_what_was_approved(versions)
        if response.status in PUBLISHED_STATES:
            latest = max(versions, key=lambda version: version.number)
            every_current_recommendation_is_in(latest, self.report)
        on_time_and_late_are_honest(response, self.today)
        if response.status == S.APPROVED:
            assert response.approval is not None
            assert response.approval.approved_by == self.people["pcc"]


def every_published_version_is_what_was_approved(versions) -> None:
    for version in versions:
        approval = version.approval
        assert approval.letter_sha256 == sha256(approval.letter_html.encode())
        assert approval.letter_html in version.html


def every_current_recommendation_is_in(version, report) -> None:
    published = {e["item"]: e for e in version.content.content["annex"]}
    for item in Item.objects.filter(report=report, kind=ItemKind.RECOMMENDATION):
        entry = published.get(item.reference)
        assert entry and entry["included"] and entry["kind"] == "Recommendation", item
        assert f"Recommendation {item.reference}</h3>" in version.html


def on_time_and_late_are_honest(response, today) -> None:
    kind = deadline_state(response, today)["kind"]
    report_published = response.report.published_on
    if kind == "on-time":
        assert report_published <= response.published_on <= response.due_on
    if kind == "late":
        assert response.published_on > response.due_on
    if response.published_on:
        assert response.published_on >= report_published


@pytest.fixture
def people(db):
    Signatory.objects.create(name="A Commissioner", valid_from=D(2024, 5, 9))
    return {
        "opcc": UserFactory(username="p-opcc", role=Role.OPCC_STAFF),
        "pcc": UserFactory(username="p-pcc", role=Role.PCC),
        "force": UserFactory(username="p-force", role=Role.FORCE_STAFF),
        "dcc": UserFactory(username="p-dcc", role=Role.DCC),
        "jasp": UserFactory(username="p-jasp", role=Role.JASP),
    }


def test_the_statutory_record_holds_whatever_the_order_of_events(people):
    SEEN.clear()
    run_state_machine_as_test(
        lambda: StatutoryRecord(people),
        settings=settings(
            max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "200")),
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
    # The sequences explored what matters: published responses, and ones sent back.
    print("sequences reaching each state:", SEEN)
    examples = int(os.environ.get("PROPERTY_EXAMPLES", "200"))
    assert SEEN.get(S.PUBLISHED, 0) >= examples // 5
    assert SEEN.get("sent back after a change", 0) >= examples // 20
