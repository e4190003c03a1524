"""Withdraw, never delete (decision 0011): a wrongly recorded report or item leaves the register
with a reason and can be restored; the response and the reminders follow."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.roles import REGISTER_EDITORS, require_role
from core.concurrency import save_versioned
from core.history import stamp

from . import hooks
from .models import Action, Item, Report

# --- Withdrawal: never delete ------------------------------------------------------------------

PUBLISHED_REPORT = (
    "The response to this report has been published, so the report stays in the register: "
    "the published record must match it."
)


def _withdrawal_reason(reason: str, verb: str, noun: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": f"Say why the {noun} is being {verb}."})
    return reason


def _response_of(report: Report):
    """The report's section 55 response, fresh from the database (None if it has none). Read
    through the reverse relation: responses depends on this app, not the other way."""
    response_model: Any = Report._meta.get_field("response").related_model
    return response_model.objects.select_related("report").filter(report=report).first()


def _replan_reminders(report: Report, actions) -> None:
    """Withdrawn subjects have no reminders; restored ones get theirs planned again."""
    for action in actions.select_related("item__report"):
        hooks.action_changed(action=action)
    hooks.report_withdrawal_changed(report=report)


def _set_withdrawn(instance, *, by: User, reason: str, expected_version: int | None) -> None:
    instance.withdrawn_at = timezone.now()
    instance.withdrawn_by = by
    instance.withdrawal_reason = reason
    stamp(instance, by, f"Withdrawn: {reason}")
    save_versioned(instance, expected_version=expected_version)


def _set_restored(instance, *, by: User, reason: str, expected_version: int | None) -> None:
    instance.withdrawn_at = None
    instance.withdrawn_by = None
    instance.withdrawal_reason = ""
    stamp(instance, by, f"Restored: {reason}")
    save_versioned(instance, expected_version=expected_version)


@transaction.atomic
def report_withdraw(
    *, report: Report, by: User, reason: str, expected_version: int | None = None
) -> Report:
    """Take a wrongly recorded report out of the register, with its items and actions."""
    require_role(by, REGISTER_EDITORS)
    reason = _withdrawal_reason(reason, "withdrawn", "report")
    if report.is_withdrawn:
        raise ValidationError("This report is already withdrawn.")
    response = _response_of(report)
    if response is not None and response.published_on is not None:
        raise ValidationError(PUBLISHED_REPORT)
    _set_withdrawn(report, by=by, reason=reason, expected_version=expected_version)
    _replan_reminders(report, Action.all_objects.filter(item__report=report))
    return report


@transaction.atomic
def report_restore(
    *, report: Report, by: User, reason: str, expected_version: int | None = None
) -> Report:
    require_role(by, REGISTER_EDITORS)
    reason = _withdrawal_reason(reason, "restored", "report")
    if not report.is_withdrawn:
        raise ValidationError("This report is in the register: there is nothing to restore.")
    _set_restored(report, by=by, reason=reason, expected_version=expected_version)
    _replan_reminders(report, Action.all_objects.filter(item__report=report))
    return report


@transaction.atomic
def item_withdraw(
    *, item: Item, by: User, reason: str, expected_version: int | None = None
) -> Item:
    """Take a wrongly recorded item out of the register, with its actions."""
    require_role(by, REGISTER_EDITORS)
    reason = _withdrawal_reason(reason, "withdrawn", "item")
    if item.is_withdrawn or item.report.is_withdrawn:
        raise ValidationError("This item is already out of the register.")
    if item.recommendations.exists():
        raise ValidationError(
            "Recommendations sit under this cause of concern: withdraw them, or move them, first."
        )
    _set_withdrawn(item, by=by, reason=reason, expected_version=expected_version)
    _replan_reminders(item.report, Action.all_objects.filter(item=item))
    hooks.items_changed(report=item.report, by=by, reason=f"{item} withdrawn.")
    return item


@transaction.atomic
def item_restore(*, item: Item, by: User, reason: str, expected_version: int | None = None) -> Item:
    require_role(by, REGISTER_EDITORS)
    reason = _withdrawal_reason(reason, "restored", "item")
    if not item.is_withdrawn:
        raise ValidationError("This item is in the register: there is nothing to restore.")
    if item.report.is_withdrawn:
        raise ValidationError("Its report is withdrawn: restore the report first.")
    parent = item.cause_of_concern
    if parent is not None and parent.is_withdrawn:
        raise ValidationError(f"Its cause of concern ({parent}) is withdrawn: restore that first.")
    _set_restored(item, by=by, reason=reason, expected_version=expected_version)
    _replan_reminders(item.report, Action.all_objects.filter(item=item))
    hooks.items_changed(report=item.report, by=by, reason=f"{item} restored.")
    return item
