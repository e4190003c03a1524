"""The vocabularies of the register (domain.md sections 2 and 3)."""

from django.db import models


class ReportType(models.TextChoices):
    PEEL = "peel", "PEEL inspection"
    NATIONAL = "national", "National or thematic"
    JOINT = "joint", "Joint inspection"
    CHILD_PROTECTION = "child_protection", "Child protection inspection"
    POST_INSPECTION_REVIEW = "post_inspection_review", "Post-inspection review"
    CUSTODY = "custody", "Custody"
    COMMISSIONED = "commissioned", "Commissioned"
    OTHER = "other", "Other"


class Scope(models.TextChoices):
    THIS_FORCE = "this_force", "This force"
    SEVERAL_FORCES = "several_forces", "Several forces"
    ALL_FORCES = "all_forces", "All forces"


class ItemKind(models.TextChoices):
    CAUSE_OF_CONCERN = "cause_of_concern", "Cause of concern"
    RECOMMENDATION = "recommendation", "Recommendation"
    AREA_FOR_IMPROVEMENT = "afi", "Area for improvement"
    INNOVATIVE_PRACTICE = "innovative_practice", "Innovative practice"


class Addressee(models.TextChoices):
    THIS_FORCE = "this_force", "This force"
    ALL_CHIEF_CONSTABLES = "all_chief_constables", "All chief constables"
    HOME_OFFICE = "home_office", "Home Office"
    NPCC = "npcc", "NPCC"
    COLLEGE_OF_POLICING = "college_of_policing", "College of Policing"
    OTHER = "other", "Another body"


#: Addressees whose items need the force to act, unless overridden with a reason.
FORCE_ADDRESSEES = (Addressee.THIS_FORCE, Addressee.ALL_CHIEF_CONSTABLES)


class HmicfrsStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    BEING_PROGRESSED = "being_progressed", "Being progressed"
    COMPLETE = "complete", "Complete"
    SUPERSEDED = "superseded", "Superseded"


class Assurance(models.TextChoices):
    NONE = "", "Not yet assessed"
    ASSURED = "assured", "Assured"
    PARTLY_ASSURED = "partly_assured", "Partly assured"
    NOT_ASSURED = "not_assured", "Not assured"


class ActionStatus(models.TextChoices):
    AWAITING_ALLOCATION = "awaiting_allocation", "Awaiting allocation"
    IN_PROGRESS = "in_progress", "In progress"
    PENDING_SIGN_OFF = "pending_sign_off", "Pending sign-off"
    CLOSED = "closed", "Closed"
    SUPERSEDED = "superseded", "Superseded"
    NATIONAL_DEPENDENCY = "national_dependency", "National dependency"


#: Statuses in which an action is finished with and no longer tracked against its date.
FINISHED_STATUSES = (ActionStatus.CLOSED, ActionStatus.SUPERSEDED)


class Rag(models.TextChoices):
    RED = "red", "Red: past its target date"
    AMBER = "amber", "Amber: due soon or no target date"
    GREEN = "green", "Green: on track"
    DONE = "done", "Done"


class SignOffDecision(models.TextChoices):
    SUBMITTED = "submitted", "Submitted for sign-off"
    CLOSED = "closed", "Signed off and closed"
    RETURNED = "returned", "Returned"
