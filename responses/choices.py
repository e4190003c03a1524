from django.db import models


class ResponseStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    CC_INVITED = "cc_invited", "Chief Constable invited"
    CC_RECEIVED = "cc_received", "Chief Constable's comments received"
    DRAFTING = "drafting", "Drafting"
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    SENT = "sent", "Sent"


#: States in which the letter and annex may still be edited (after submission, only the PCC's
#: return reopens them).
EDITABLE_STATES = (
    ResponseStatus.NOT_STARTED,
    ResponseStatus.CC_INVITED,
    ResponseStatus.CC_RECEIVED,
    ResponseStatus.DRAFTING,
)
#: Once here, the statutory duty to publish is met and the response cannot be overdue.
PUBLISHED_STATES = (ResponseStatus.PUBLISHED, ResponseStatus.SENT)


class Explanation(models.TextChoices):
    """What s55(5B) asks the response to say about each recommendation."""

    ACTION_TAKEN = "action_taken", "Action taken"
    ACTION_PROPOSED = "action_proposed", "Action proposed"
    NO_ACTION = "no_action", "No action, and why"
    OTHER_BODY = "other_body", "Addressed to another body"
