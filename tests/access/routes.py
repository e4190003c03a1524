"""Walking the URLconf: every pattern the project serves, its access rule, a path to request."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern

from .table import ACCESS, Access


@dataclass(frozen=True)
class Route:
    """One leaf URL pattern, with the patterns of the includes above it."""

    namespace: str
    name: str | None
    patterns: tuple  # RoutePattern / RegexPattern, outermost first
    callback: Callable

    @property
    def route(self) -> str:
        return "".join(str(p) for p in self.patterns)

    @property
    def label(self) -> str:
        name = self.name or f"<unnamed {self.route}>"
        return f"{self.namespace}:{name}" if self.namespace else name


def url_routes() -> Iterator[Route]:
    """Every URL pattern the project serves: django.urls.get_resolver(), walked recursively."""

    def walk(entries, namespace: str, patterns: tuple):
        for entry in entries:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry.url_patterns, inner, (*patterns, entry.pattern))
            else:
                assert isinstance(entry, URLPattern), entry
                yield Route(namespace, entry.name, (*patterns, entry.pattern), entry.callback)

    yield from walk(get_resolver().url_patterns, "", ())


def access_rule(route: Route) -> Access | str | None:
    if route.name and route.label in ACCESS:
        return ACCESS[route.label]
    if route.namespace.split(":")[0] == "admin":
        return ACCESS.get("admin:*")
    # allauth's views, and the old addresses it redirects (accounts/social/... -> 3rdparty/).
    allauth_view = getattr(route.callback, "__module__", "").startswith("allauth.")
    if allauth_view or (route.name is None and route.route.startswith("accounts/social/")):
        return ACCESS.get("allauth:*")
    return None


def missing_expectations() -> list[str]:
    return [
        f"url {route.label!r} has no access expectation: add it to ACCESS"
        for route in url_routes()
        if access_rule(route) is None
    ]


_ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
# A capture group without nested groups: named (?P<name>...) or positional (...).
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)|\((?!\?)[^()]*\)")
#: What fills the positional groups of regex patterns (django-simple-history's admin view).
_POSITIONAL_PARAMS = ("object_id", "history_id")


def build_path(route: Route, params: dict[str, object]) -> str:
    """The route with each parameter filled in; checked to resolve back to the same view."""
    parts = []
    for pattern in route.patterns:
        if isinstance(pattern, RoutePattern):
            parts.append(_ROUTE_PARAM.sub(lambda m: str(params[m[1]]), str(pattern)))
        else:
            positional = iter(_POSITIONAL_PARAMS)
            regex = pattern.regex.pattern.removeprefix("^").removesuffix("$")
            parts.append(
                _REGEX_GROUP.sub(
                    lambda m, positional=positional: str(params[m[1] or next(positional)]), regex
                )
            )
    url = "/" + "".join(parts)
    match = resolve(url)
    assert match.func is route.callback, f"{url} built for {route.label} resolves to {match}"
    return url
