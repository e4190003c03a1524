"""Reads for the pages: each list is one query shape whatever the data size (no N+1)."""

from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Exists, Model, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear

from .choices import FINISHED_STATUSES, ActionStatus
from .filters import ReportFilterSet
from .models import Action, Evidence, Item, ProgressUpdate, Report, SignOffEvent, TargetDateChange
from .querysets import ActionQuerySet

_UNFINISHED = ~Q(actions__status__in=FINISHED_STATUSES)


def items_with_open_flag() -> QuerySet[Item]:
    unfinished = Action.objects.filter(item=OuterRef("pk")).unfinished()
    any_action = Action.objects.filter(item=OuterRef("pk"))
    return Item.objects.annotate(has_unfinished=Exists(unfinished), has_action=Exists(any_action))


def report_list(*, filters: ReportFilterSet) -> QuerySet[Report]:
    """The register's page: each report with its counts and response, narrowed by the filters."""
    open_items = (
        items_with_open_flag()
        .filter(report=OuterRef("pk"), action_required=True)
        .filter(Q(has_unfinished=True) | Q(has_action=False))
    )
    # Each report's section 55 response (and its owner) in the same query, for the deadline column.
    # Counted by subqueries rather than a join: PostgreSQL then counts only the page's 25 rows,
    # where grouping the join would count the items of every report before the LIMIT.
    items = Item.objects.filter(report=OuterRef("pk"))
    reports = Report.objects.select_related("response__owner").annotate(
        item_count=_count(items),
        recommendation_count=_count(items.filter(kind="recommendation")),
        has_open_items=Exists(open_items),
    )
    return filters.apply(reports).order_by("-published_on", "title")


def _count(items: QuerySet[Item]) -> Coalesce:
    counted = items.order_by().values("report").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), Value(0))


def report_years() -> list[int]:
    years = Report.objects.annotate(year=ExtractYear("published_on")).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def report_items(*, report: Report, with_withdrawn: bool = False) -> QuerySet[Item]:
    """The report's items in printed order, each with its actions' status counts; withdrawn ones
    too (for OPCC staff, shown struck through) when asked."""
    items = Item.all_objects.filter(report=report) if with_withdrawn else report.items.all()
    return (
        items.select_related("cause_of_concern", "withdrawn_by")
        .annotate(
            action_count=Count("actions"),
            closed_count=Count("actions", filter=Q(actions__status=ActionStatus.CLOSED)),
            pending_count=Count("actions", filter=Q(actions__status=ActionStatus.PENDING_SIGN_OFF)),
            unfinished_count=Count("actions", filter=_UNFINISHED),
        )
        .order_by("position", "pk")
    )


def item_actions(*, item: Item) -> QuerySet[Action]:
    # all_objects: a withdrawn item, shown to OPCC staff, still lists the actions it had.
    return (
        Action.all_objects.filter(item=item)
        .select_related("owner_user", "closed_by")
        .prefetch_related(
            Prefetch("updates", queryset=ProgressUpdate.objects.select_related("author")),
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
            Prefetch(
                "target_changes", queryset=TargetDateChange.objects.select_related("changed_by")
            ),
            Prefetch("sign_off_events", queryset=SignOffEvent.objects.select_related("by")),
        )
    )


def actions_for_list() -> ActionQuerySet:
    return Action.objects.select_related("item__report", "owner_user").order_by("target_date", "pk")


def my_actions(*, user: User) -> ActionQuerySet:
    return actions_for_list().filter(owner_user=user).unfinished()


def review_queue() -> ActionQuerySet:
    latest_submission = SignOffEvent.objects.filter(action=OuterRef("pk")).order_by("-at")
    return (
        actions_for_list()
        .filter(status=ActionStatus.PENDING_SIGN_OFF)
        .annotate(evidence_count=Count("evidence"))
        .annotate(submitted_at=latest_submission.values("at")[:1])
        .order_by("submitted_at", "pk")
    )


#: withdrawn_by would show as an id; the record's user is who withdrew it.
_NOT_SHOWN = {"lock_version", "updated_at", "withdrawn_by"}


def _entries(records: list, model: type[Model]) -> list[dict]:
    """Turn history records (newest first, all of one object) into who/when/what-changed entries."""
    entries = []
    for record, older in zip(records, [*records[1:], None], strict=False):
        changes = []
        if older is not None and record.history_type == "~":
            delta = record.diff_against(older, excluded_fields=_NOT_SHOWN)
            changes = [(_label(model, c.field), c.old, c.new) for c in delta.changes]
        entries.append({"record": record, "changes": changes})
    return entries


def _label(model: type[Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def history_entries(instance: Model) -> list[dict]:
    """Who changed what and when on one object, newest first (django-simple-history)."""
    records = list(
        instance.history.select_related(  # type: ignore[attr-defined]  # simple_history adds it
            "history_user"
        ).order_by("-history_date", "-history_id")
    )
    return _entries(records, type(instance))


def action_histories(actions: list[Action]) -> dict[int, list[dict]]:
    """The history of many actions in one query, keyed by action id."""
    by_action: dict[int, list] = {}
    records = (
        Action.history.filter(id__in=[a.pk for a in actions])
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    for record in records:
        by_action.setdefault(record.id, []).append(record)
    return {pk: _entries(recs, Action) for pk, recs in by_action.items()}


# --- Withdrawn reports and items (OPCC staff only) ---------------------------------------------


def withdrawn_reports() -> QuerySet[Report]:
    return (
        Report.all_objects.filter(withdrawn_at__isnull=False)
        .select_related("withdrawn_by")
        .order_by("-withdrawn_at", "pk")
    )


def report_response_published(*, report: Report) -> bool:
    """Is the report's section 55 response published? Then the report cannot be withdrawn."""
    response_model: Any = Report._meta.get_field("response").related_model
    published: bool = response_model.objects.filter(
        report=report, published_on__isnull=False
    ).exists()
    return published
