"""The scan Celery beat runs every few minutes. Three short transactions, each safe to run in any
number of workers at once:

1. dispatch: claim the scheduled reminders now due (FOR UPDATE SKIP LOCKED), check each is still
   true of its subject, and write one Delivery per recipient (unique per reminder and person);
2. assemble: put waiting deliveries into the recipient's digest for the day (one daily digest
   per person per day; what is urgent after it went goes in one prompt);
3. pick the digests to send: new ones, and ones whose message or worker was lost (a broker
   restart, a killed worker) once their lease has run out.

It asks only indexed questions (scheduled and due by now; deliveries without a digest; open
digests by lease), so its cost follows what is due, not how many actions exist.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import make_msgid
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.site import mail_domain

from .choices import DigestKind, DigestState, ReminderKind, ReminderState
from .models import Delivery, Digest, Reminder
from .recipients import Recipients
from .schedule import Step, due_at, still_due
from .services import ladders_by_kind

BATCH = 1000
_OPEN = (DigestState.PENDING, DigestState.SENDING)
#: What dispatching reads: is it still due, and who gets it (a few hundred rows, kept lean).
_DISPATCH_FIELDS = (
    *("kind", "response", "action", "for_date", "deadline", "state"),
    *("response__status", "response__published_on", "response__due_on", "response__cc_due_on"),
    *("action__status", "action__target_date"),
    # Withdrawn subjects are not reminded of (reminders_refresh_* drops them; this re-checks).
    *("response__report", "response__report__withdrawn_at"),
    *("action__item", "action__item__withdrawn_at"),
    *("action__item__report", "action__item__report__withdrawn_at"),
    *(
        f"{person}__{f}"
        for person in ("response__owner", "action__owner_user")
        for f in ("is_active", "email")
    ),
)


@dataclass
class ScanResult:
    dispatched: int = 0
    cancelled: int = 0
    deliveries: int = 0
    to_send: list[int] = field(default_factory=list)


def reminders_scan(*, now: datetime.datetime | None = None) -> ScanResult:
    now = now or timezone.now()
    result = reminders_prepare(now=now)
    result.to_send = digests_to_send(now=now)
    return result


def reminders_prepare(*, now: datetime.datetime) -> ScanResult:
    """Steps 1 and 2 only: the digests are written but left for the next scan to hand over (the
    demo data loader uses this, with no worker listening yet)."""
    result = ScanResult()
    while dispatch_due(now=now, result=result):
        pass
    assemble_digests(now=now)
    return result


@transaction.atomic
def dispatch_due(*, now: datetime.datetime, result: ScanResult) -> bool:
    """One batch of due reminders to deliveries; True when there may be more."""
    due = list(
        Reminder.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(state=ReminderState.SCHEDULED, due_at__lte=now)
        .select_related("response__owner", "response__report", "action__owner_user")
        .select_related("action__item__report")
        .only(*_DISPATCH_FIELDS)
        .order_by("due_at", "pk")[:BATCH]
    )
    if not due:
        return False
    live = _latest_of_each(r for r in due if still_due(r))
    stale = [r.pk for r in due if r not in live]
    recipients = Recipients()
    deliveries = [
        Delivery(reminder=r, recipient_id=person, urgent=_urgent(r))
        for r in live
        for person in recipients.for_reminder(r)
    ]
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    Reminder.objects.filter(pk__in=[r.pk for r in live]).update(
        state=ReminderState.DISPATCHED, dispatched_at=now
    )
    Reminder.objects.filter(pk__in=stale).update(state=ReminderState.CANCELLED)
    _chain_repeats(live)
    result.dispatched += len(live)
    result.cancelled += len(stale)
    result.deliveries += len(deliveries)
    return len(due) == BATCH


def _latest_of_each(reminders) -> set:
    """Of several due steps of one subject and kind (the scan was down for days), only the latest
    is worth sending: "3 days left" makes "7 days left" wrong."""
    latest: dict[tuple, Reminder] = {}
    for reminder in reminders:
        key = (reminder.response_id, reminder.action_id, reminder.kind)
        if key not in latest or reminder.for_date > latest[key].for_date:
            latest[key] = reminder
    return set(latest.values())


def _urgent(reminder) -> bool:
    return reminder.kind == ReminderKind.ACTION_ESCALATION or reminder.for_date >= reminder.deadline


def _chain_repeats(sent) -> None:
    """An overdue step of a ladder that repeats (weekly until published) plans the next one."""
    overdue = [
        r for r in sent if r.for_date > r.deadline and r.kind != ReminderKind.ACTION_ESCALATION
    ]
    if not overdue:
        return
    ladders = ladders_by_kind()
    following = []
    for reminder in overdue:
        ladder = ladders.get(reminder.kind)
        if ladder is None or not ladder.active or not ladder.overdue_every_days:
            continue
        day = reminder.for_date + datetime.timedelta(days=ladder.overdue_every_days)
        step = Step(reminder.kind, day, day, reminder.deadline)
        following.append(
            Reminder(
                kind=step.kind,
                response_id=reminder.response_id,
                action_id=reminder.action_id,
                for_date=day,
                remind_on=day,
                due_at=due_at(day),
                deadline=step.deadline,
            )
        )
    Reminder.objects.bulk_create(following, ignore_conflicts=True)


@transaction.atomic
def assemble_digests(*, now: datetime.datetime) -> None:
    waiting = list(
        Delivery.objects.select_for_update(skip_locked=True)
        .filter(digest__isnull=True)
        .only("pk", "recipient_id", "urgent")
        .order_by("recipient_id", "pk")[: BATCH * 10]
    )
    if not waiting:
        return
    today = timezone.localdate(now)
    by_person = defaultdict(list)
    for delivery in waiting:
        by_person[delivery.recipient_id].append(delivery)
    daily = _open_digests(by_person, today, DigestKind.DAILY)
    urgent_late = {p for p, ds in by_person.items() if p not in daily and any(d.urgent for d in ds)}
    prompt = _open_digests(urgent_late, today, DigestKind.PROMPT)
    for person, deliveries in by_person.items():
        if person in daily:
            placed = deliveries
            digest: Digest | None = daily[person]
        else:  # the day's digest has gone: what is urgent goes in a prompt, the rest tomorrow
            placed = [d for d in deliveries if d.urgent]
            digest = prompt.get(person)
        if digest is not None and placed:
            Delivery.objects.filter(pk__in=[d.pk for d in placed]).update(digest=digest)


def _open_digests(people, day: datetime.date, kind: DigestKind) -> dict[int, Digest]:
    """Each person's digest of this kind for the day, written if missing, locked, and returned
    only while still waiting to be sent (a claimed digest takes nothing more)."""
    if not people:
        return {}
    existing = set(
        Digest.objects.filter(recipient_id__in=people, day=day, kind=kind).values_list(
            "recipient_id", flat=True
        )
    )
    Digest.objects.bulk_create(
        [
            Digest(recipient_id=person, day=day, kind=kind, message_id=new_message_id())
            for person in sorted(set(people) - existing)
        ],
        ignore_conflicts=True,
    )
    locked = Digest.objects.select_for_update().filter(recipient_id__in=people, day=day, kind=kind)
    return {d.recipient_id: d for d in locked.order_by("pk") if d.state == DigestState.PENDING}


def new_message_id() -> str:
    # Chosen before anything is sent and stored with the digest: a resend reuses it.
    return make_msgid(idstring="reminder", domain=mail_domain())


@transaction.atomic
def digests_to_send(*, now: datetime.datetime) -> list[int]:
    """Digests to hand to a worker: never handed over, or handed over a lease ago and still not
    sent (the message or the worker was lost)."""
    lease = datetime.timedelta(seconds=settings.REMINDERS_LEASE_SECONDS)
    not_lately = Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - lease)
    claimable = Q(state=DigestState.PENDING) | Q(state=DigestState.SENDING, lease_until__lt=now)
    ids = list(
        Digest.objects.select_for_update(skip_locked=True)
        .filter(state__in=_OPEN)
        .filter(claimable & not_lately)
        .order_by("pk")
        .values_list("pk", flat=True)[: BATCH * 10]
    )
    if ids:
        Digest.objects.filter(pk__in=ids).update(enqueued_at=now)
    return ids
