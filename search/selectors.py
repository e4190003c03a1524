"""Search across reports, items and actions: PostgreSQL full-text search, icontains elsewhere.

On PostgreSQL each kind's text is weighted (title or reference or owner first, then the body)
and matched with `websearch_to_tsquery` (English stemming; "quoted phrases", OR and -exclusions
work), ranked by relevance. An item's reference ("3.3", "AFI 2") also matches exactly. On SQLite
(`make run`) every word must appear, case-insensitively, in one of the same fields, and results
come in each list's usual order. The vectors are computed per query (no stored column or GIN
index yet): fine at one force's size, a follow-up at national scale.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import CombinedExpression, OrderBy

from inspections.models import Action, Item, Report

CONFIG = "english"
#: How many of each kind the grouped results show; the rest are a "see all" link away.
PER_GROUP = 20
MAX_TERMS = 12


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    queryset: Callable[[], QuerySet]
    #: (field, weight): the weighted text on PostgreSQL, the icontains fields elsewhere.
    fields: tuple[tuple[str, str], ...]
    order: tuple[str | OrderBy, ...]
    exact: str = ""  # a field that also matches the whole query exactly (an item's reference)

    def vector(self) -> CombinedExpression | SearchVector:
        vectors = [SearchVector(name, weight=weight, config=CONFIG) for name, weight in self.fields]
        combined: CombinedExpression | SearchVector = vectors[0]
        for vector in vectors[1:]:
            combined = combined + vector
        return combined


KINDS = {
    kind.key: kind
    for kind in (
        Kind(
            "reports",
            "Reports",
            lambda: Report.objects.all(),
            (("title", "A"), ("summary", "B")),
            ("-published_on", "title"),
        ),
        Kind(
            "items",
            "Items",
            lambda: Item.objects.select_related("report"),
            (("reference", "A"), ("text", "B"), ("addressee_other", "C")),
            ("-report__published_on", "report_id", "position", "pk"),
            exact="reference",
        ),
        Kind(
            "actions",
            "Actions",
            lambda: Action.objects.select_related("item__report", "owner_user"),
            (
                ("owner_name", "A"),
                ("owner_user__first_name", "A"),
                ("owner_user__last_name", "A"),
                ("owner_user__username", "A"),
                ("description", "B"),
            ),
            (F("target_date").asc(nulls_last=True), "pk"),
        ),
    )
}


def _full_text(kind: Kind, q: str) -> QuerySet:
    query = SearchQuery(q, search_type="websearch", config=CONFIG)
    matches = Q(document=query)
    if kind.exact:
        matches |= Q(**{f"{kind.exact}__iexact": q})
    ranked: QuerySet = (
        kind.queryset()
        .annotate(document=kind.vector())
        .filter(matches)
        .annotate(rank=SearchRank(F("document"), query))
        .order_by("-rank", *kind.order)
    )
    return ranked


def _contains(kind: Kind, q: str) -> QuerySet:
    results = kind.queryset()
    for term in q.split()[:MAX_TERMS]:
        anywhere = Q()
        for name, _weight in kind.fields:
            anywhere |= Q(**{f"{name}__icontains": term})
        results = results.filter(anywhere)
    return results.order_by(*kind.order)


def matches(*, kind: str, q: str) -> QuerySet:
    """Every `kind` ("reports", "items", "actions") matching `q`, best first."""
    if connection.vendor == "postgresql":
        return _full_text(KINDS[kind], q)
    return _contains(KINDS[kind], q)


@dataclass
class Group:
    kind: Kind
    count: int
    results: list


def search(*, q: str) -> list[Group]:
    """The first PER_GROUP of each kind and how many there are: two queries a kind."""
    groups = []
    for kind in KINDS.values():
        found = matches(kind=kind.key, q=q)
        groups.append(Group(kind=kind, count=found.count(), results=list(found[:PER_GROUP])))
    return groups
