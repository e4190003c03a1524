"""Section 55 responses: the statutory clock, the workflow, and the letter and annex."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from inspections.models import Item, Report

from .choices import PUBLISHED_STATES, Explanation, ResponseStatus
from .deadlines import DeadlineRule, days_left, statutory_deadline

HOME_SECRETARY_ADDRESS = "The Home Secretary\nHome Office\n2 Marsham Street\nLondon\nSW1P 4DF"


class Office(models.Model):
    """The office's own details for the letterhead; one row, edited by an admin."""

    name = models.CharField(max_length=200)
    address = models.TextField()
    logo = models.ImageField(upload_to="office/", blank=True)
    force_name = models.CharField(max_length=200, help_text="e.g. Nottinghamshire Police")

    class Meta:
        verbose_name = "office"

    def __str__(self):
        return self.name


class Signatory(models.Model):
    """Who signs for the local policing body, and when they held office."""

    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, default="Police and Crime Commissioner")
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True, help_text="Blank while in office.")

    class Meta:
        ordering = ["-valid_from"]
        verbose_name_plural = "signatories"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="signatory_period_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.title}"

    def clean(self):
        # Two people cannot hold the office on the same day: the letter's signatory must be
        # one person. (An exclusion constraint would need PostgreSQL; make run uses SQLite.)
        if self.valid_from is None:
            return  # the field's own "required" error says it
        ends = self.valid_to or datetime.date.max
        overlapping = (
            Signatory.objects.exclude(pk=self.pk)
            .filter(valid_from__lte=ends)
            .exclude(valid_to__lt=self.valid_from)
        )
        if overlapping.exists():
            raise ValidationError("This period overlaps another signatory's period of office.")


class ResponseQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date):
        return self.filter(due_on__lt=today).exclude(status__in=PUBLISHED_STATES)


class Response(models.Model):
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="response")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_responses",
    )
    status = models.CharField(
        max_length=16, choices=ResponseStatus.choices, default=ResponseStatus.NOT_STARTED
    )
    deadline_rule = models.CharField(max_length=16, choices=DeadlineRule.choices)
    #: Stored and indexed so that jobs ask the database what is due; always set by
    #: responses.deadlines.statutory_deadline through the services.
    due_on = models.DateField("statutory deadline", null=True, blank=True, db_index=True)

    cc_invited_on = models.DateField("Chief Constable invited on", null=True, blank=True)
    cc_due_on = models.DateField("Chief Constable's comments due", null=True, blank=True)
    cc_received_on = models.DateField("Chief Constable's comments received", null=True, blank=True)

    # The letter. Long text is Markdown, sanitised by responses.richtext when stored and shown.
    letter_date = models.DateField(null=True, blank=True)
    addressee = models.TextField(default=HOME_SECRETARY_ADDRESS)
    copy_to = models.CharField(max_length=200, default="HMICFRS")
    subject = models.CharField(max_length=300, blank=True)
    opening = models.TextField("opening paragraph", blank=True)
    pcc_comments = models.TextField("the PCC's comments", blank=True)
    cc_comments = models.TextField("the Chief Constable's comments", blank=True)
    cc_no_comments_reason = models.TextField(
        "why there are no Chief Constable's comments", blank=True
    )
    pcc_comments_on_cc = models.TextField(
        "the PCC's comments on the Chief Constable's comments", blank=True
    )
    monitoring = models.TextField("how delivery is monitored", blank=True)

    returned_comments = models.TextField("the PCC's comments on returning it", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    lock_version = models.PositiveIntegerField(default=1)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_rule=DeadlineRule.POLICE_S55) | Q(due_on__isnull=True),
                name="response_only_s55_has_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=PUBLISHED_STATES) | Q(published_on__isnull=False),
                name="response_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(approved_by__isnull=False),
                name="response_approval_has_approver",
            ),
        ]

    def __str__(self):
        return f"Response to {self.report.title}"

    def get_absolute_url(self):
        return reverse("responses:detail", args=[self.pk])

    @property
    def deadline(self):
        return statutory_deadline(self.report.published_on)

    def days_left(self, today: datetime.date | None = None) -> int | None:
        if self.due_on is None:
            return None
        return days_left(self.due_on, today or timezone.localdate())

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        left = self.days_left(today)
        return left is not None and left < 0 and self.status not in PUBLISHED_STATES


class AnnexEntry(models.Model):
    """One entry of the annex: an item of the report and what the response says about it."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="annex")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="annex_entries")
    included = models.BooleanField(
        default=True, help_text="Recommendations are always included; AFIs when the office chooses."
    )
    explanation = models.CharField(max_length=20, choices=Explanation.choices, blank=True)
    text = models.TextField("the response", blank=True)
    owner = models.CharField(max_length=200, blank=True)
    target_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["item__position", "item__pk"]
        verbose_name_plural = "annex entries"
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="annex_one_entry_per_item"),
        ]

    def __str__(self):
        return f"Annex entry for {self.item}"


class ResponseVersion(models.Model):
    """Every save of the letter and annex, as a snapshot that can be compared with any other."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)
    content = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "number"], name="response_version_numbers_unique"
            ),
        ]

    def __str__(self):
        return f"Version {self.number} of {self.response_id}"
