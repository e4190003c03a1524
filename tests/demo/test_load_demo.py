"""`manage.py load_demo`: the demo register and users, loaded through the services, idempotently."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from accounts.demo import DEMO_PASSWORD, DEMO_USERS
from dashboards.models import UpdateReport
from inspections.choices import ActionStatus, Addressee, Rag
from inspections.models import (
    Action,
    Evidence,
    Item,
    ProgressUpdate,
    Report,
    SignOffEvent,
    TargetDateChange,
)

NCPI_2019 = "National Child Protection Inspections 2019: thematic report"
MISSING_CHILDREN = "Missing children: who cares? The police response to missing and absent children"


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    models = (Report, Item, Action, ProgressUpdate, Evidence, SignOffEvent, TargetDateChange)
    counts = {model.__name__: model.objects.count() for model in models}
    for model in (Report, Item, Action):
        counts[f"historical {model.__name__}"] = model.history.count()
    counts["users"] = get_user_model().objects.count()
    return counts


@pytest.mark.django_db
def test_the_command_loads_the_three_demo_reports():
    load_demo()

    assert Report.objects.count() == 3


@pytest.mark.django_db
def test_ncpi_2019_has_six_recommendations_with_their_addressees_and_three_need_force_action():
    load_demo()

    items = Report.objects.get(title=NCPI_2019).items.order_by("position")
    addressees = {item.reference: (item.addressee, item.addressee_other) for item in items}
    assert addressees == {
        "3.1": (Addressee.HOME_OFFICE, ""),
        "3.2": (Addressee.OTHER, "Ministry of Justice and Department for Education"),
        "3.3": (Addressee.ALL_CHIEF_CONSTABLES, ""),
        "3.4": (Addressee.OTHER, "Home Office and Department for Education"),
        "3.5": (Addressee.ALL_CHIEF_CONSTABLES, ""),
        "3.6": (Addressee.ALL_CHIEF_CONSTABLES, ""),
    }
    needing_action = [item.reference for item in items if item.action_required]
    assert needing_action == ["3.3", "3.5", "3.6"]
    assert all(item.actions.count() == 1 for item in items if item.action_required)


@pytest.mark.django_db
def test_missing_children_has_ten_actions_mostly_closed_and_some_red():
    load_demo()

    actions = Action.objects.filter(item__report__title=MISSING_CHILDREN)
    assert actions.count() == 10
    assert actions.filter(status=ActionStatus.CLOSED).count() == 8
    open_actions = actions.exclude(status=ActionStatus.CLOSED)
    assert {action.rag() for action in open_actions} == {Rag.RED}


@pytest.mark.django_db
def test_history_names_the_demo_user_who_made_each_change():
    load_demo()

    report = Report.objects.get(title=NCPI_2019)
    assert report.history.earliest().history_user.username == "opcc"
    closed = Action.objects.filter(status=ActionStatus.CLOSED).first()
    assert closed.history.earliest().history_user.username == "force"
    assert closed.history.latest().history_user.username == "dcc"
    assert closed.closed_by.username == "dcc"


@pytest.mark.django_db
def test_running_the_command_twice_changes_no_counts():
    load_demo()
    first = row_counts()

    output = load_demo()

    assert row_counts() == first
    assert output.count("Already loaded") == 3


@pytest.mark.django_db
def test_every_demo_user_exists_in_the_group_of_its_role():
    load_demo()

    User = get_user_model()
    for username, (_first, _last, role) in DEMO_USERS.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role.value]


@pytest.mark.django_db
def test_the_command_prints_the_logins_and_the_password():
    output = load_demo()

    assert all(username in output for username in DEMO_USERS)
    assert DEMO_PASSWORD in output
    assert "pccresponse.settings.local" in output


@pytest.mark.django_db
def test_the_demo_password_does_not_log_in_under_the_test_settings():
    load_demo()

    # django-axes (first of the backends) needs the request, to count failures by address.
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="opcc", password=DEMO_PASSWORD) is None


@pytest.mark.django_db
def test_the_demo_password_logs_in_when_the_demo_backend_is_enabled(settings):
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "accounts.backends.DemoLoginBackend",
    ]
    settings.DEMO_LOGINS_ENABLED = True
    load_demo()

    user = authenticate(username="opcc", password=DEMO_PASSWORD)

    assert user is not None
    assert user.username == "opcc"


@pytest.mark.django_db
def test_the_demo_has_a_jasp_paper_for_the_next_meeting_frozen_once():
    load_demo()
    load_demo()

    paper = UpdateReport.objects.get()
    assert (paper.meeting_date - paper.as_at).days == 14
    assert paper.requested_by.username == "opcc"
    # The demo's overdue recommendations (NCPI 2019 and Missing children) are in its list.
    assert paper.snapshot["overdue_items"]["total"] == paper.snapshot["items"]["overdue"] > 0
