"""The inspections register: HMICFRS reports, their items, and the force's actions on them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.constraints import one_of
from core.fields import LineField
from core.models import Versioned
from core.people import display_name

from .choices import (
    FINISHED_STATUSES,
    FORCE_ADDRESSEES,
    ActionStatus,
    Addressee,
    Assurance,
    HmicfrsStatus,
    ItemKind,
    Rag,
    ReportType,
    Scope,
    SignOffDecision,
)
from .querysets import due_soon_window
from .withdrawal import (
    NOT_WITHDRAWN,
    ActionManager,
    EveryRowManager,
    ItemManager,
    ReportManager,
    Withdrawable,
    withdrawn_has_reason,
)

#: The response's subject is "Response to HMICFRS - <title>" in a field of 300 characters
#: (responses.Response.subject): the title is capped so that what is built from it fits.
TITLE_MAX_LENGTH = 300 - len("Response to HMICFRS - ")
#: HMICFRS's reports on this register are all from this century: an earlier date is a typing slip.
EARLIEST_PUBLICATION = datetime.date(2000, 1, 1)
#: Offices receive reports under embargo a few days before publication, never weeks.
MAX_DAYS_AHEAD = 14


def publication_date_problem(day: datetime.date | None) -> str | None:
    """A plausible publication date: this century, and at most two weeks ahead (embargo)."""
    if day is None:
        return None
    if day < EARLIEST_PUBLICATION:
        return f"Give a date on or after {EARLIEST_PUBLICATION:%-d %B %Y}: is the year right?"
    latest = timezone.localdate() + datetime.timedelta(days=MAX_DAYS_AHEAD)
    if day > latest:
        return (
            f"Give a date no later than {latest:%-d %B %Y}: a report arrives at most "
            f"{MAX_DAYS_AHEAD} days before HMICFRS publishes it."
        )
    return None


class Report(Versioned, Withdrawable):
    title = LineField(max_length=TITLE_MAX_LENGTH)
    report_type = LineField("type", max_length=32, choices=ReportType.choices)
    scope = LineField(max_length=32, choices=Scope.choices)
    published_on = models.DateField("publication date", db_index=True)
    hmicfrs_url = models.URLField("HMICFRS web address", max_length=500, blank=True)
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: Bumped on every edit; a save made against an older version is refused (see concurrency.py).
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ReportManager()  # the register: withdrawn reports left out
    all_objects = EveryRowManager()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            one_of("report", "report_type", ReportType),
            one_of("report", "scope", Scope),
            models.CheckConstraint(condition=~Q(title=""), name="report_title_not_blank"),
            models.UniqueConstraint(
                fields=["title", "published_on"],
                condition=NOT_WITHDRAWN,
                name="report_unique_title_per_publication_date",
                violation_error_message=(
                    "A report with this title and publication date already exists in the register."
                ),
            ),
            models.CheckConstraint(
                condition=Q(published_on__gte=EARLIEST_PUBLICATION),
                name="report_published_this_century",
            ),
            withdrawn_has_reason("report_withdrawn_has_reason"),
        ]

    def __str__(self):
        return f"{self.title} ({self.published_on:%-d %B %Y})"

    def clean(self):
        super().clean()
        problem = publication_date_problem(self.published_on)
        if problem:
            raise ValidationError({"published_on": problem})

    def get_absolute_url(self):
        return reverse("inspections:report_detail", args=[self.pk])


class Item(Versioned, Withdrawable):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="items")
    kind = LineField(max_length=32, choices=ItemKind.choices)
    reference = LineField(max_length=20, help_text='As printed, e.g. "3.3" or "AFI 2".')
    position = models.PositiveIntegerField(default=0, help_text="Printed order within the report.")
    text = models.TextField()
    addressee = LineField(max_length=32, choices=Addressee.choices)
    addressee_other = LineField("named body", max_length=200, blank=True)
    action_required = models.BooleanField("force action required")
    action_required_reason = models.TextField(
        "reason for overriding",
        blank=True,
        help_text="Needed when force action differs from what the addressee implies.",
    )
    hmicfrs_deadline = models.DateField("HMICFRS deadline", null=True, blank=True)
    cause_of_concern = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        limit_choices_to={"kind": ItemKind.CAUSE_OF_CONCERN},
    )
    hmicfrs_status = LineField(
        "HMICFRS status",
        max_length=32,
        choices=HmicfrsStatus.choices,
        default=HmicfrsStatus.AWAITING_REVIEW,
    )
    assurance = LineField(
        "office's assurance", max_length=32, choices=Assurance.choices, blank=True, default=""
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    #: The register: withdrawn items, and the items of withdrawn reports, left out.
    objects = ItemManager()
    all_objects = EveryRowManager()

    class Meta:
        ordering = ["report", "position", "pk"]
        constraints = [
            one_of("item", "kind", ItemKind),
            one_of("item", "addressee", Addressee),
            one_of("item", "hmicfrs_status", HmicfrsStatus),
            one_of("item", "assurance", Assurance, blank=True),
            models.UniqueConstraint(
                fields=["report", "kind", "reference"],
                condition=NOT_WITHDRAWN,
                name="item_unique_reference_per_kind",
                violation_error_message=(
                    "An item of this kind and number already exists in this report."
                ),
            ),
            withdrawn_has_reason("item_withdrawn_has_reason"),
            models.CheckConstraint(condition=~Q(reference=""), name="item_reference_not_blank"),
            models.CheckConstraint(condition=~Q(text=""), name="item_text_not_blank"),
            models.CheckConstraint(
                condition=~Q(addressee=Addressee.OTHER) | ~Q(addressee_other=""),
                name="item_other_addressee_named",
            ),
            # Force action follows from the addressee unless a reason for the override is recorded.
            models.CheckConstraint(
                condition=Q(action_required=True, addressee__in=FORCE_ADDRESSEES)
                | (Q(action_required=False) & ~Q(addressee__in=FORCE_ADDRESSEES))
                | ~Q(action_required_reason=""),
                name="item_action_override_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(cause_of_concern__isnull=True) | Q(kind=ItemKind.RECOMMENDATION),
                name="item_only_recommendations_under_cause_of_concern",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}"

    def get_absolute_url(self):
        return reverse("inspections:item_detail", args=[self.pk])

    @property
    def addressee_label(self) -> str:
        if self.addressee == Addressee.OTHER:
            return self.addressee_other
        return self.get_addressee_display()

    @property
    def action_required_by_default(self) -> bool:
        return self.addressee in FORCE_ADDRESSEES


class Action(Versioned):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner_name = LineField(
        "owner", max_length=200, blank=True, help_text="A named officer or a department."
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="owner's account",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        help_text="Whose 'my actions' list this appears on.",
    )
    target_date = models.DateField(null=True, blank=True, db_index=True)
    status = LineField(
        max_length=32, choices=ActionStatus.choices, default=ActionStatus.AWAITING_ALLOCATION
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ActionManager()  # the register: actions of withdrawn items or reports left out
    all_objects = EveryRowManager()

    class Meta:
        ordering = ["item", "pk"]
        constraints = [
            one_of("action", "status", ActionStatus),
            models.CheckConstraint(
                condition=~Q(description=""), name="action_description_not_blank"
            ),
            models.CheckConstraint(
                condition=Q(status=ActionStatus.AWAITING_ALLOCATION)
                | ~Q(owner_name="")
                | Q(owner_user__isnull=False),
                name="action_allocated_has_owner",
            ),
            models.CheckConstraint(
                condition=(Q(status=ActionStatus.CLOSED) & Q(closed_at__isnull=False))
                | (~Q(status=ActionStatus.CLOSED) & Q(closed_at__isnull=True)),
                name="action_closed_iff_closed_at",
            ),
        ]

    def __str__(self):
        return f"Action {self.pk} on {self.item}"

    def get_absolute_url(self):
        return f"{self.item.get_absolute_url()}#action-{self.pk}"

    @property
    def owner_label(self) -> str:
        if self.owner_name:
            return self.owner_name
        if self.owner_user:
            return display_name(self.owner_user)
        return ""

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    def rag(self, today: datetime.date | None = None) -> Rag:
        """Red/amber/green: a view of progress against the target date, never stored."""
        today = today or timezone.localdate()
        if self.is_finished:
            return Rag.DONE
        if self.target_date is None:
            return Rag.AMBER
        if self.target_date < today:
            return Rag.RED
        if self.target_date - today <= due_soon_window():
            return Rag.AMBER
        return Rag.GREEN


class TargetDateChange(models.Model):
    """Every change of an action's target date: who, when, from what, to what, and why."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="target_changes")
    old_date = models.DateField(null=True, blank=True)
    new_date = models.DateField(null=True, blank=True)
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="target_change_has_reason"),
        ]

    def __str__(self):
        return f"Target date of action {self.action_id}: {self.old_date} to {self.new_date}"


class ProgressUpdate(models.Model):
    """Append-only: there is no service, view or admin that edits or deletes one."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    text = models.TextField()

    class Meta:
        ordering = ["written_at", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="update_text_not_blank")]

    def __str__(self):
        return f"Update on action {self.action_id} at {self.written_at:%Y-%m-%d %H:%M}"


def evidence_upload_to(instance, filename):
    # The stored name is ours, not the uploader's: a random token keeps names unguessable and
    # free of path tricks; the original name is kept in a column for display only.
    return f"evidence/{instance.action_id}/{timezone.now():%Y%m%d}-{instance.token}"


class Evidence(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    token = LineField(max_length=32, unique=True)
    file = models.FileField(upload_to=evidence_upload_to, blank=True)
    original_name = LineField(max_length=255, blank=True)
    content_type = LineField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    link = models.URLField(max_length=500, blank=True)
    description = LineField(max_length=300)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(~Q(file="") & Q(link="")) | (Q(file="") & ~Q(link="")),
                name="evidence_is_file_or_link",
            ),
            models.CheckConstraint(condition=~Q(description=""), name="evidence_described"),
        ]

    def __str__(self):
        return self.description

    @property
    def is_file(self) -> bool:
        return bool(self.file)


class SignOffEvent(models.Model):
    """The sign-off trail: submissions by the force and the DCC's decisions."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="sign_off_events")
    decision = LineField(max_length=16, choices=SignOffDecision.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            one_of("sign_off", "decision", SignOffDecision),
            models.CheckConstraint(
                condition=~Q(decision=SignOffDecision.RETURNED) | ~Q(note=""),
                name="sign_off_return_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_decision_display()}: action {self.action_id}"
