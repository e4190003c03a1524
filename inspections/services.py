"""Every change to the register goes through these functions: they validate, check the current
state, and save atomically, so bad input changes nothing."""

import secrets
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from accounts.roles import ACTION_EDITORS, ASSURANCE_EDITORS, REGISTER_EDITORS, require_role
from core.concurrency import save_versioned
from core.history import KEEP, Maybe, assign, stamp

from . import hooks
from .choices import ActionStatus, Addressee, ItemKind, SignOffDecision
from .evidence import check_upload
from .models import (
    Action,
    Evidence,
    Item,
    ProgressUpdate,
    Report,
    SignOffEvent,
    TargetDateChange,
)

# Withdrawing and restoring live in their own module; callers find them here with the rest.
from .withdrawing import (  # noqa: F401
    item_restore,
    item_withdraw,
    report_restore,
    report_withdraw,
)
from .workflow import ACTIONS

#: Messages for rules the forms also check, so both say the same thing.
BODY_NOT_NAMED = "Name the body this item is addressed to."
ONLY_RECOMMENDATIONS = "Only a recommendation can sit under a cause of concern."
OWNER_NEEDED = (
    "Name the owner (an officer or a department) or choose their account: only an action "
    "awaiting allocation may have none."
)


def _strip(instance: Model, *names: str) -> None:
    """Text of only spaces counts as blank, as it does in the forms, so full_clean refuses it."""
    for name in names:
        value = getattr(instance, name)
        if isinstance(value, str):
            setattr(instance, name, value.strip())


# --- Reports and items -------------------------------------------------------------------------


@transaction.atomic
def report_create(
    *,
    by: User,
    title: str,
    report_type: str,
    scope: str,
    published_on: date,
    hmicfrs_url: str = "",
    summary: str = "",
) -> Report:
    require_role(by, REGISTER_EDITORS)
    report = Report(
        title=title,
        report_type=report_type,
        scope=scope,
        published_on=published_on,
        hmicfrs_url=hmicfrs_url,
        summary=summary,
    )
    _strip(report, "title")
    stamp(report, by)
    report.full_clean()
    report.save()
    hooks.report_recorded(report=report)
    return report


@transaction.atomic
def report_update(
    *,
    report: Report,
    by: User,
    expected_version: int,
    title: Maybe[str] = KEEP,
    report_type: Maybe[str] = KEEP,
    scope: Maybe[str] = KEEP,
    published_on: Maybe[date] = KEEP,
    hmicfrs_url: Maybe[str] = KEEP,
    summary: Maybe[str] = KEEP,
) -> Report:
    require_role(by, REGISTER_EDITORS)
    old_title, old_date = report.title, report.published_on
    assign(
        report,
        title=title,
        report_type=report_type,
        scope=scope,
        published_on=published_on,
        hmicfrs_url=hmicfrs_url,
        summary=summary,
    )
    _strip(report, "title")
    stamp(report, by)
    save_versioned(report, expected_version=expected_version)
    # The response's deadline and letter follow; a published one refuses (and undoes) it.
    hooks.report_changed(report=report, old_title=old_title, old_date=old_date, by=by)
    return report


def _apply_action_required(item: Item, override: bool | None, reason: str) -> None:
    """Force action follows from the addressee unless the editor overrides it with a reason."""
    default = item.action_required_by_default
    item.action_required = default if override is None else override
    item.action_required_reason = reason if item.action_required != default else ""
    if item.action_required != default and not reason.strip():
        message = "Say why force action differs from what the addressee implies."
        raise ValidationError({"action_required_reason": message})


def _check_item_fields(item: Item) -> None:
    """The item's rules in words; the model's constraints hold the same rules in the database."""
    _strip(item, "reference", "text", "addressee_other")
    if item.addressee == Addressee.OTHER and not item.addressee_other:
        raise ValidationError({"addressee_other": BODY_NOT_NAMED})
    parent = item.cause_of_concern
    if parent is None:
        return
    if item.kind != ItemKind.RECOMMENDATION:
        raise ValidationError({"cause_of_concern": ONLY_RECOMMENDATIONS})
    if parent.kind != ItemKind.CAUSE_OF_CONCERN:
        raise ValidationError({"cause_of_concern": "Choose a cause of concern, not another item."})
    if parent.report_id != item.report_id:
        raise ValidationError(
            {"cause_of_concern": "Choose a cause of concern from the same report."}
        )


@transaction.atomic
def item_create(
    *,
    report: Report,
    by: User,
    kind: str,
    reference: str,
    text: str,
    addressee: str,
    addressee_other: str = "",
    hmicfrs_deadline: date | None = None,
    cause_of_concern: Item | None = None,
    position: int = 0,
    action_required: bool | None = None,
    action_required_reason: str = "",
) -> Item:
    """Record an item as printed in the report; position 0 means after the last.
    `action_required` None follows the addressee; True or False overrides it, with a reason."""
    require_role(by, REGISTER_EDITORS)
    item = Item(
        report=report,
        kind=kind,
        reference=reference,
        text=text,
        addressee=addressee,
        addressee_other=addressee_other,
        hmicfrs_deadline=hmicfrs_deadline,
        cause_of_concern=cause_of_concern,
        position=position or report.items.count() + 1,
    )
    _apply_action_required(item, action_required, action_required_reason)
    _check_item_fields(item)
    stamp(item, by)
    item.full_clean()
    item.save()
    hooks.item_added(item=item, by=by)
    return item


@transaction.atomic
def item_update(
    *,
    item: Item,
    by: User,
    expected_version: int,
    kind: Maybe[str] = KEEP,
    reference: Maybe[str] = KEEP,
    text: Maybe[str] = KEEP,
    addressee: Maybe[str] = KEEP,
    addressee_other: Maybe[str] = KEEP,
    hmicfrs_deadline: Maybe[date | None] = KEEP,
    cause_of_concern: Maybe[Item | None] = KEEP,
    position: Maybe[int] = KEEP,
    action_required: bool | None = None,
    action_required_reason: str = "",
) -> Item:
    require_role(by, REGISTER_EDITORS)
    before = hooks.field_values(item)
    assign(
        item,
        kind=kind,
        reference=reference,
        text=text,
        addressee=addressee,
        addressee_other=addressee_other,
        hmicfrs_deadline=hmicfrs_deadline,
        cause_of_concern=cause_of_concern,
        position=position,
    )
    _apply_action_required(item, action_required, action_required_reason)
    _check_item_fields(item)
    if not item.action_required and item.actions.unfinished().exists():
        raise ValidationError(
            {"action_required": "This item has open force actions: close or supersede them first."}
        )
    stamp(item, by)
    save_versioned(item, expected_version=expected_version)
    # A kind change resyncs the annex at once; what an approved response quotes sends it back.
    hooks.item_changed(item=item, before=before, by=by)
    return item


@transaction.atomic
def item_set_oversight(
    *, item: Item, by: User, expected_version: int, hmicfrs_status: str, assurance: str
) -> Item:
    """HMICFRS's own status and the office's assurance: kept apart from the force's view."""
    require_role(by, ASSURANCE_EDITORS)
    item.hmicfrs_status = hmicfrs_status
    item.assurance = assurance
    stamp(item, by)
    save_versioned(item, expected_version=expected_version)
    return item


# --- Actions -----------------------------------------------------------------------------------

#: The statuses a force user may set directly; the sign-off statuses only move through sign-off.
EDITABLE_STATUSES = (
    ActionStatus.AWAITING_ALLOCATION,
    ActionStatus.IN_PROGRESS,
    ActionStatus.SUPERSEDED,
    ActionStatus.NATIONAL_DEPENDENCY,
)


def _check_item_takes_actions(item: Item) -> None:
    if not item.action_required:
        raise ValidationError("This item needs no force action, so actions cannot be added to it.")


def _check_action_fields(action: Action) -> None:
    """The action's rules in words; the model's constraints hold them in the database."""
    _strip(action, "description", "owner_name")
    unowned = not action.owner_name and action.owner_user is None
    if unowned and action.status != ActionStatus.AWAITING_ALLOCATION:
        raise ValidationError({"owner_name": OWNER_NEEDED})


@transaction.atomic
def action_create(
    *,
    item: Item,
    by: User,
    description: str,
    owner_name: str = "",
    owner_user: User | None = None,
    target_date: date | None = None,
    status: str = ActionStatus.AWAITING_ALLOCATION,
) -> Action:
    require_role(by, ACTION_EDITORS)
    _check_item_takes_actions(item)
    if status not in EDITABLE_STATUSES:
        raise ValidationError({"status": "A new action cannot start pending sign-off or closed."})
    action = Action(
        item=item,
        description=description,
        owner_name=owner_name,
        owner_user=owner_user,
        target_date=target_date,
        status=status,
    )
    _check_action_fields(action)
    stamp(action, by)
    action.full_clean()
    action.save()
    if target_date is not None:
        TargetDateChange.objects.create(
            action=action,
            old_date=None,
            new_date=target_date,
            reason="Set when the action was created.",
            changed_by=by,
        )
    hooks.action_changed(action=action)
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    by: User,
    expected_version: int,
    description: str,
    owner_name: str,
    owner_user: User | None,
    status: str,
) -> Action:
    """Edit what the action is and who owns it. The target date has its own service (a reason
    is required) and the sign-off statuses move only through sign-off."""
    require_role(by, ACTION_EDITORS)
    if action.status not in EDITABLE_STATUSES:
        raise ValidationError(
            f"This action is {action.get_status_display().lower()}; it can only be changed "
            "through sign-off."
        )
    if status not in EDITABLE_STATUSES:
        raise ValidationError({"status": "Use 'Submit for sign-off' to ask the DCC to close it."})
    action.description = description
    action.owner_name = owner_name
    action.owner_user = owner_user
    action.status = status
    _check_action_fields(action)
    stamp(action, by)
    save_versioned(action, expected_version=expected_version)
    hooks.action_changed(action=action)
    return action


@transaction.atomic
def action_change_target_date(
    *, action: Action, by: User, expected_version: int, new_date: date | None, reason: str
) -> Action:
    require_role(by, ACTION_EDITORS)
    if action.is_finished:
        raise ValidationError("A closed or superseded action keeps the target date it had.")
    if new_date == action.target_date:
        raise ValidationError({"new_date": "That is already the target date."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the target date is changing."})
    old_date = action.target_date
    action.target_date = new_date
    stamp(action, by)
    save_versioned(action, expected_version=expected_version)
    TargetDateChange.objects.create(
        action=action, old_date=old_date, new_date=new_date, reason=reason.strip(), changed_by=by
    )
    hooks.action_changed(action=action)
    return action


def _check_still_open(action: Action) -> None:
    if action.is_finished:
        status = action.get_status_display().lower()
        raise ValidationError(f"This action is {status}; nothing more can be added to it.")


@transaction.atomic
def action_add_update(*, action: Action, by: User, text: str) -> ProgressUpdate:
    require_role(by, ACTION_EDITORS)
    _check_still_open(action)
    if not text.strip():
        raise ValidationError({"text": "Write the update before posting it."})
    update = ProgressUpdate(action=action, author=by, text=text.strip())
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def evidence_add(
    *,
    action: Action,
    by: User,
    description: str,
    upload: UploadedFile | None = None,
    link: str = "",
) -> Evidence:
    require_role(by, ACTION_EDITORS)
    _check_still_open(action)
    if bool(upload) == bool(link):
        raise ValidationError("Attach a file or give a link (one of the two).")
    evidence = Evidence(
        action=action, token=secrets.token_hex(16), description=description, link=link, added_by=by
    )
    _strip(evidence, "description")
    if upload:
        evidence.content_type = check_upload(upload)
        name = upload.name or "upload"
        evidence.original_name = name[-255:]
        evidence.size = upload.size
        evidence.file.save(name, upload, save=False)
    try:
        evidence.full_clean()
        evidence.save()
    except Exception:
        # Refused after the file was written: leave no stray file behind.
        if evidence.file:
            evidence.file.delete(save=False)
        raise
    return evidence


# --- Sign-off ----------------------------------------------------------------------------------


@transaction.atomic
def action_submit_for_sign_off(
    *, action: Action, by: User, expected_version: int, note: str = ""
) -> Action:
    ACTIONS.check("submit", action, by)
    action.status = ActionStatus.PENDING_SIGN_OFF
    stamp(action, by)
    save_versioned(action, expected_version=expected_version)
    SignOffEvent.objects.create(action=action, decision=SignOffDecision.SUBMITTED, by=by, note=note)
    hooks.action_changed(action=action)
    return action


@transaction.atomic
def action_sign_off(*, action: Action, by: User, expected_version: int, note: str = "") -> Action:
    """The DCC closes the action on its evidence."""
    ACTIONS.check("sign_off", action, by)
    action.status = ActionStatus.CLOSED
    action.closed_at = timezone.now()
    action.closed_by = by
    stamp(action, by)
    save_versioned(action, expected_version=expected_version)
    SignOffEvent.objects.create(action=action, decision=SignOffDecision.CLOSED, by=by, note=note)
    hooks.action_changed(action=action)
    return action


@transaction.atomic
def action_return(*, action: Action, by: User, expected_version: int, reason: str) -> Action:
    """The DCC sends the action back to the force with a reason."""
    ACTIONS.check("return", action, by)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the action is being returned."})
    action.status = ActionStatus.IN_PROGRESS
    stamp(action, by)
    save_versioned(action, expected_version=expected_version)
    SignOffEvent.objects.create(
        action=action, decision=SignOffDecision.RETURNED, by=by, note=reason.strip()
    )
    hooks.action_changed(action=action)
    return action
