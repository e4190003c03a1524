"""Section 55 responses: the statutory clock, the workflow, and the letter and annex."""

import datetime
from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.constraints import one_of
from core.fields import LineField
from core.jobs import BackgroundJob, job_constraints
from core.models import StoredPdf, Versioned, stored_pdf_constraint
from inspections.choices import ItemKind
from inspections.models import Item, Report
from inspections.withdrawal import EveryRowManager, InRegisterManager

from .choices import PUBLISHED_STATES, Explanation, ResponseStatus
from .deadlines import DeadlineRule, days_left, statutory_deadline

#: How the comments begin when a change to what the response quotes sent it back for approval.
SENT_BACK_PREFIX = "Sent back after a change: "
HOME_SECRETARY_ADDRESS = "The Home Secretary\nHome Office\n2 Marsham Street\nLondon\nSW1P 4DF"


class Office(models.Model):
    """The office's own details for the letterhead; one row, edited by an admin."""

    name = LineField(max_length=200)
    address = models.TextField()
    logo = models.ImageField(upload_to="office/", blank=True)
    force_name = LineField(max_length=200, help_text="e.g. Nottinghamshire Police")

    class Meta:
        verbose_name = "office"

    def __str__(self):
        return self.name


class Signatory(models.Model):
    """Who signs for the local policing body, and when they held office."""

    name = LineField(max_length=200)
    title = LineField(max_length=200, default="Police and Crime Commissioner")
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
    def unpublished(self) -> Self:
        """Not yet first published: the duty is still open (a correction does not reopen it)."""
        return self.filter(published_on__isnull=True)

    def overdue(self, today: datetime.date):
        return self.unpublished().filter(due_on__lt=today)


class Response(Versioned):
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="response")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_responses",
    )
    status = LineField(
        max_length=16, choices=ResponseStatus.choices, default=ResponseStatus.NOT_STARTED
    )
    deadline_rule = LineField(max_length=16, choices=DeadlineRule.choices)
    #: Stored and indexed so that jobs ask the database what is due; always set by
    #: responses.deadlines.statutory_deadline through the services.
    due_on = models.DateField("statutory deadline", null=True, blank=True, db_index=True)

    cc_invited_on = models.DateField("Chief Constable invited on", null=True, blank=True)
    cc_due_on = models.DateField("Chief Constable's comments due", null=True, blank=True)
    cc_received_on = models.DateField("Chief Constable's comments received", null=True, blank=True)
    cc_short_notice_reason = models.TextField(
        "why the Chief Constable was given less than the usual time", blank=True
    )

    # The letter. Long text is Markdown, sanitised by responses.richtext when stored and shown.
    letter_date = models.DateField(null=True, blank=True)
    addressee = models.TextField(default=HOME_SECRETARY_ADDRESS)
    copy_to = LineField(max_length=200, default="HMICFRS")
    subject = LineField(max_length=300, blank=True)
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
    #: What the PCC approved, fixed (the letter and annex as rendered, with its hash); cleared
    #: when the response goes back for changes. Publishing publishes exactly this.
    approval = models.ForeignKey(
        "Approval", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    #: A publication date the report used to have, while a person-written opening may still
    #: give it (the gate asks for the letter to be checked).
    stale_publication_date = models.DateField(null=True, blank=True)
    #: The day it was first published: the statutory record. A later corrected version keeps
    #: this date; each version's own date is on PublishedVersion.
    published_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            one_of("response", "status", ResponseStatus),
            one_of("response", "deadline_rule", DeadlineRule),
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
            models.CheckConstraint(
                condition=~Q(status__in=[ResponseStatus.APPROVED, *PUBLISHED_STATES])
                | Q(approval__isnull=False)
                | Q(published_on__isnull=False),
                name="response_approved_has_approval",
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

    @property
    def returned_heading(self) -> str:
        if self.returned_comments.startswith(SENT_BACK_PREFIX):
            return "Sent back for approval after a change"
        return "Returned by the PCC"

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        left = self.days_left(today)
        return left is not None and left < 0 and self.published_on is None


class AnnexEntryManager(InRegisterManager):
    """The annex holds the entries of the report's current recommendations and AFIs: an entry
    whose item is withdrawn, or is no longer of those kinds, leaves the letter, the composer and
    the gate, and comes back with its words if the item is restored or changed back."""

    withdrawn_paths = ("item__withdrawn_at",)

    def get_queryset(self):
        kinds = [ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT]
        return super().get_queryset().filter(item__kind__in=kinds)


class AnnexEntry(models.Model):
    """One entry of the annex: an item of the report and what the response says about it."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="annex")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="annex_entries")
    included = models.BooleanField(
        default=True, help_text="Recommendations are always included; AFIs when the office chooses."
    )
    explanation = LineField(max_length=20, choices=Explanation.choices, blank=True)
    text = models.TextField("the response", blank=True)
    owner = LineField(max_length=200, blank=True)
    target_date = models.DateField(null=True, blank=True)

    objects = AnnexEntryManager()
    all_objects = EveryRowManager()

    class Meta:
        ordering = ["item__position", "item__pk"]
        verbose_name_plural = "annex entries"
        constraints = [
            one_of("annex_entry", "explanation", Explanation, blank=True),
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
    note = LineField(max_length=200, blank=True)
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


class Approval(models.Model):
    """What the PCC approved, exactly: the letter and annex as rendered at that moment (with the
    report and item text they quote) and its SHA-256. Never altered (a trigger refuses it,
    migration 0005); publishing publishes this HTML byte for byte."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="approvals")
    #: The letter and annex as data (responses.versions.snapshot), to compare with later ones.
    content = models.JSONField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)
    #: When it was recorded: later than approved_at only for an approval taken from the
    #: office's files (demo.responses, or records kept before the register).
    recorded_at = models.DateTimeField(default=timezone.now)
    letter_html = models.TextField()
    letter_sha256 = LineField(max_length=64)

    class Meta:
        ordering = ["-approved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(letter_sha256__regex=r"^[0-9a-f]{64}$"), name="approval_hashed"
            ),
        ]

    def __str__(self):
        return f"Approval {self.pk} of response {self.response_id}"


# --- Publication -------------------------------------------------------------------------------


def published_pdf_upload_to(instance, filename):
    return f"published/{instance.response_id}/{filename}"


def render_upload_to(instance, filename):
    return f"renders/{instance.response_id}/{filename}"


class PublishedVersion(StoredPdf):
    """One published version of a response, frozen: the accessible HTML document and its PDF,
    each with its SHA-256, the date and who published it. Never altered once written (a
    database trigger refuses it, migration 0004); a correction is published as a new version."""

    response = models.ForeignKey(
        Response, on_delete=models.PROTECT, related_name="published_versions"
    )
    number = models.PositiveIntegerField()
    published_on = models.DateField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    content = models.ForeignKey(
        ResponseVersion,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The saved letter and annex this version was made from.",
    )
    approval = models.ForeignKey(
        Approval,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_versions",
        help_text="The PCC's approval whose letter this version publishes (none before 2026).",
    )
    #: Why a publication date earlier than the day it was recorded (published_at) was given.
    recorded_late_reason = models.TextField(blank=True)
    html = models.TextField("accessible HTML document")
    html_sha256 = LineField(max_length=64)
    #: Written once by the render job (responses.rendering); empty until then.
    pdf = models.FileField(upload_to=published_pdf_upload_to, blank=True, max_length=200)

    class Meta:
        ordering = ["-published_on", "-number", "-pk"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(
                fields=["response", "number"], name="published_version_numbers_unique"
            ),
            models.CheckConstraint(
                condition=Q(html_sha256__regex=r"^[0-9a-f]{64}$"),
                name="published_version_html_hashed",
            ),
            stored_pdf_constraint("published_version"),
        ]

    def __str__(self):
        return f"Version {self.number} of the response to {self.response.report.title}"

    def get_absolute_url(self):
        return reverse("public:version", args=[self.pk])

    @property
    def recorded_on(self) -> datetime.date:
        return timezone.localdate(self.published_at)

    @property
    def recorded_late(self) -> bool:
        """Recorded after the day it gives as its publication date."""
        return self.published_on < self.recorded_on


class RenderPurpose(models.TextChoices):
    PREVIEW = "preview", "Draft preview"
    PUBLICATION = "publication", "Publication"


class RenderJob(BackgroundJob):
    """One PDF render in the background (responses.tasks), with how far it has got and how it
    ended. The HTML to render is fixed when the job is asked for, so the PDF shows exactly what
    was there at that moment, whatever is edited while it waits."""

    Purpose = RenderPurpose

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="render_jobs")
    purpose = LineField(max_length=16, choices=Purpose.choices)
    version = models.ForeignKey(
        PublishedVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="render_jobs",
    )
    source_html = models.TextField()
    pdf = models.FileField(upload_to=render_upload_to, blank=True, max_length=200)
    pages = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            *job_constraints("render_job"),
            one_of("render_job", "purpose", RenderPurpose),
            models.CheckConstraint(
                condition=Q(purpose="publication", version__isnull=False)
                | Q(purpose="preview", version__isnull=True),
                name="render_job_publication_has_version",
            ),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} render {self.pk}"

    def get_absolute_url(self):
        return reverse("responses:render_job", args=[self.pk])


class Dispatch(models.Model):
    """One sending of a published version to HMICFRS and the Home Secretary (s55(6))."""

    version = models.ForeignKey(
        PublishedVersion, on_delete=models.PROTECT, related_name="dispatches"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recipients = models.JSONField(help_text="The addresses it went to, as sent.")
    message_id = LineField(max_length=255, unique=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name_plural = "dispatches"

    def __str__(self):
        return f"{self.version} sent {self.sent_at:%Y-%m-%d %H:%M}"
