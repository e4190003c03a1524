"""The walk: every URL pattern x every persona x GET and POST, against the ACCESS table."""

import pytest
from django.urls import include, path
from django.views import View

from .outcomes import check, expected
from .routes import access_rule, build_path, missing_expectations, url_routes
from .snapshot import db_changes, db_snapshot
from .table import ACCESS, ANONYMOUS, PERSONAS


def test_every_url_pattern_has_an_access_expectation():
    assert not missing_expectations(), "\n".join(missing_expectations())
    labels = {route.label for route in url_routes()}
    stale = set(ACCESS) - labels - {"admin:*", "allauth:*"}
    assert not stale, f"ACCESS names urls that no longer exist: {sorted(stale)}"


#: A URLconf for the test below: the project's URLs plus a page nobody decided about.
urlpatterns = [
    path("", include("pccresponse.urls")),
    path("forgotten/", View.as_view(), name="forgotten"),
]


@pytest.mark.urls(__name__)
def test_a_url_added_without_an_expectation_fails_the_walk():
    assert missing_expectations() == ["url 'forgotten' has no access expectation: add it to ACCESS"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_every_persona_as_the_access_table_says(persona, request, client, world):
    """Each URL pattern x GET and POST (an empty body) for one persona; every failure is listed.

    Nothing may change in the database on any of these requests: refused ones must not write,
    and an empty form must not save.
    """
    user = None if persona == ANONYMOUS else request.getfixturevalue(persona)
    failures = missing_expectations()
    cases = 0
    snapshot = None
    for route in url_routes():
        rule = access_rule(route)
        if rule is None:
            continue
        url = build_path(route, world.params(route))
        for method in ("GET", "POST"):
            cases += 1
            if user is not None and (snapshot is None or "_auth_user_id" not in client.session):
                client.force_login(user)  # again after a logout URL; it sets last_login
                snapshot = None
            outcome = expected(rule, route, persona, method)
            before = snapshot or db_snapshot()
            where = f"{method} {url} ({route.label}) as {persona}"
            try:
                response = client.generic(method, url)
            except Exception as error:  # the test client re-raises a view's exception: a 500
                failures.append(f"{where}: raised {error!r}")
                snapshot = None
                continue
            if response.streaming:  # the evidence file: read it, which closes it
                b"".join(response.streaming_content)
            problem = check(outcome, response, url)
            if problem:
                failures.append(f"{where}: {problem}")
            snapshot = db_snapshot()
            changes = db_changes(before, snapshot)
            if changes:
                failures.append(f"{where}: changed the database: {'; '.join(changes)}")
    assert cases > 2 * len(ACCESS), "the walk found fewer URLs than the table names"
    assert not failures, f"{len(failures)} of {cases} requests:\n" + "\n".join(failures)
