"""The response follows its report. The register's services (inspections.services) call these
after each change, inside their transaction, so a refusal here undoes the change too.

What the letter and annex quote (the report's title and publication date; each recommendation's
and AFI's kind, reference, text and addressee; which items there are) may change freely while
the response is drafted: the annex is resynchronised at once. Once submitted or approved, such a
change sends the response back to the office, visibly, with the reason, so what the PCC
approved is always what is published. Once published, it is refused until the response is
reopened for correction; the report's publication date, which the statutory record counts
from, cannot change at all after the first publication."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from inspections.models import Item, Report

from . import hooks
from .annex import ANNEX_ITEM_KINDS, response_sync_annex
from .approval import send_back_for_approval
from .choices import PUBLISHED_STATES, ResponseStatus
from .deadlines import default_cc_due_on, statutory_deadline
from .letter import default_opening, default_subject
from .models import Response
from .richtext import plain_text
from .saving import save_response

AWAITING_PUBLICATION = (ResponseStatus.SUBMITTED, ResponseStatus.APPROVED)
#: An item's fields that the annex prints.
QUOTED_ITEM_FIELDS = ("kind", "reference", "text", "addressee", "addressee_other")


def _locked_response(report: Report) -> Response | None:
    return Response.objects.select_for_update(of=("self",)).filter(report=report).first()


def _refuse_while_published(response: Response, change: str) -> None:
    if response.status in PUBLISHED_STATES:
        raise ValidationError(
            f"Not saved: the published response to this report quotes it ({change}). Reopen the "
            "response for correction first; the change then goes to the PCC for approval.",
            code="published",
        )


def _follow(response: Response, *, by, change: str, note: str = "", dirty: bool = False):
    """After a quoted change (already applied to the register): send the response back, or
    resync its annex and keep that as a version (`note`, or the change, says why)."""
    if response.status in AWAITING_PUBLICATION:
        send_back_for_approval(response=response, by=by, reason=change)
        return
    if response_sync_annex(response=response) or dirty:
        save_response(response, by=by, note=(note or change)[:200])


@transaction.atomic
def response_for_new_item(*, item: Item, by) -> None:
    """A new recommendation or AFI joins the annex at once."""
    if item.kind not in ANNEX_ITEM_KINDS:
        return
    response = _locked_response(item.report)
    if response is None:
        return
    change = f"{item.get_kind_display()} {item.reference} was added to the report"
    _refuse_while_published(response, change)
    _follow(response, by=by, change=change, note=f"Annex entry added for {item}.")


@transaction.atomic
def response_item_changed(*, item: Item, before: dict, by) -> None:
    """An item was edited: if the annex quotes what changed, the response follows."""
    changed = [name for name in QUOTED_ITEM_FIELDS if before[name] != getattr(item, name)]
    quoted = before["kind"] in ANNEX_ITEM_KINDS or item.kind in ANNEX_ITEM_KINDS
    if not changed or not quoted:
        return
    response = _locked_response(item.report)
    if response is None:
        return
    words = ", ".join(
        str(getattr(Item._meta.get_field(name), "verbose_name", name)) for name in changed
    )
    change = f"{item.get_kind_display()} {item.reference}: its {words} changed"
    _refuse_while_published(response, change)
    _follow(response, by=by, change=change)


@transaction.atomic
def response_items_changed(*, report: Report, by, reason: str) -> None:
    """Items were withdrawn or restored: the annex and the gate follow."""
    response = _locked_response(report)
    if response is None:
        return
    _refuse_while_published(response, reason)
    _follow(response, by=by, change=reason, dirty=True)


def _generated(text: str, title: str, published_on: datetime.date) -> bool:
    return plain_text(text) == plain_text(default_opening(title, published_on))


def _follow_date_and_title(response: Response, old_title: str, old_date: datetime.date) -> None:
    report = response.report
    deadline = statutory_deadline(report.published_on)
    response.deadline_rule, response.due_on = deadline.rule, deadline.last_day
    cc_default = default_cc_due_on(report.published_on)
    stale_cc_date = response.cc_due_on is not None and response.cc_due_on < report.published_on
    if response.status == ResponseStatus.NOT_STARTED or stale_cc_date:
        response.cc_due_on = cc_default
    if _generated(response.opening, old_title, old_date):
        response.opening = default_opening(report.title, report.published_on)
    elif old_date != report.published_on:
        response.stale_publication_date = old_date
    if response.subject == default_subject(old_title):
        response.subject = default_subject(report.title)


@transaction.atomic
def response_report_changed(*, report: Report, old_title: str, old_date, by) -> None:
    """The report's title or publication date changed: the deadline, the Chief Constable's
    default date and the generated parts of the letter follow; a person's wording is left for
    the gate to question."""
    if report.title == old_title and report.published_on == old_date:
        return
    response = _locked_response(report)
    if response is None:
        return
    response.report = report
    if old_date != report.published_on and response.published_on is not None:
        raise ValidationError(
            {
                "published_on": "The response was published on "
                f"{response.published_on:%-d %B %Y}, counted from this date: it cannot change."
            }
        )
    change = (
        f"the report's publication date changed from {old_date:%-d %B %Y}"
        if old_date != report.published_on
        else "the report's title changed"
    )
    _refuse_while_published(response, change)
    _follow_date_and_title(response, old_title, old_date)
    _follow(response, by=by, change=change[0].upper() + change[1:], dirty=True)


def response_report_withdrawal_changed(*, report: Report) -> None:
    """A withdrawn report's response has no reminders; a restored one gets them again."""
    response = Response.objects.filter(report=report).first()
    if response is not None:
        hooks.response_changed(response=response)
