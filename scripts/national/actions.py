"""The force's actions, each taken through the steps the services allow, leaving the rows they
leave: history records, target-date changes, progress updates, evidence and the sign-off trail."""

import datetime

from inspections.choices import ActionStatus, Addressee, SignOffDecision
from inspections.models import Action, Evidence, ProgressUpdate, SignOffEvent, TargetDateChange

from .clock import Clock
from .people import DEPARTMENTS, People
from .tables import Table

DAY = datetime.timedelta(days=1)
MOVE_REASONS = (
    "Waiting for the national guidance this depends on.",
    "Training could not be scheduled before the new date.",
    "The new IT system's delivery date moved.",
    "Resources moved to a critical incident.",
)
#: Share of actions closed by the age of the report in years (older reports are mostly done).
CLOSED_BY_AGE = ((0.25, 0.03), (1, 0.2), (2, 0.45), (4, 0.75), (99, 0.92))


class Actions:
    def __init__(self, clock: Clock, people: People):
        self.clock = clock
        self.people = people
        self.actions = Table(Action)
        self.history = Table(Action.history.model)
        self.changes = Table(TargetDateChange)
        self.updates = Table(ProgressUpdate)
        self.evidence = Table(Evidence)
        self.sign_off = Table(SignOffEvent)
        self.updates_per_action = 3.0

    def tables(self) -> list[Table]:
        return [
            self.actions,
            self.history,
            self.changes,
            self.updates,
            self.evidence,
            self.sign_off,
        ]

    def make(self, items: list, *, total: int, updates: int) -> None:
        rng = self.clock.rng
        mean = total / max(1, len(items))
        self.updates_per_action = updates / max(1, total)
        for item in items:
            age = (self.clock.today - item.report.published_on).days
            high = max(1, round(2 * mean) - 1)
            count = rng.randint(1, high) if age > 60 else rng.randint(0, max(1, round(mean)))
            for _ in range(count):
                _Life(self, item).run()


class _Life:
    """One action from creation to wherever it is today."""

    def __init__(self, owner: Actions, item):
        self.t = owner
        self.clock = owner.clock
        self.item = item
        rng = self.clock.rng
        self.dcc = owner.people.dcc
        self.user = rng.choice(owner.people.force)
        self.department = rng.choice(DEPARTMENTS) if rng.random() < 0.3 else ""
        self.at = self.clock.between(item.created_at + 7 * DAY, item.created_at + 90 * DAY)
        self.lock = 0
        self.fields = {
            "item_id": item.pk,
            "description": f"{rng.choice(DEPARTMENTS)} to review and change practice "
            f"({item.reference}).",
            "owner_name": "",
            "owner_user_id": None,
            "target_date": None,
            "status": ActionStatus.AWAITING_ALLOCATION,
            "closed_at": None,
            "closed_by_id": None,
            "created_at": self.at,
        }

    def run(self) -> None:
        if self.at >= self.clock.now:
            return
        self.pk = len(self.t.actions.rows) + 1
        rng = self.clock.rng
        if rng.random() < 0.8:
            self._allocate()
            self._first_target()
            self._save("+", self.user)
        else:
            self._save("+", self.user)
            later = self.clock.between(self.at + 3 * DAY, self.at + 30 * DAY)
            if later < self.clock.now:
                self.at = later
                self._allocate()
                self._save("~", self.user)
                self._change_target(None, "Set when the action was allocated.")
        if self.fields["status"] == ActionStatus.IN_PROGRESS:
            self._moves()
            self._fate()
        self._updates()
        pk = self.t.actions.add(**self.fields, lock_version=self.lock, updated_at=self.at)
        assert pk == self.pk

    def _allocate(self) -> None:
        self.fields["status"] = ActionStatus.IN_PROGRESS
        if self.department:
            self.fields["owner_name"] = self.department
        else:
            self.fields["owner_user_id"] = self.user.pk

    def _save(self, kind: str, by) -> None:
        self.lock += 1
        self.t.history.add(
            id=self.pk,
            **self.fields,
            lock_version=self.lock,
            history_date=self.at,
            history_change_reason=None,
            history_type=kind,
            history_user_id=by.pk,
        )

    def _first_target(self) -> None:
        """action_create saves the action with its date, then records the date's first setting."""
        target = self.clock.days_after(self.at.date(), 60, 540)
        self.fields["target_date"] = target
        self.t.changes.add(
            action_id=self.pk,
            old_date=None,
            new_date=target,
            reason="Set when the action was created.",
            changed_by_id=self.user.pk,
            changed_at=self.at,
        )

    def _change_target(self, new_date, reason: str) -> None:
        old = self.fields["target_date"]
        new_date = new_date or self.clock.days_after(self.at.date(), 60, 540)
        self.fields["target_date"] = new_date
        self._save("~", self.user)
        self.t.changes.add(
            action_id=self.pk,
            old_date=old,
            new_date=new_date,
            reason=reason,
            changed_by_id=self.user.pk,
            changed_at=self.at,
        )

    def _moves(self) -> None:
        rng = self.clock.rng
        moves = rng.choices((0, 1, 2, 3), weights=(75, 15, 7, 3))[0]
        for _ in range(moves):
            target = self.fields["target_date"]
            when = self.clock.between(self.at + DAY, self.clock.at(target))
            if when >= self.clock.now:
                return
            self.at = when
            self._change_target(target + rng.randint(30, 180) * DAY, rng.choice(MOVE_REASONS))

    def _fate(self) -> None:
        rng = self.clock.rng
        years = (self.clock.today - self.item.report.published_on).days / 365
        closed_share = next(share for limit, share in CLOSED_BY_AGE if years < limit)
        roll = rng.random()
        if roll < closed_share:
            self._close()
        elif roll < closed_share + 0.04:
            self._set_status(ActionStatus.SUPERSEDED)
        elif roll < closed_share + 0.08 and self.item.addressee == Addressee.ALL_CHIEF_CONSTABLES:
            self._set_status(ActionStatus.NATIONAL_DEPENDENCY)
        elif roll < closed_share + 0.14:
            self._submit(self.clock.between(self.clock.now - 45 * DAY, self.clock.now))

    def _set_status(self, status: str) -> None:
        when = self.clock.between(self.at + 14 * DAY, self.at + 400 * DAY)
        if when < self.clock.now:
            self.at = when
            self.fields["status"] = status
            self._save("~", self.user)

    def _close(self) -> None:
        rng = self.clock.rng
        target = self.fields["target_date"]
        close_at = max(self.clock.at(target + rng.randint(-90, 30) * DAY), self.at + 21 * DAY)
        if close_at >= self.clock.now:
            return  # not done yet: still in progress (overdue once its date passes)
        submit_at = close_at - rng.randint(3, 20) * DAY
        if rng.random() < 0.1 and submit_at - 20 * DAY > self.at + 2 * DAY:
            self._submit(submit_at - 20 * DAY)
            self.at = self.clock.between(self.at + DAY, submit_at - DAY)
            self.fields["status"] = ActionStatus.IN_PROGRESS
            self._save("~", self.dcc)
            note = "The evidence does not show the change is in place."
            self._event(SignOffDecision.RETURNED, self.dcc, note)
        self._submit(submit_at)
        self.at = max(close_at, self.at + DAY)
        if self.fields["status"] != ActionStatus.PENDING_SIGN_OFF or self.at >= self.clock.now:
            return  # still waiting for the DCC
        self.fields.update(status=ActionStatus.CLOSED, closed_at=self.at, closed_by_id=self.dcc.pk)
        self._save("~", self.dcc)
        self._event(SignOffDecision.CLOSED, self.dcc, "")

    def _submit(self, when) -> None:
        when = max(when, self.at + DAY)
        if when >= self.clock.now:
            return
        self._add_evidence(self.clock.between(self.at, when))
        self.at = when
        self.fields["status"] = ActionStatus.PENDING_SIGN_OFF
        self._save("~", self.user)
        self._event(SignOffDecision.SUBMITTED, self.user, "")

    def _event(self, decision: str, by, note: str) -> None:
        self.t.sign_off.add(
            action_id=self.pk, decision=decision, by_id=by.pk, at=self.at, note=note
        )

    def _add_evidence(self, when) -> None:
        n = len(self.t.evidence.rows)
        self.t.evidence.add(
            action_id=self.pk,
            token=f"{n:032x}",
            file="",
            original_name="",
            content_type="",
            size=None,
            link=f"https://intranet.example.police.uk/evidence/{n}",
            description="Minutes of the board that approved the new practice.",
            added_by_id=self.user.pk,
            added_at=when,
        )

    def _updates(self) -> None:
        rng = self.clock.rng
        end = self.fields["closed_at"] or self.clock.now
        if self.fields["status"] == ActionStatus.SUPERSEDED:
            end = self.at
        start = self.fields["created_at"]
        for _ in range(rng.randint(0, round(2 * self.t.updates_per_action))):
            self.t.updates.add(
                action_id=self.pk,
                author_id=rng.choice((self.user, *self.t.people.force[:5])).pk,
                written_at=self.clock.between(start, end - datetime.timedelta(minutes=1)),
                text="Progress this month: the working group met and agreed the next steps.",
            )
