"""Named personas (one per role, plus an outsider with no role) and the objects most tests need."""

import pytest

from accounts.roles import Role
from inspections.models import (
    Action,
    Evidence,
    Item,
    ProgressUpdate,
    Report,
    SignOffEvent,
    TargetDateChange,
)

from .factories import ActionFactory, ItemFactory, ReportFactory, UserFactory


@pytest.fixture
def opcc_staff(db):
    return UserFactory(username="olivia", role=Role.OPCC_STAFF)


@pytest.fixture
def pcc(db):
    return UserFactory(username="paddy", role=Role.PCC)


@pytest.fixture
def force_officer(db):
    return UserFactory(username="laura", role=Role.FORCE_STAFF)


@pytest.fixture
def dcc(db):
    return UserFactory(username="rachel", role=Role.DCC)


@pytest.fixture
def jasp(db):
    return UserFactory(username="james", role=Role.JASP)


@pytest.fixture
def outsider(db):
    """Signed in but holding no role: sees nothing."""
    return UserFactory(username="nobody")


@pytest.fixture
def superuser(db):
    """The support login: the only way into the Django admin. Holds no role in the app itself."""
    return UserFactory(username="sam", is_staff=True, is_superuser=True)


@pytest.fixture
def personas(opcc_staff, pcc, force_officer, dcc, jasp, outsider):
    return {
        "opcc_staff": opcc_staff,
        "pcc": pcc,
        "force_officer": force_officer,
        "dcc": dcc,
        "jasp": jasp,
        "outsider": outsider,
    }


@pytest.fixture
def report(db):
    return ReportFactory()


@pytest.fixture
def item(report):
    return ItemFactory(report=report, reference="3.3")


@pytest.fixture
def action(item, force_officer):
    return ActionFactory(item=item, owner_user=force_officer)


@pytest.fixture
def row_counts(db):
    """A callable counting the rows of every register table, history included, so a test can show
    that a refused change saved nothing at all."""

    def counts() -> dict[str, int]:
        tables = (Report, Item, Action, ProgressUpdate, Evidence, SignOffEvent, TargetDateChange)
        result = {model.__name__: model.objects.count() for model in tables}
        for model in (Report, Item, Action):
            result[f"historical {model.__name__}"] = model.history.count()
        return result

    return counts
