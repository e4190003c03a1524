"""Reads for the response pages: each list is one query shape whatever the data size (no N+1)."""

import datetime

from django.contrib.auth.models import User
from django.db.models import F, QuerySet

from .choices import ResponseStatus
from .filters import ResponseFilterSet
from .models import Response, ResponseQuerySet

#: Responses with no statutory deadline (reports before 2 May 2017) come after the dated ones.
#: Responses still to publish come first, soonest deadline first; the published ones follow,
#: the most recently published first (a response sent years ago is not the next thing to do).
SOONEST_FIRST = (
    F("published_on").desc(nulls_first=True),
    F("due_on").asc(nulls_last=True),
    "report__published_on",
    "pk",
)


def in_register() -> ResponseQuerySet:
    """Responses to reports in the register (a withdrawn report's response leaves the lists)."""
    return Response.objects.filter(report__withdrawn_at__isnull=True)


def responses_for_list() -> ResponseQuerySet:
    return in_register().select_related("report", "owner").order_by(*SOONEST_FIRST)


def response_list(*, filters: ResponseFilterSet) -> QuerySet[Response]:
    """Every response in the register, soonest deadline first, narrowed by the filters."""
    return filters.apply(responses_for_list())


def my_responses(*, user: User) -> QuerySet[Response]:
    """The responses a member of staff owns and still has work on, soonest deadline first."""
    return responses_for_list().filter(owner=user).exclude(status=ResponseStatus.SENT)


def response_detail() -> QuerySet[Response]:
    return Response.objects.select_related("report", "owner", "approved_by")


def response_counts(*, today: datetime.date) -> dict[str, int]:
    """How many responses are open and how many of those are overdue, for the list's summary."""
    open_responses = in_register().filter(published_on__isnull=True)
    return {
        "open": open_responses.count(),
        "overdue": in_register().overdue(today).count(),
    }
